package dev.daehwa.interfaces.web.rooms;

import dev.daehwa.application.rooms.RoomQueries;
import dev.daehwa.application.rooms.RoomView;
import dev.daehwa.domain.message.Message;
import dev.daehwa.domain.room.UnreadCount;
import dev.daehwa.interfaces.web.support.Pages;
import dev.daehwa.interfaces.web.support.Viewer;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.text.MessageFormat;
import java.util.List;

/**
 * My rooms, most recent activity first, from the same bulk query as GET /api/rooms. Loaded when
 * the page first asks, which is after the room page's viewAction has marked the open room read.
 */
@Named
@RequestScoped
public class MyRoomsBacking {

    @Inject
    private RoomQueries queries;

    @Inject
    private Viewer viewer;

    @Inject
    private RoomBacking room;

    private List<RoomView> rooms;

    public List<RoomView> getRooms() {
        if (rooms == null) {
            rooms = queries.roomsOf(viewer.getId());
        }
        return rooms;
    }

    /** The room open beside the list, or 0: its entry is highlighted and shows no badge. */
    public long getCurrentRoomId() {
        return room.isOpen() ? room.getOpened().room().room().id() : 0;
    }

    /** "7", or "100+" when older unread messages were not counted. */
    public String unreadBadge(UnreadCount unread) {
        return unread.count() + (unread.capped() ? "+" : "");
    }

    public String unreadLabel(UnreadCount unread) {
        return MessageFormat.format(Pages.text("rooms.unread"), unreadBadge(unread));
    }

    public String mentionLabel(long mentions) {
        return MessageFormat.format(Pages.text("rooms.mentions"), mentions);
    }

    /**
     * "Minji: the start of her message", as the list shows the latest message; the page escapes
     * it. The snippet is the message's own (the API sends the same one), so a line drawn here and
     * one live.js draws from a frame never differ.
     */
    public String lastLine(Message message) {
        return message.sender().displayName() + ": " + message.snippet();
    }

    /**
     * The first letter of a direct room's person, as the list shows beside their name (live.js
     * takes the same first code point); nothing for a group room.
     */
    public String initial(RoomView entry) {
        String name = entry.name();
        return entry.room().isDirect() && !name.isEmpty()
                ? new String(Character.toChars(name.codePointAt(0))).toUpperCase(java.util.Locale.ROOT) : "";
    }
}
