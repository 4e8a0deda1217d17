package dev.daehwa.domain.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");
    private final RetrySchedule schedule = RetrySchedule.DEFAULT;

    @Test
    void startsAtThirtySecondsAndDoublesUpToAnHour() {
        assertEquals(Duration.ofSeconds(30), schedule.delayAfter(1));
        assertEquals(Duration.ofSeconds(60), schedule.delayAfter(2));
        assertEquals(Duration.ofSeconds(120), schedule.delayAfter(3));
        assertEquals(Duration.ofSeconds(1920), schedule.delayAfter(7));
        assertEquals(Duration.ofHours(1), schedule.delayAfter(8), "3840 s is capped");
        assertEquals(Duration.ofHours(1), schedule.delayAfter(1000), "and stays capped without overflowing");
    }

    @Test
    void retriesForADayFromTheFirstFailureThenGivesUp() {
        assertEquals(Optional.of(T0.plusSeconds(30)), schedule.nextAttempt(1, T0, T0));
        Instant late = T0.plus(Duration.ofHours(23));
        assertEquals(Optional.of(late.plus(Duration.ofHours(1))), schedule.nextAttempt(30, T0, late));
        assertEquals(Optional.empty(), schedule.nextAttempt(31, T0, T0.plus(Duration.ofHours(24))));
        assertEquals(Optional.empty(), schedule.nextAttempt(31, T0, T0.plus(Duration.ofDays(3))));
    }

    @Test
    void theLastRetryIsAtTheDeadlineNotPastIt() {
        Instant almost = T0.plus(Duration.ofHours(24)).minusSeconds(10);
        assertEquals(Optional.of(T0.plus(Duration.ofHours(24))), schedule.nextAttempt(40, T0, almost));
    }

    @Test
    void aDayOfOutageCostsAFewAttemptsAnHourNotAStorm() {
        Instant now = T0;
        int attempts = 0;
        for (Optional<Instant> next = Optional.of(T0); next.isPresent(); attempts++) {
            now = next.get();
            next = schedule.nextAttempt(attempts + 1, T0, now);
        }
        assertTrue(attempts > 20 && attempts < 40, "attempts in 24 h: " + attempts);
        assertEquals(T0.plus(Duration.ofHours(24)), now, "the last one at the deadline");
    }

    @Test
    void scalingMultipliesEveryDuration() {
        RetrySchedule fast = schedule.scaled(0.02);
        assertEquals(Duration.ofMillis(600), fast.first());
        assertEquals(Duration.ofSeconds(72), fast.cap());
        assertEquals(Duration.ofMillis(1_728_000), fast.giveUpAfter());
        IntStream.rangeClosed(1, 12).forEach(n -> assertEquals(
                schedule.delayAfter(n).toMillis() * 2 / 100, fast.delayAfter(n).toMillis(), "failure " + n));
    }

    @Test
    void refusesASchedulThatCannotWork() {
        assertThrows(IllegalArgumentException.class,
                () -> new RetrySchedule(Duration.ZERO, Duration.ofHours(1), Duration.ofHours(24)));
        assertThrows(IllegalArgumentException.class,
                () -> new RetrySchedule(Duration.ofMinutes(2), Duration.ofMinutes(1), Duration.ofHours(24)));
    }
}
