package dev.daehwa.application.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.daehwa.domain.limit.RateLimit;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    /** A clock the test moves. */
    private static final class MovableClock extends Clock {
        Instant now = Instant.parse("2025-03-01T09:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final MovableClock clock = new MovableClock();

    @Test
    void eachKeyHasItsOwnBucket() {
        RateLimiter limiter = new RateLimiter(RateLimit.parse("2/1m", "X"), 100, clock);
        limiter.take("a");
        limiter.take("a");
        assertTrue(limiter.take("a").isPresent());
        assertTrue(limiter.take("b").isEmpty());
    }

    @Test
    void madeUpKeysCannotGrowTheMapPastItsBound() {
        RateLimiter limiter = new RateLimiter(RateLimit.parse("5/1h", "X"), 1000, clock);
        for (int i = 0; i < 100_000; i++) {
            limiter.take("203.0.113." + i);
        }
        assertEquals(1000, limiter.size());
    }

    @Test
    void keysWhoseBucketsFilledUpAgainLeaveTheMap() {
        RateLimiter limiter = new RateLimiter(RateLimit.parse("5/1s", "X"), 1000, clock);
        for (int i = 0; i < 500; i++) {
            limiter.take("idle " + i);
        }
        clock.now = clock.now.plus(Duration.ofSeconds(2));
        for (int i = 0; i < 500; i++) {
            limiter.take("busy");
        }
        assertEquals(1, limiter.size(), "the idle keys' full buckets should have been dropped");
    }
}
