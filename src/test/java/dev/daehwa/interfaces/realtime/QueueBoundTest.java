package dev.daehwa.interfaces.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class QueueBoundTest {

    private final QueueBound bound = new QueueBound(100, 1_000);

    @Test
    void theBoundIsInFramesAndInBytesWhicheverComesFirst() {
        assertFalse(bound.exceededBy(100, 1_000), "exactly at the bound");
        assertTrue(bound.exceededBy(101, 10), "one frame too many, however small");
        assertTrue(bound.exceededBy(1, 1_001), "one frame too big");
    }

    @Test
    void aReplayFillsHalfTheBoundAndWaitsForAQuarter() {
        assertTrue(bound.leavesRoomForReplay(49, 499));
        assertFalse(bound.leavesRoomForReplay(50, 0), "half the frames");
        assertFalse(bound.leavesRoomForReplay(0, 500), "half the bytes");
        assertFalse(bound.drained(26, 0));
        assertFalse(bound.drained(0, 251));
        assertTrue(bound.drained(25, 250));
    }

    @Test
    void aBoundOfOneFrameStillLetsAReplayThrough() {
        QueueBound tiny = new QueueBound(1, 1_000);
        assertTrue(tiny.leavesRoomForReplay(0, 0), "a replay must not wait forever for room that never comes");
        assertTrue(tiny.drained(0, 0));
    }

    @Test
    void textCountsTwoBytesACharacter() {
        assertEquals(8, QueueBound.bytesOf("대화ok"));
        assertThrows(IllegalArgumentException.class, () -> new QueueBound(0, 10));
    }
}
