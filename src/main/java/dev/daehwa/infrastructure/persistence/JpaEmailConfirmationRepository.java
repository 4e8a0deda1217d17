package dev.daehwa.infrastructure.persistence;

import dev.daehwa.domain.user.EmailConfirmation;
import dev.daehwa.domain.user.EmailConfirmationRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Confirmation links in SQL both databases speak; claiming as in {@link JpaEmailNotificationRepository}. */
@ApplicationScoped
public class JpaEmailConfirmationRepository implements EmailConfirmationRepository {

    @PersistenceContext(unitName = "daehwa")
    private EntityManager em;

    @Override
    public Optional<EmailConfirmation> findForUpdate(long userId) {
        return Optional.ofNullable(em.find(EmailConfirmation.class, userId, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public Optional<EmailConfirmation> findByTokenHash(String tokenHash) {
        return em.createQuery("SELECT c FROM EmailConfirmation c WHERE c.tokenHash = :hash", EmailConfirmation.class)
                .setParameter("hash", tokenHash)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst();
    }

    @Override
    public List<Claim> claimDue(Instant now, Instant leaseUntil, int limit) {
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery("""
                        SELECT user_id FROM email_confirmation
                        WHERE state = 'pending' AND due_at <= ?
                        ORDER BY due_at, user_id
                        LIMIT %d
                        FOR UPDATE SKIP LOCKED
                        """.formatted(Math.max(1, limit)))
                .setParameter(1, utc(now))
                .getResultList();
        if (rows.isEmpty()) {
            return List.of();
        }
        String ids = rows.stream().map(id -> String.valueOf(((Number) id).longValue())).collect(Collectors.joining(","));
        em.createNativeQuery("UPDATE email_confirmation SET due_at = ?, attempts = attempts + 1 WHERE user_id IN (" + ids + ")")
                .setParameter(1, utc(leaseUntil))
                .executeUpdate();
        @SuppressWarnings("unchecked")
        List<Object[]> claimed = em.createNativeQuery(
                        "SELECT user_id, attempts FROM email_confirmation WHERE user_id IN (" + ids + ") ORDER BY user_id")
                .getResultList();
        return claimed.stream()
                .map(row -> new Claim(((Number) row[0]).longValue(), ((Number) row[1]).intValue()))
                .toList();
    }

    @Override
    public void store(EmailConfirmation confirmation) {
        em.persist(confirmation);
    }

    @Override
    public void delete(EmailConfirmation confirmation) {
        em.remove(confirmation);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
