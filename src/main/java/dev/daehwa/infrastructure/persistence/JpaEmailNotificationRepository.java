package dev.daehwa.infrastructure.persistence;

import dev.daehwa.domain.notification.Claim;
import dev.daehwa.domain.notification.EmailCadence;
import dev.daehwa.domain.notification.EmailNotification;
import dev.daehwa.domain.notification.EmailNotificationRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The notification queue in SQL that both databases speak. Opening and claiming are native
 * statements: opening is one INSERT ... SELECT over the room's members, and claiming needs
 * {@code FOR UPDATE SKIP LOCKED}, which JPQL cannot say. H2 accepts the same clause; on one node
 * there is only one worker anyway.
 */
@ApplicationScoped
public class JpaEmailNotificationRepository implements EmailNotificationRepository {

    private static final List<EmailCadence> TIMED = Arrays.stream(EmailCadence.values())
            .filter(cadence -> cadence.delay().isPresent())
            .toList();

    /**
     * Parameters: one due time per timed cadence, then the default's due time, now, room,
     * sender, whether a user without a choice is emailed at all (1 or 0) and about every message
     * (1 or 0), whether everyone is addressed (1 or 0), then the addressed user ids (the %s),
     * and optionally the one user. The conditions are {@link dev.daehwa.domain.notification.EmailScope}'s.
     */
    private static final String OPEN = """
            INSERT INTO email_notification
                (user_id, room_id, open_user_id, open_room_id, state, due_at, created_at, attempts, failures)
            SELECT m.user_id, m.room_id, m.user_id, m.room_id, 'pending', %s, %s, 0, 0
            FROM membership m JOIN app_user u ON u.id = m.user_id
            WHERE m.room_id = ? AND m.user_id <> ?
              AND u.confirmed_email_key IS NOT NULL
              AND (u.email_cadence <> 'never' OR (u.email_cadence IS NULL AND ? = 1))
              AND ((m.email_muted = FALSE
                    AND (u.email_cadence NOT IN ('never', 'mentions') OR (u.email_cadence IS NULL AND ? = 1)))
                   OR (u.email_mentions = TRUE AND (? = 1 OR m.user_id IN (%%s))))
              AND NOT EXISTS (SELECT 1 FROM email_notification n
                              WHERE n.open_user_id = m.user_id AND n.open_room_id = m.room_id)
            """.formatted(dueAtCase(), timestamp());

    @PersistenceContext(unitName = "daehwa")
    private EntityManager em;

    private static String dueAtCase() {
        return TIMED.stream()
                .map(cadence -> "WHEN '" + cadence.value() + "' THEN " + timestamp())
                .collect(Collectors.joining(" ", "CASE u.email_cadence ", " ELSE " + timestamp() + " END"));
    }

    /** A typed parameter: in a CASE branch neither database can infer the type of a bare "?". */
    private static String timestamp() {
        return "CAST(? AS TIMESTAMP WITH TIME ZONE)";
    }

    @Override
    public int openFor(long roomId, long senderId, Long onlyUserId, Addressed addressed, EmailCadence serverDefault,
            Function<EmailCadence, Instant> dueAt, Instant now) {
        boolean defaultNotifies = serverDefault.delay().isPresent();
        // No addressed ids: IN (NULL) matches nobody, in both databases.
        List<Long> ids = List.copyOf(addressed.userIds());
        String placeholders = ids.isEmpty() ? "NULL" : String.join(", ", Collections.nCopies(ids.size(), "?"));
        Query insert = em.createNativeQuery(OPEN.formatted(placeholders) + (onlyUserId == null ? "" : " AND m.user_id = ?"));
        int p = 1;
        for (EmailCadence cadence : TIMED) {
            insert.setParameter(p++, utc(dueAt.apply(cadence)));
        }
        insert.setParameter(p++, utc(defaultNotifies ? dueAt.apply(serverDefault) : now));
        insert.setParameter(p++, utc(now));
        insert.setParameter(p++, roomId);
        insert.setParameter(p++, senderId);
        insert.setParameter(p++, defaultNotifies ? 1 : 0);
        insert.setParameter(p++, serverDefault.emailsEveryMessage() ? 1 : 0);
        insert.setParameter(p++, addressed.toEveryone() ? 1 : 0);
        for (Long id : ids) {
            insert.setParameter(p++, id);
        }
        if (onlyUserId != null) {
            insert.setParameter(p, onlyUserId);
        }
        return insert.executeUpdate();
    }

    @Override
    public List<Claim> claimDue(Instant now, Instant leaseUntil, int limit) {
        return OutboxClaims.claim(em, "email_notification", "id", "room_id, ", now, leaseUntil, limit).stream()
                .map(row -> new Claim(((Number) row[0]).longValue(), ((Number) row[1]).longValue(),
                        ((Number) row[2]).intValue()))
                .toList();
    }

    @Override
    public Optional<EmailNotification> findForUpdate(long id) {
        return Optional.ofNullable(em.find(EmailNotification.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public long countOpen() {
        return count("pending");
    }

    @Override
    public long countFailed() {
        return count("failed");
    }

    private long count(String state) {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM email_notification WHERE state = ?")
                .setParameter(1, state)
                .getSingleResult()).longValue();
    }

    @Override
    public int deleteSettledBefore(Instant cutoff) {
        return em.createNativeQuery("DELETE FROM email_notification WHERE settled_at < ?")
                .setParameter(1, utc(cutoff))
                .executeUpdate();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
