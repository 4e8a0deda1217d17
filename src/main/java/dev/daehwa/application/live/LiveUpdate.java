package dev.daehwa.application.live;

import dev.daehwa.application.messages.MessageDetails;
import dev.daehwa.application.rooms.RoomView;
import dev.daehwa.domain.message.Message;
import dev.daehwa.domain.message.MessagePermissions;
import dev.daehwa.domain.room.UnreadCount;
import dev.daehwa.domain.user.PublicProfile;
import java.util.List;

/**
 * What a member's open sockets are told, decided here and written as frames by the socket layer.
 * A {@link MessageCreated} names its room and seq, which is how each socket gets every message
 * exactly once and in order.
 */
public sealed interface LiveUpdate {

    /**
     * A new message for recipients who see it alike: the same permissions on it (see
     * {@link LiveEvents}: the sender, the room's owner, everyone else) and the same details.
     */
    record MessageCreated(Message message, MessagePermissions permissions, MessageDetails details) implements LiveUpdate {
    }

    /** An edited message, for recipients who see it alike. */
    record MessageUpdated(Message message, MessagePermissions permissions, MessageDetails details) implements LiveUpdate {
    }

    /** A message's reactions changed, as the recipients of this update see them (their own marked). */
    record ReactionsChanged(long roomId, long messageId, List<MessageDetails.Reaction> reactions) implements LiveUpdate {
    }

    record MessageDeleted(long roomId, long messageId, long seq) implements LiveUpdate {
    }

    /** The room as one member sees it (their own unread count): one update per member. */
    record RoomUpdated(RoomView room) implements LiveUpdate {
    }

    record RoomRemoved(long roomId) implements LiveUpdate {
    }

    record Unread(long roomId, UnreadCount count, long lastReadSeq, long mentionCount) implements LiveUpdate {
    }

    record Typing(long roomId, PublicProfile user) implements LiveUpdate {
    }

    record PresenceChanged(PublicProfile user, boolean online) implements LiveUpdate {
    }
}
