package dev.daehwa.application;

import dev.daehwa.domain.error.NotFoundException;
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
     * Messages one resume replays across all its rooms; rooms beyond it get a resync. Replayed
     * frames are sent however slowly the client reads (see Outbox), so this bounds their memory.
     */
    public static final int MAX_REPLAY_PER_RESUME = 3000;
    private static final int REPLAY_PAGE = MessageHistory.MAX_LIMIT;

    @Inject
    private RoomRepository rooms;

    @Inject
    private MessageRepository messages;

    @Inject
    private RoomQueries roomQueries;

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

    /** The room as this member sees it, or empty if they are no longer in it. */
    public Optional<RoomView> roomAsSeenBy(long userId, long roomId) {
        try {
            return Optional.of(roomQueries.room(userId, roomId));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /** A member's read marker and unread count in one room, or empty if they are not in it. */
    public record Unread(UnreadCount count, long lastReadSeq) {
    }

    public Optional<Unread> unreadOf(long userId, long roomId) {
        return rooms.findMembership(roomId, userId).map(m -> new Unread(rooms.unreadCount(m), m.lastReadSeq()));
    }

    /** A room's messages with seq strictly between the two, in seq order (deleted ones left out). */
    public List<Message> messagesBetween(long roomId, long afterSeq, long beforeSeq) {
        int span = (int) Math.min(MAX_REPLAY, Math.max(0, beforeSeq - afterSeq - 1));
        return span == 0 ? List.of() : messages.pageAfter(roomId, afterSeq, span).stream()
                .filter(m -> m.seq() < beforeSeq).toList();
    }

    /** What a reconnecting client missed in one room: the messages, or "too many, reload". */
    public record Missed(long roomId, List<Message> messages, boolean tooMany) {
    }

    /**
     * For each named room the user is still in, the messages after the client's last seen seq,
     * in seq order. Rooms the user is not in are left out without a word.
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
            long gap = membership.room().lastSeq() - from;
            if (gap > MAX_REPLAY || gap > budget[0]) {
                missed.add(new Missed(roomId, List.of(), true));
                return;
            }
            budget[0] -= Math.max(0, gap);
            List<Message> found = new ArrayList<>();
            long after = from;
            while (true) {
                List<Message> page = messages.pageAfter(roomId, after, REPLAY_PAGE);
                found.addAll(page);
                if (page.size() < REPLAY_PAGE) {
                    break;
                }
                after = page.getLast().seq();
            }
            missed.add(new Missed(roomId, found, false));
        });
        return missed;
    }
}
