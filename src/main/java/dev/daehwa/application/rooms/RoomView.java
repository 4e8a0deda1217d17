package dev.daehwa.application.rooms;

import dev.daehwa.application.messages.MessageDetails;
import dev.daehwa.domain.message.Message;
import dev.daehwa.domain.room.Room;
import dev.daehwa.domain.room.UnreadCount;
import dev.daehwa.domain.user.User;
import java.util.List;
import java.util.Optional;

/**
 * A room as one member (the viewer) sees it: its people, its newest message, and what they have
 * not read, and how much of that mentions them. In a direct room every message is addressed to
 * the viewer, so every unread one counts as a mention, and the room is named for the other person.
 *
 * @param latestDetails the newest message's details as the viewer sees them; {@link MessageDetails#NONE} without one
 */
public record RoomView(long viewerId, Room room, List<User> members, Message latestMessage, MessageDetails latestDetails,
                       UnreadCount unread, long lastReadSeq, long mentionCount) {

    public RoomView {
        if (room.isDirect()) {
            mentionCount = unread.count();
        }
    }

    public long unreadCount() {
        return unread.count();
    }

    /** In a direct room, the other person; empty in a group room. */
    public Optional<User> with() {
        return room.isDirect()
                ? members.stream().filter(member -> member.id() != viewerId).findFirst()
                : Optional.empty();
    }

    /** The room's name, or in a direct room the other person's display name. */
    public String name() {
        return with().map(User::displayName).orElse(room.name());
    }
}
