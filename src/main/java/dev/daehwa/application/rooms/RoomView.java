package dev.daehwa.application.rooms;

import dev.daehwa.application.messages.MessageDetails;
import dev.daehwa.domain.message.Message;
import dev.daehwa.domain.room.Room;
import dev.daehwa.domain.room.UnreadCount;
import dev.daehwa.domain.user.User;
import java.util.List;

/**
 * A room as one member (the viewer) sees it: its people, its newest message, and what they have
 * not read, and how much of that mentions them.
 *
 * @param latestDetails the newest message's details as the viewer sees them; {@link MessageDetails#NONE} without one
 */
public record RoomView(long viewerId, Room room, List<User> members, Message latestMessage, MessageDetails latestDetails,
                       UnreadCount unread, long lastReadSeq, long mentionCount) {

    public long unreadCount() {
        return unread.count();
    }
}
