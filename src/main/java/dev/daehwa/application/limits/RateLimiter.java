package dev.daehwa.application.limits;

import dev.daehwa.domain.limit.RateLimit;
import dev.daehwa.domain.limit.TokenBucket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Token buckets per key (a client address, a user id) on this node, in memory. The map is bounded:
 * a key whose bucket has filled up again is dropped (a full bucket is what a new key gets), and
 * past {@code maxKeys} the least recently used key goes, so keys made up by an attacker cost
 * bounded memory. Evicting a busy key early only makes the limit milder for it, never stricter.
 */
public final class RateLimiter {

    private final RateLimit limit;
    private final int maxKeys;
    private final Clock clock;
    private final LinkedHashMap<Object, TokenBucket> buckets = new LinkedHashMap<>(64, 0.75f, true);

    public RateLimiter(RateLimit limit, int maxKeys, Clock clock) {
        this.limit = limit;
        this.maxKeys = maxKeys;
        this.clock = clock;
    }

    /** Takes a token for the key; empty if it may go ahead, else how long it must wait. */
    public synchronized Optional<Duration> take(Object key) {
        Instant now = Instant.now(clock);
        dropOldestIfFull(now);
        TokenBucket bucket = buckets.computeIfAbsent(key, k -> new TokenBucket(limit, now));
        Optional<Duration> wait = bucket.take(now);
        if (buckets.size() > maxKeys) {
            Iterator<TokenBucket> eldest = buckets.values().iterator();
            eldest.next();
            eldest.remove();
        }
        return wait;
    }

    public RateLimit limit() {
        return limit;
    }

    synchronized int size() {
        return buckets.size();
    }

    /**
     * Amortised cleaning: the least recently used keys are the likeliest to be full again; a few
     * are looked at per call, so idle keys leave the map without a sweeper thread.
     */
    private void dropOldestIfFull(Instant now) {
        Iterator<Map.Entry<Object, TokenBucket>> oldest = buckets.entrySet().iterator();
        for (int looked = 0; looked < 2 && oldest.hasNext(); looked++) {
            if (!oldest.next().getValue().isFull(now)) {
                return;
            }
            oldest.remove();
        }
    }
}
