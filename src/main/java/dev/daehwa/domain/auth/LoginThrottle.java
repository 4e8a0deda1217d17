package dev.daehwa.domain.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Password guessing is slowed per username, not per address: one attacker with many addresses
 * is stopped as well, and the answer is the same whether the username exists or not.
 *
 * <p>Every attempt takes a slot before its password is checked, so parallel guesses cannot all
 * pass a check made before any of them failed; at most {@code maxAttempts} attempts per window
 * ever reach the (costly) password check. The window starts with the first attempt after the
 * previous one ended; a successful login gives the username a fresh window.
 */
public final class LoginThrottle {

    private final int maxAttempts;
    private final Duration window;

    public LoginThrottle(int maxAttempts, Duration window) {
        if (maxAttempts < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a login throttle needs at least one attempt in a positive window");
        }
        this.maxAttempts = maxAttempts;
        this.window = window;
    }

    /**
     * Takes a slot for one attempt from the username's record, or says how long the username
     * stays blocked (and leaves the record as it is).
     */
    public Optional<Duration> take(LoginAttempts attempts, Instant now) {
        Instant windowEnds = attempts.windowStart().plus(window);
        if (!now.isBefore(windowEnds)) {
            attempts.startWindow(now);
            return Optional.empty();
        }
        if (attempts.count() >= maxAttempts) {
            return Optional.of(Duration.between(now, windowEnds));
        }
        attempts.count(attempts.count() + 1);
        return Optional.empty();
    }
}
