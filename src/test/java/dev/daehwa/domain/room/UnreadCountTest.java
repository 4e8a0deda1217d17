package dev.daehwa.domain.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UnreadCountTest {

    @Test
    void theNewestHundredSeqsAreCounted() {
        assertEquals(401, UnreadCount.firstCountedSeq(500));
        assertEquals(-99, UnreadCount.firstCountedSeq(0), "a new room counts from its first message");
    }

    @Test
    void aMarkerJustBeforeTheCountedSeqsLeavesNothingUncounted() {
        UnreadCount count = UnreadCount.of(100, 400, 500);
        assertFalse(count.capped(), "seqs 401..500 are all the unread ones");
        assertEquals(100, count.count());
    }

    @Test
    void aMarkerOneFurtherBackLeavesAnUncountedMessage() {
        assertTrue(UnreadCount.of(100, 399, 500).capped(), "seq 400 is unread but not counted");
    }

    @Test
    void aReaderWhoIsCaughtUpIsNeverCapped() {
        assertFalse(UnreadCount.of(0, 500, 500).capped());
    }
}
