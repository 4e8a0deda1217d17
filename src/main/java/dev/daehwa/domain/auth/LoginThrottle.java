package dev.daehwa.domain.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Password guessing is slowed per username, not per address: one attacker with many addresses
 * is stopped as well, and the answer is the same whether the username exists or not.
 */
public final class LoginThrottle {

    private final int maxFailures;
    private final Duration window;

    public LoginThrottle(int maxFailures, Duration window) {
        this.maxFailures = maxFailures;
        this.window = window;
    }

    public Instant windowStart(Instant now) {
        return now.minus(window);
    }

    /**
     * How long the username stays blocked, given its failures since {@link #windowStart} in
     * ascending order; empty when another attempt may be made now.
     */
    public Optional<Duration> blockedFor(List<Instant> recentFailures, Instant now) {
        if (recentFailures.size() < maxFailures) {
            return Optional.empty();
        }
        // The block lifts when enough of the recent failures have aged out of the window.
        Instant lifts = recentFailures.get(recentFailures.size() - maxFailures).plus(window);
        return lifts.isAfter(now) ? Optional.of(Duration.between(now, lifts)) : Optional.empty();
    }
}
