package dev.daehwa.infrastructure.persistence;

import dev.daehwa.domain.user.EmailConfirmation;
import dev.daehwa.domain.user.EmailConfirmationRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

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
        return OutboxClaims.claim(em, "email_confirmation", "user_id", "", now, leaseUntil, limit).stream()
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
}
