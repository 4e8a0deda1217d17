package dev.daehwa.domain.user;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The confirmation links owed or sent, one per user. */
public interface EmailConfirmationRepository {

    /** A worker's hold on one confirmation email: whose, and which attempt. */
    record Claim(long userId, int attempt) {
    }

    /** The user's confirmation, locked until the transaction ends. */
    Optional<EmailConfirmation> findForUpdate(long userId);

    /** The confirmation whose link carries the token with this hash, locked. */
    Optional<EmailConfirmation> findByTokenHash(String tokenHash);

    /**
     * Takes up to {@code limit} pending confirmation emails that are due, for this worker alone,
     * as {@code EmailNotificationRepository.claimDue} takes notifications.
     */
    List<Claim> claimDue(Instant now, Instant leaseUntil, int limit);

    void store(EmailConfirmation confirmation);

    void delete(EmailConfirmation confirmation);
}
