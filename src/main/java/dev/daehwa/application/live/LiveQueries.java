package dev.daehwa.application.live;

import dev.daehwa.application.messages.MessageDetails;
import dev.daehwa.application.messages.MessageDetailsReader;
import dev.daehwa.application.rooms.RoomQueries;
import dev.daehwa.application.rooms.RoomView;
import dev.daehwa.domain.message.Message;
import dev.daehwa.domain.message.MessageRepository;
import dev.daehwa.domain.room.Membership;
import dev.daehwa.domain.room.RoomRepository;
import dev.daehwa.domain.room.UnreadCount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongPredicate;
import java.util.stream.Collectors;

/**
 * What real-time delivery reads, always from committed state: who is in a room now (asked at
 * every event, so a removed member stops receiving at once), the message as stored, and the
 * messages a reconnecting client missed.
 */
@ApplicationScoped
@Transactional
public class LiveQueries {

    /** More missed messages than this in one room are not replayed: the client reloads the room. */
    public static final int MAX_REPLAY = 1000;
    /**
     * Messages one resume replays across all its rooms; rooms beyond it get a resync. This bounds
     * the work of a resume; its memory is bounded by the socket's queue, which the replay only
     * fills as the client reads.
     */
    public static final int MAX_REPLAY_PER_RESUME = 3000;

    @Inject
    private RoomRepository rooms;

    @Inject
    private MessageRepository messages;

    @Inject
    private RoomQueries roomQueries;

    @Inject
    private MessageDetailsReader details;

    public List<Long> memberIds(long roomId) {
        return rooms.memberIds(roomId);
    }

    public Set<Long> roomMatesOf(long userId) {
        return rooms.roomMatesOf(userId);
    }

    public Optional<Message> message(long messageId) {
        return messages.findVisible(messageId);
    }

    /** A just-posted message and who is in its room now. */
    public record Posted(Optional<Message> message, List<Long> memberIds) {
    }

    /**
     * The message and the room's members in one transaction: every post is followed by this, and
     * a transaction of its own for each half cost every post one more begin and commit.
     */
    public Posted posted(long messageId, long roomId) {
        return new Posted(messages.findVisible(messageId), rooms.memberIds(roomId));
    }

    /**
     * The room as each of its members sees it, for the members {@code which} picks, by user id;
     * a fixed number of statements however many members there are.
     */
    public Map<Long, RoomView> roomAsSeenByEach(long roomId, LongPredicate which) {
        return roomQueries.roomAsSeenByEach(roomId, which);
    }

    /** A member's read marker and unread count in one room, or empty if they are not in it. */
    public record Unread(UnreadCount count, long lastReadSeq, long mentionCount) {
    }

    public Optional<Unread> unreadOf(long userId, long roomId) {
        return rooms.findMembership(roomId, userId).map(m -> {
            UnreadCount unread = rooms.unreadCount(m);
            // In a direct room every unread message is addressed to the reader: all are mentions.
            return new Unread(unread, m.lastReadSeq(), m.room().isDirect() ? unread.count() : rooms.unreadMentionCount(m));
        });
    }

    /** A room's messages with seq strictly between the two, in seq order (deleted ones left out). */
    public List<Message> messagesBetween(long roomId, long afterSeq, long beforeSeq) {
        int span = (int) Math.min(MAX_REPLAY, Math.max(0, beforeSeq - afterSeq - 1));
        return span == 0 ? List.of() : messages.pageAfter(roomId, afterSeq, span).stream()
                .filter(m -> m.seq() < beforeSeq).toList();
    }

    /**
     * What a reconnecting client missed in one room: the messages with seq in
     * {@code (afterSeq, untilSeq]}, or "too many, reload" (a resync).
     */
    public record Missed(long roomId, long afterSeq, long untilSeq, boolean tooMany) {
    }

    /**
     * For each named room the user is still in, what the client missed after its last seen seq,
     * up to the room's last message now; rooms the user is not in are left out without a word.
     * Only the extent: the messages are read a page at a time ({@link #missedPage}) as the client
     * takes them in, so a replay never sits in memory whole.
     */
    public List<Missed> missedSince(long userId, Map<Long, Long> lastSeenByRoom) {
        Map<Long, Membership> mine = rooms.membershipsOf(userId).stream()
                .collect(Collectors.toMap(m -> m.room().id(), Function.identity(), (a, b) -> a, LinkedHashMap::new));
        List<Missed> missed = new ArrayList<>();
        long[] budget = {MAX_REPLAY_PER_RESUME};
        lastSeenByRoom.forEach((roomId, lastSeen) -> {
            Membership membership = mine.get(roomId);
            if (membership == null) {
                return;
            }
            long from = Math.max(0, lastSeen);
            long until = membership.room().lastSeq();
            long gap = until - from;
            if (gap > MAX_REPLAY || gap > budget[0]) {
                missed.add(new Missed(roomId, from, until, true));
                return;
            }
            budget[0] -= Math.max(0, gap);
            if (gap > 0) {
                missed.add(new Missed(roomId, from, until, false));
            }
        });
        return missed;
    }

    /** The details of replayed messages as the reconnecting user sees them. */
    public Map<Long, MessageDetails> detailsOf(List<Message> page, long userId) {
        return details.of(page, userId);
    }

    /**
     * The next at most {@code limit} missed messages of a room with seq in {@code (afterSeq,
     * untilSeq]}, in seq order (deleted ones left out); none if the user has left the room since
     * the resume began.
     */
    public List<Message> missedPage(long userId, long roomId, long afterSeq, long untilSeq, int limit) {
        int span = (int) Math.min(limit, Math.max(0, untilSeq - afterSeq));
        if (span == 0 || rooms.findMembership(roomId, userId).isEmpty()) {
            return List.of();
        }
        return messages.pageAfter(roomId, afterSeq, span).stream().filter(m -> m.seq() <= untilSeq).toList();
    }
}
