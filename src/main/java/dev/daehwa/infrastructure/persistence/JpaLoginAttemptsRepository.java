package dev.daehwa.infrastructure.persistence;

import dev.daehwa.domain.auth.LoginAttemptsRepository;
import dev.daehwa.domain.auth.LoginThrottle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

@ApplicationScoped
public class JpaLoginAttemptsRepository implements LoginAttemptsRepository {

    /** Every this many reservations, rows of long-ended windows are deleted. */
    static final int PURGE_EVERY = 1000;
    /** A window this old has ended under any throttle setting worth having. */
    static final Duration STALE_AFTER = Duration.ofDays(1);

    @Inject
    private LoginAttemptRows rows;

    private final AtomicLong reservations = new AtomicLong();

    @Override
    public Optional<Duration> reserve(String usernameKey, LoginThrottle throttle, Instant now) {
        if (reservations.incrementAndGet() % PURGE_EVERY == 0) {
            rows.deleteWindowsStartedBefore(now.minus(STALE_AFTER));
        }
        Optional<Optional<Duration>> taken = rows.take(usernameKey, throttle, now);
        if (taken.isPresent()) {
            return taken.get();
        }
        try {
            rows.insertIfAbsent(usernameKey, now);
        } catch (RuntimeException concurrentInsert) {
            // Another attempt inserted the row first; taking a slot from it below is all we need.
        }
        return rows.take(usernameKey, throttle, now)
                .orElseThrow(() -> new IllegalStateException("no login_attempts row after inserting it"));
    }

    @Override
    public void forget(String usernameKey) {
        rows.delete(usernameKey);
    }
}
