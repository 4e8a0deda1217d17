package dev.daehwa.infrastructure.persistence;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How a worker takes due rows of an outbox table (notification and confirmation emails): the
 * oldest due pending rows that no other worker holds (SKIP LOCKED, so that workers on several
 * nodes never wait for each other), leased until {@code leaseUntil} with the attempt count moved
 * on, which is what voids the claim of a worker whose lease ran out.
 */
final class OutboxClaims {

    private OutboxClaims() {
    }

    /**
     * The claimed rows as {@code key, extra columns…, attempts}, oldest due first.
     *
     * @param key the table's key column
     * @param extraColumns further columns the caller's claim carries, each followed by a comma, or ""
     */
    static List<Object[]> claim(EntityManager em, String table, String key, String extraColumns,
                                Instant now, Instant leaseUntil, int limit) {
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery("""
                        SELECT %2$s FROM %1$s
                        WHERE state = 'pending' AND due_at <= ?
                        ORDER BY due_at, %2$s
                        LIMIT %3$d
                        FOR UPDATE SKIP LOCKED
                        """.formatted(table, key, Math.max(1, limit)))
                .setParameter(1, utc(now))
                .getResultList();
        if (rows.isEmpty()) {
            return List.of();
        }
        String keys = rows.stream().map(id -> String.valueOf(((Number) id).longValue())).collect(Collectors.joining(","));
        em.createNativeQuery("UPDATE %s SET due_at = ?, attempts = attempts + 1 WHERE %s IN (%s)"
                        .formatted(table, key, keys))
                .setParameter(1, utc(leaseUntil))
                .executeUpdate();
        @SuppressWarnings("unchecked")
        List<Object[]> claimed = em.createNativeQuery("SELECT %2$s, %3$sattempts FROM %1$s WHERE %2$s IN (%4$s) ORDER BY %2$s"
                        .formatted(table, key, extraColumns, keys))
                .getResultList();
        return claimed;
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
