package dev.daehwa.domain.file;

import dev.daehwa.domain.error.TooLargeException;

/**
 * How much one upload and one uploader may store: a file of at most {@code maxBytes}, and all of
 * a person's files together at most {@code quotaBytes}. An upload is counted while it streams in,
 * so {@link #allowance} is what it may still grow to.
 */
public record FileLimits(long maxBytes, long quotaBytes) {

    public static final long DEFAULT_MAX_BYTES = 25L * 1024 * 1024;
    public static final long DEFAULT_QUOTA_BYTES = 1024L * 1024 * 1024;

    public FileLimits {
        if (maxBytes < 1 || quotaBytes < 1) {
            throw new IllegalArgumentException("file limits must be positive: " + maxBytes + ", " + quotaBytes);
        }
    }

    /** The most bytes an upload may have when the uploader already stores {@code used}. */
    public long allowance(long used) {
        return Math.max(0, Math.min(maxBytes, quotaBytes - used));
    }

    /** Why an upload that passed its {@link #allowance} is refused. */
    public TooLargeException refusal(long used, long size) {
        if (size > maxBytes) {
            return TooLargeException.file(maxBytes);
        }
        return TooLargeException.quota(quotaBytes, used);
    }

    /** Refuses a file that would take the uploader's total past the quota (when counted again under a lock). */
    public void allow(long used, long size) {
        if (size > allowance(used)) {
            throw refusal(used, size);
        }
    }
}
