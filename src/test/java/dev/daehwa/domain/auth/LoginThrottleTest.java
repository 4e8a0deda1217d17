package dev.daehwa.domain.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The throttle as LoginService configures it: 10 failures within 5 minutes block the username. */
class LoginThrottleTest {

    private static final Duration WINDOW = Duration.ofMinutes(5);
    private static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");

    private final LoginThrottle throttle = new LoginThrottle(10, WINDOW);

    /** {@code count} failures, one second apart, the first at {@code first}. */
    private static List<Instant> failuresEverySecond(Instant first, int count) {
        List<Instant> failures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            failures.add(first.plusSeconds(i));
        }
        return failures;
    }

    @Test
    void windowStartsFiveMinutesAgo() {
        assertEquals(Instant.parse("2025-03-01T08:55:00Z"), throttle.windowStart(T0));
    }

    @Test
    void noFailuresDoNotBlock() {
        assertEquals(Optional.empty(), throttle.blockedFor(List.of(), T0));
    }

    @Test
    void nineFailuresDoNotBlock() {
        List<Instant> nine = failuresEverySecond(T0, 9);
        assertEquals(Optional.empty(), throttle.blockedFor(nine, T0.plusSeconds(9)));
    }

    @Test
    void tenthFailureBlocksUntilTheFirstAgesOut() {
        List<Instant> ten = failuresEverySecond(T0, 10); // T0 .. T0+9s
        Instant now = T0.plusSeconds(10);
        // the first failure leaves the window at T0+5min
        assertEquals(Optional.of(Duration.ofMinutes(4).plusSeconds(50)), throttle.blockedFor(ten, now));
    }

    @Test
    void blockLiftsExactlyWhenTheWindowHasPassed() {
        List<Instant> ten = failuresEverySecond(T0, 10);
        Instant lifts = T0.plus(WINDOW);
        assertEquals(Optional.of(Duration.ofSeconds(1)), throttle.blockedFor(ten, lifts.minusSeconds(1)));
        assertEquals(Optional.of(Duration.ofNanos(1)), throttle.blockedFor(ten, lifts.minusNanos(1)));
        assertEquals(Optional.empty(), throttle.blockedFor(ten, lifts));
        assertEquals(Optional.empty(), throttle.blockedFor(ten, lifts.plusSeconds(1)));
    }

    @Test
    void tenFailuresAtTheSameInstantBlockForTheWholeWindow() {
        List<Instant> ten = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ten.add(T0);
        }
        assertEquals(Optional.of(WINDOW), throttle.blockedFor(ten, T0));
    }

    @Test
    void withMoreThanTenFailuresTheTenthNewestDecides() {
        List<Instant> fifteen = failuresEverySecond(T0, 15); // T0 .. T0+14s
        Instant now = T0.plusSeconds(20);
        // failures 5..14 are the ten newest; the block lifts when failure 5 (T0+5s) ages out
        Instant lifts = T0.plusSeconds(5).plus(WINDOW);
        assertEquals(Optional.of(Duration.between(now, lifts)), throttle.blockedFor(fifteen, now));
        assertEquals(Optional.empty(), throttle.blockedFor(fifteen, lifts));
        // one nanosecond earlier, ten failures (5..14) are still inside the window
        assertEquals(Optional.of(Duration.ofNanos(1)), throttle.blockedFor(fifteen, lifts.minusNanos(1)));
    }

    @Test
    void failuresOlderThanTheWindowDoNotBlock() {
        // ten failures, all between 6 and 7 minutes ago
        Instant now = T0.plus(Duration.ofMinutes(7));
        List<Instant> old = failuresEverySecond(T0, 10);
        assertEquals(Optional.empty(), throttle.blockedFor(old, now));
    }

    @Test
    void oneOldFailurePlusNineRecentDoNotBlock() {
        Instant now = T0.plus(Duration.ofMinutes(10));
        List<Instant> failures = new ArrayList<>();
        failures.add(now.minus(Duration.ofMinutes(6)));
        failures.addAll(failuresEverySecond(now.minusSeconds(60), 9));
        assertEquals(Optional.empty(), throttle.blockedFor(failures, now));
    }

    @Test
    void tenFailuresSpreadOverAlmostFiveMinutesBlock() {
        Instant now = T0.plus(Duration.ofMinutes(10));
        List<Instant> failures = new ArrayList<>();
        for (int i = 9; i >= 0; i--) {
            failures.add(now.minusSeconds(1 + i * 33L)); // oldest 298 seconds ago
        }
        assertEquals(Optional.of(Duration.ofSeconds(2)), throttle.blockedFor(failures, now));
    }

    @Test
    void limitAndWindowAreTheConfiguredOnes() {
        LoginThrottle strict = new LoginThrottle(3, Duration.ofMinutes(1));
        assertEquals(Optional.empty(), strict.blockedFor(failuresEverySecond(T0, 2), T0.plusSeconds(2)));
        assertEquals(Optional.of(Duration.ofSeconds(57)), strict.blockedFor(failuresEverySecond(T0, 3), T0.plusSeconds(3)));
        assertEquals(T0.minusSeconds(60), strict.windowStart(T0));
    }

    /**
     * Whatever the failures, the username is blocked exactly when at least ten of them lie inside
     * the window (strictly after {@code now - 5min}), and the block lasts until that stops being so.
     * Checked over many seeded random failure histories.
     */
    @Test
    void blockedExactlyWhileTenFailuresAreInTheWindow() {
        Random random = new Random(20250301L);
        int blockedCases = 0;
        for (int round = 0; round < 2_000; round++) {
            int count = random.nextInt(26);
            long spanMillis = 1 + random.nextInt(round % 2 == 0 ? 600_000 : 5_000);
            Instant now = T0.plusNanos(random.nextInt(2));
            List<Instant> failures = random.longs(count, 0, spanMillis)
                    .boxed()
                    .sorted(Comparator.reverseOrder()) // oldest first
                    .map(T0::minusMillis)
                    .toList();

            Optional<Duration> blocked = throttle.blockedFor(failures, now);

            String history = "failures " + failures + " at " + now;
            assertEquals(inWindow(failures, now) >= 10, blocked.isPresent(), history);
            if (blocked.isPresent()) {
                blockedCases++;
                Instant lifts = now.plus(blocked.get());
                assertEquals(Optional.empty(), throttle.blockedFor(failures, lifts), history);
                assertTrue(inWindow(failures, lifts) < 10, "when the block lifts, fewer than ten remain: " + history);
                assertTrue(inWindow(failures, lifts.minusNanos(1)) >= 10, "until then, ten remain: " + history);
            }
        }
        assertTrue(blockedCases > 100, "the random histories exercise blocking too: " + blockedCases);
    }

    private static long inWindow(List<Instant> failures, Instant now) {
        Instant start = now.minus(WINDOW);
        return failures.stream().filter(f -> f.isAfter(start) && !f.isAfter(now)).count();
    }
}
