package dev.daehwa.domain.message;

import dev.daehwa.domain.user.PublicProfile;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

public interface MessageRepository {

    void store(Message message);

    /** A message that is not deleted, with its room, room owner and sender. */
    Optional<Message> findVisible(long messageId);

    /**
     * Reads the message again under a row lock, which serialises the changes to its reactions;
     * empty if it was deleted meanwhile.
     */
    Optional<Message> lock(Message message);

    Optional<Message> findByClientMessageId(long senderId, String clientMessageId);

    /** Up to {@code limit} visible messages with seq below {@code beforeSeq}, newest first. */
    List<Message> pageBefore(long roomId, long beforeSeq, int limit);

    /** Up to {@code limit} visible messages with seq above {@code afterSeq}, oldest first. */
    List<Message> pageAfter(long roomId, long afterSeq, int limit);

    /**
     * What a member missed: up to {@code limit} visible messages after {@code afterSeq} that
     * others sent, oldest first, senders fetched; only those addressed to the member (that
     * mention them, or reply to a message of theirs) when {@code addressedOnly}.
     */
    List<Message> missedBy(long userId, long roomId, long afterSeq, int limit, boolean addressedOnly);

    /** The same messages counted per sender, in order of each sender's first missed message. */
    List<MissedFromSender> missedBySender(long userId, long roomId, long afterSeq, boolean addressedOnly);

    /** The display names of those who mentioned the member after {@code afterSeq}, in order of their first mention. */
    List<String> mentionersOf(long userId, long roomId, long afterSeq);

    /**
     * The display names of those who replied to a message of the member's after {@code afterSeq},
     * in order of their first reply.
     */
    List<String> repliersTo(long userId, long roomId, long afterSeq);

    /** The visible messages among these ids, senders fetched, in one query; in no particular order. */
    List<Message> findVisible(Collection<Long> messageIds);

    /**
     * Messages changed at or after {@code since}, in (changedAt, id) order, starting after the
     * message {@code afterId} among those changed exactly at {@code since}; deleted ones included.
     * With whom each mentions, in two statements whatever the limit.
     */
    List<MessageChange> changedSince(java.time.Instant since, long afterId, int limit);

    /** The current state of these messages, deleted ones included, with whom each mentions, in two statements. */
    List<MessageChange> changesOf(Collection<Long> messageIds);

    /** The people each of these messages mentions, in the order first mentioned, in one query; messages that mention nobody are left out. */
    Map<Long, List<PublicProfile>> mentionsOf(Collection<Long> messageIds);

    /**
     * The messages that these messages answer, deleted ones included, by the id of the reply, in
     * one query; messages that answer nothing are left out.
     */
    Map<Long, Original> originalsOf(Collection<Long> messageIds);

    /** The newest visible message of the room older than {@code seq}, if any, for a room whose newest was deleted. */
    Optional<Long> newestVisibleIdBefore(long roomId, long seq);
}
