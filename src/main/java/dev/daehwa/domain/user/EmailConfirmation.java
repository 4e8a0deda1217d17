package dev.daehwa.domain.user;

import dev.daehwa.domain.notification.RetrySchedule;
import dev.daehwa.domain.notification.SendAttempts;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/**
 * The confirmation link a user is owed or was sent for their address: one per user, renewed by
 * a resend or a change of address, deleted once confirmed. It is also the outbox of its email:
 * pending until the SMTP server took it, retried on the notification queue's schedule. The link's
 * token is made when the email is written (only its hash is kept), so an email sent again after
 * a crash carries a new link and the newest link is the one that works.
 */
@Entity
@Table(name = "email_confirmation")
public class EmailConfirmation {

    private static final String PENDING = "pending";
    private static final String SENT = "sent";
    private static final String FAILED = "failed";

    @Id
    @Column(name = "user_id")
    private Long userId;

    private String email;

    @Column(name = "token_hash")
    private String tokenHash;

    @Column(name = "expires_at")
    private Instant expiresAt;

    private String state;

    @Embedded
    private SendAttempts sending = new SendAttempts();

    @Column(name = "requested_at")
    private Instant requestedAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    protected EmailConfirmation() {
        // for JPA
    }

    public static EmailConfirmation of(User user, Instant now) {
        EmailConfirmation confirmation = new EmailConfirmation();
        confirmation.userId = user.id();
        confirmation.renew(user.email(), now);
        return confirmation;
    }

    /**
     * A new link for this address, to be emailed at once. The attempt count moves on, so a worker
     * sending the previous link at this moment cannot settle this request as sent.
     */
    public void renew(String address, Instant now) {
        email = address;
        tokenHash = null;
        expiresAt = null;
        state = PENDING;
        requestedAt = now;
        sending.restart(now);
        sentAt = null;
    }

    /** Whether this worker's claim (taken at {@code attempt}) still holds it. */
    public boolean isHeldBy(int attempt) {
        return PENDING.equals(state) && sending.isTake(attempt);
    }

    /** The email is being written with a new link: only the token's hash is kept. */
    public void issue(String newTokenHash, Instant expires, Instant leaseUntil) {
        tokenHash = newTokenHash;
        expiresAt = expires;
        sending.dueAt(leaseUntil);
    }

    public void sent(Instant now) {
        state = SENT;
        sentAt = now;
    }

    /** @return true when it gave up */
    public boolean failed(String error, RetrySchedule schedule, Instant now) {
        if (sending.failed(error, schedule, now)) {
            return false;
        }
        state = FAILED;
        return true;
    }

    /** Handed back by a stopping worker: due again at once. */
    public void release(Instant now) {
        if (PENDING.equals(state)) {
            sending.dueAt(now);
        }
    }

    public boolean hasExpired(Instant now) {
        return expiresAt == null || !expiresAt.isAfter(now);
    }

    public long userId() {
        return userId;
    }

    public String email() {
        return email;
    }

    public Instant requestedAt() {
        return requestedAt;
    }

    public int failures() {
        return sending.failures();
    }
}
