package dev.daehwa.interfaces.web.rooms;

import dev.daehwa.application.RoomQueries;
import dev.daehwa.application.RoomView;
import dev.daehwa.interfaces.web.support.Viewer;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** My rooms, most recent activity first, from the same bulk query as GET /api/rooms. */
@Named
@RequestScoped
public class MyRoomsBacking {

    private static final int SNIPPET_LENGTH = 80;

    @Inject
    private RoomQueries queries;

    @Inject
    private Viewer viewer;

    private List<RoomView> rooms = List.of();

    /** Called by the page's viewAction, once per request. */
    public void load() {
        rooms = queries.roomsOf(viewer.getId());
    }

    public List<RoomView> getRooms() {
        return rooms;
    }

    /** The start of a message on one line, for the list; the page escapes it. */
    public String snippet(String content) {
        String oneLine = content.replaceAll("\\s+", " ").strip();
        return oneLine.codePointCount(0, oneLine.length()) <= SNIPPET_LENGTH ? oneLine
                : oneLine.substring(0, oneLine.offsetByCodePoints(0, SNIPPET_LENGTH)) + "…";
    }
}
