package dev.daehwa.interfaces.web.rooms;

import dev.daehwa.application.rooms.RoomOpening.MessageView;
import dev.daehwa.application.rooms.RoomOpening.OpenedRoom;
import dev.daehwa.application.rooms.RoomOpening;
import dev.daehwa.domain.error.NotFoundException;
import dev.daehwa.infrastructure.markdown.MessageRenderer;
import dev.daehwa.domain.message.MessageContent;
import dev.daehwa.interfaces.rest.JsonbConfiguration;
import dev.daehwa.interfaces.rest.json.Representations;
import dev.daehwa.interfaces.web.RoomAddressFilter;
import dev.daehwa.interfaces.web.support.Pages;
import dev.daehwa.interfaces.web.support.Viewer;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.cdi.Param;

/**
 * The room page, /rooms/{id}: the newest history, server-rendered. Opening it changes nothing on
 * the server; room.js marks the shown messages read, and sends, edits, deletes and loads older
 * pages, through the REST API, so the page and every other client share one set of rules.
 */
@Named
@RequestScoped
public class RoomBacking {

    @Inject
    @Param(name = "id")
    private String roomId;

    /** The seq of a message to open the room at (from a search result); anything else opens the newest. */
    @Inject
    @Param(name = "at")
    private String at;

    @Inject
    private RoomOpening opening;

    @Inject
    private MembersBacking members;

    private final MessageRenderer renderer = new MessageRenderer();

    @Inject
    private Representations json;

    @Inject
    private JsonbConfiguration jsonb;

    @Inject
    private Viewer viewer;

    private OpenedRoom opened;

    /** Called by the page's viewAction. Not a member, no such room, or a malformed id: 404, alike. */
    public void load() {
        Long id = RoomAddressFilter.parseId(roomId);
        if (id == null) {
            Pages.notFound();
            return;
        }
        try {
            Long focus = RoomAddressFilter.parseId(at);
            opened = focus == null ? opening.open(viewer.getId(), id) : opening.openAt(viewer.getId(), id, focus);
        } catch (NotFoundException e) {
            Pages.notFound();
            return;
        }
        members.show(opened.room());
    }

    public boolean isOpen() {
        return opened != null;
    }

    public OpenedRoom getOpened() {
        return opened;
    }

    /** The message as HTML: the same rendering as the API's html. */
    public String html(MessageView line) {
        return renderer.render(line.message().content(), line.details().mentionedByKey());
    }

    /**
     * The message's reactions as the REST API writes them, for room.js to draw the bar from: the
     * page draws rendered, fetched and live messages' reactions with one piece of code.
     */
    public String reactions(MessageView line) {
        return jsonb.getContext(null).toJson(json.reactions(line.details().reactions()));
    }

    public int getMaxLength() {
        return MessageContent.MAX_LENGTH;
    }
}
