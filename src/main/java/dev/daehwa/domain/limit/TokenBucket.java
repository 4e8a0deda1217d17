package dev.daehwa.domain.limit;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** One client's bucket under a {@link RateLimit}; not thread-safe, its owner serialises access. */
public final class TokenBucket {

    private final RateLimit limit;
    /**
     * The moment the bucket is (or was) full again: tokens are counted as time owed rather than
     * as a number, which needs no fractions. Each take pushes it one refill further into the future.
     */
    private Instant fullAt;

    public TokenBucket(RateLimit limit, Instant now) {
        this.limit = limit;
        this.fullAt = now;
    }

    /** Takes a token; empty if one was there, else how long until one is. */
    public Optional<Duration> take(Instant now) {
        Duration each = limit.refillEach();
        Instant start = fullAt.isBefore(now) ? now : fullAt;
        Instant after = start.plus(each);
        // Full bucket = fullAt <= now; empty = fullAt is a whole period ahead of now.
        Duration owed = Duration.between(now, after);
        if (owed.compareTo(limit.period()) > 0) {
            return Optional.of(owed.minus(limit.period()));
        }
        fullAt = after;
        return Optional.empty();
    }

    /** A full bucket holds no information: forgetting it changes nothing. */
    public boolean isFull(Instant now) {
        return !fullAt.isAfter(now);
    }
}
