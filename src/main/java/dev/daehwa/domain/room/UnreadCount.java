package dev.daehwa.domain.room;

/**
 * How many messages from others a member has not read in a room, counted only among the room's
 * newest {@value #COUNTED_SEQS} messages. Counting all of them would cost as much as the backlog
 * of someone who stopped reading a busy room, on every room list; past that many the badge says
 * "at least", as chat badges do ("99+").
 *
 * @param count  unread messages from others among the newest {@value #COUNTED_SEQS}, not deleted
 * @param capped true when older messages also lie past the read marker and were not counted
 */
public record UnreadCount(long count, boolean capped) {

    public static final int COUNTED_SEQS = 100;

    /** The lowest seq that is counted in a room whose newest message has {@code lastSeq}. */
    public static long firstCountedSeq(long lastSeq) {
        return lastSeq - COUNTED_SEQS + 1;
    }

    /** The count of unread messages found at or after {@link #firstCountedSeq}, for this marker. */
    public static UnreadCount of(long counted, long lastReadSeq, long lastSeq) {
        return new UnreadCount(counted, lastReadSeq + 1 < firstCountedSeq(lastSeq));
    }
}
