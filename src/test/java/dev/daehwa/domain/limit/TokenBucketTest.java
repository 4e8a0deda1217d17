package dev.daehwa.domain.limit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");

    @Test
    void settingsParse() {
        assertEquals(new RateLimit(30, Duration.ofMinutes(1)), RateLimit.parse("30/1m", "X"));
        assertEquals(new RateLimit(50, Duration.ofSeconds(5)), RateLimit.parse(" 50 / 5s ", "X"));
        assertEquals(new RateLimit(100, Duration.ofHours(2)), RateLimit.parse("100/2h", "X"));
        for (String bad : new String[] {"", "30", "30/m", "0/1m", "30/0s", "-1/1m", "30/1d", "1e3/1s", "9999999999/1s"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RateLimit.parse(bad, "DAEHWA_X"));
            assertTrue(e.getMessage().contains("DAEHWA_X"), e.getMessage());
        }
    }

    @Test
    void theWholeCountAtOnceThenOneTokenPerRefill() {
        TokenBucket bucket = new TokenBucket(RateLimit.parse("50/5s", "X"), T0);
        for (int i = 0; i < 50; i++) {
            assertEquals(Optional.empty(), bucket.take(T0), "token " + (i + 1));
        }
        assertEquals(Optional.of(Duration.ofMillis(100)), bucket.take(T0));
        assertEquals(Optional.of(Duration.ofMillis(60)), bucket.take(T0.plusMillis(40)));
        assertEquals(Optional.empty(), bucket.take(T0.plusMillis(100)));
        assertTrue(bucket.take(T0.plusMillis(100)).isPresent(), "one token came back, and it was used");
    }

    @Test
    void refusedTakesDoNotPushTheRefillBack() {
        TokenBucket bucket = new TokenBucket(RateLimit.parse("2/2s", "X"), T0);
        bucket.take(T0);
        bucket.take(T0);
        for (int i = 0; i < 1000; i++) {
            assertTrue(bucket.take(T0.plusMillis(500)).isPresent());
        }
        assertEquals(Optional.empty(), bucket.take(T0.plusSeconds(1)));
    }

    @Test
    void anIdleBucketIsFullAgainAndHoldsNoMoreThanTheCount() {
        TokenBucket bucket = new TokenBucket(RateLimit.parse("3/3s", "X"), T0);
        bucket.take(T0);
        assertFalse(bucket.isFull(T0));
        Instant muchLater = T0.plus(Duration.ofHours(1));
        assertTrue(bucket.isFull(muchLater));
        for (int i = 0; i < 3; i++) {
            assertEquals(Optional.empty(), bucket.take(muchLater));
        }
        assertTrue(bucket.take(muchLater).isPresent(), "an hour idle must not save up more than 3");
    }
}
