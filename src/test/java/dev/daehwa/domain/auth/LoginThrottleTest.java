package dev.daehwa.domain.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The throttle as PasswordLogin configures it: 10 attempts per username per 5-minute window. */
class LoginThrottleTest {

    private static final Duration WINDOW = Duration.ofMinutes(5);
    private static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");

    private final LoginThrottle throttle = new LoginThrottle(10, WINDOW);

    private static LoginAttempts fresh() {
        return LoginAttempts.none("alice", T0);
    }

    /** Takes {@code count} slots one second apart, starting at T0; returns the last answer. */
    private Optional<Duration> takeEverySecond(LoginAttempts attempts, int count) {
        Optional<Duration> last = Optional.empty();
        for (int i = 0; i < count; i++) {
            last = throttle.take(attempts, T0.plusSeconds(i));
        }
        return last;
    }

    @Test
    void tenAttemptsGoAhead() {
        LoginAttempts attempts = fresh();
        assertEquals(Optional.empty(), takeEverySecond(attempts, 10));
        assertEquals(10, attempts.count());
    }

    @Test
    void theEleventhIsRefusedUntilTheWindowEnds() {
        LoginAttempts attempts = fresh();
        takeEverySecond(attempts, 10);

        Optional<Duration> refused = throttle.take(attempts, T0.plusSeconds(60));

        assertEquals(Optional.of(WINDOW.minusSeconds(60)), refused);
    }

    @Test
    void aRefusedAttemptTakesNoSlot() {
        LoginAttempts attempts = fresh();
        takeEverySecond(attempts, 10);
        for (int i = 0; i < 100; i++) {
            assertTrue(throttle.take(attempts, T0.plusSeconds(30)).isPresent());
        }
        assertEquals(10, attempts.count());
        assertEquals(T0, attempts.windowStart());
    }

    @Test
    void afterTheWindowANewOneStartsWithThisAttempt() {
        LoginAttempts attempts = fresh();
        takeEverySecond(attempts, 10);
        Instant later = T0.plus(WINDOW);

        assertEquals(Optional.empty(), throttle.take(attempts, later));

        assertEquals(1, attempts.count());
        assertEquals(later, attempts.windowStart());
    }

    @Test
    void aRecordFromLongAgoStartsAFreshWindow() {
        LoginAttempts old = LoginAttempts.none("alice", T0.minus(Duration.ofDays(3)));
        old.count(10);

        assertEquals(Optional.empty(), throttle.take(old, T0));
        assertEquals(1, old.count());
    }
}
