package dev.daehwa.application.rooms;

import dev.daehwa.domain.message.Message;
import dev.daehwa.domain.room.Room;
import dev.daehwa.domain.room.UnreadCount;
import dev.daehwa.domain.user.User;
import java.util.List;

/**
 * A room as one member (the viewer) sees it: its people, its newest message, and what they have
 * not read.
 */
public record RoomView(long viewerId, Room room, List<User> members, Message latestMessage, UnreadCount unread, long lastReadSeq) {

    public long unreadCount() {
        return unread.count();
    }
}
