package dev.daehwa.interfaces.realtime;

import java.util.concurrent.TimeUnit;

/**
 * So many tokens a minute, refilled continuously, with at most one minute's worth saved up: a
 * client may do something in a burst after a quiet spell, but not more often than that on average.
 */
final class TokenBucket {

    private static final long MINUTE_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final int perMinute;
    private double tokens;
    private long updatedNanos;

    TokenBucket(int perMinute, long nowNanos) {
        this.perMinute = perMinute;
        this.tokens = perMinute;
        this.updatedNanos = nowNanos;
    }

    /** Takes a token if there is one. */
    synchronized boolean take(long nowNanos) {
        refill(nowNanos);
        if (tokens < 1) {
            return false;
        }
        tokens--;
        return true;
    }

    /** Whether the bucket has refilled: a full bucket is the same as none, and can be forgotten. */
    synchronized boolean isFull(long nowNanos) {
        refill(nowNanos);
        return tokens >= perMinute;
    }

    private void refill(long nowNanos) {
        long elapsed = Math.max(0, nowNanos - updatedNanos);
        tokens = Math.min(perMinute, tokens + (double) perMinute * elapsed / MINUTE_NANOS);
        updatedNanos = nowNanos;
    }
}
