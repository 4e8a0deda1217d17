package dev.daehwa.interfaces.realtime;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @Test
    void aMinutesWorthMayGoAtOnceThenOneEachRefill() {
        TokenBucket bucket = new TokenBucket(6, 0);
        for (int i = 0; i < 6; i++) {
            assertTrue(bucket.take(0), "token " + (i + 1) + " of a full bucket");
        }
        assertFalse(bucket.take(0), "the seventh within the same instant");
        assertFalse(bucket.take(9 * SECOND), "six a minute: one refills every 10 s, not after 9");
        assertTrue(bucket.take(10 * SECOND), "one after 10 s");
        assertFalse(bucket.take(10 * SECOND), "and only one");
    }

    @Test
    void aQuietSpellSavesUpAMinutesWorthAtMost() {
        TokenBucket bucket = new TokenBucket(6, 0);
        for (int i = 0; i < 6; i++) {
            bucket.take(0);
        }
        assertFalse(bucket.isFull(30 * SECOND), "half refilled");
        assertTrue(bucket.isFull(3_600 * SECOND), "refilled after an hour");
        for (int i = 0; i < 6; i++) {
            assertTrue(bucket.take(3_600 * SECOND));
        }
        assertFalse(bucket.take(3_600 * SECOND), "an hour of quiet saves up no more than a minute's worth");
    }

    @Test
    void aClockThatGoesBackRefillsNothing() {
        TokenBucket bucket = new TokenBucket(1, 100 * SECOND);
        assertTrue(bucket.take(100 * SECOND));
        assertFalse(bucket.take(40 * SECOND));
    }
}
