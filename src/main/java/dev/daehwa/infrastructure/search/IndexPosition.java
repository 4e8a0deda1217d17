package dev.daehwa.infrastructure.search;

import java.time.Instant;
import java.util.Comparator;

/**
 * A place in the order messages changed in: by {@code changed_at}, then by id. The index has
 * applied every change up to its position.
 */
public record IndexPosition(Instant changedAt, long messageId) {

    static final IndexPosition BEGINNING = new IndexPosition(Instant.EPOCH, 0);

    private static final Comparator<IndexPosition> ORDER =
            Comparator.comparing(IndexPosition::changedAt).thenComparingLong(IndexPosition::messageId);

    IndexPosition max(IndexPosition other) {
        return ORDER.compare(this, other) >= 0 ? this : other;
    }

    IndexPosition min(IndexPosition other) {
        return ORDER.compare(this, other) <= 0 ? this : other;
    }
}
