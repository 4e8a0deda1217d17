package dev.daehwa.domain.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a failed email is tried again: {@code first} after the first failure, doubling after each
 * further one up to {@code cap}, until {@code giveUpAfter} has passed since the first failure.
 * With the defaults (30 s, 1 h, 24 h) an SMTP outage of up to a day loses nothing, and a long one
 * costs a few attempts an hour, not a storm of them.
 */
public record RetrySchedule(Duration first, Duration cap, Duration giveUpAfter) {

    public static final RetrySchedule DEFAULT =
            new RetrySchedule(Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofHours(24));

    public RetrySchedule {
        if (first.isNegative() || first.isZero() || cap.compareTo(first) < 0 || giveUpAfter.isNegative()) {
            throw new IllegalArgumentException("Not a retry schedule: " + first + ", " + cap + ", " + giveUpAfter);
        }
    }

    /** The pause after the given number of failures (1 for the first). */
    public Duration delayAfter(int failures) {
        Duration delay = first;
        for (int i = 1; i < failures && delay.compareTo(cap) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(cap) > 0 ? cap : delay;
    }

    /** When to try again, or empty when it is time to give up. */
    public Optional<Instant> nextAttempt(int failures, Instant firstFailure, Instant now) {
        Instant giveUpAt = firstFailure.plus(giveUpAfter);
        if (!now.isBefore(giveUpAt)) {
            return Optional.empty();
        }
        Instant next = now.plus(delayAfter(failures));
        // One last try at the deadline rather than a retry scheduled past it.
        return Optional.of(next.isAfter(giveUpAt) ? giveUpAt : next);
    }

    /** The same schedule with every duration multiplied (see DAEHWA_NOTIFY_TIME_SCALE). */
    public RetrySchedule scaled(double factor) {
        return new RetrySchedule(scale(first, factor), scale(cap, factor), scale(giveUpAfter, factor));
    }

    static Duration scale(Duration duration, double factor) {
        return Duration.ofNanos(Math.max(1_000_000, Math.round(duration.toNanos() * factor)));
    }
}
