package dev.daehwa.application.accounts;

import dev.daehwa.application.auth.TokenSecrets;
import dev.daehwa.application.notification.ConfirmationEmail;
import dev.daehwa.application.notification.NotificationTiming;
import dev.daehwa.domain.error.ConflictException;
import dev.daehwa.domain.error.FieldRefusal;
import dev.daehwa.domain.error.InvalidInputException;
import dev.daehwa.domain.error.TooManyAttemptsException;
import dev.daehwa.domain.user.EmailConfirmation;
import dev.daehwa.domain.user.EmailConfirmationRepository.Claim;
import dev.daehwa.domain.user.EmailConfirmationRepository;
import dev.daehwa.domain.user.User;
import dev.daehwa.domain.user.UserRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Proving that an email address belongs to its account: a link is emailed at registration, on
 * a change of address and on request; following it (and pressing the button on the page it
 * opens) confirms the address. Only confirmed addresses get notification emails, and only a
 * confirmed address is refused to another account: an address typed by someone who cannot read
 * its mail blocks nobody. The link's token is random, stored only as its hash, works once, and
 * expires ({@code DAEHWA_EMAIL_CONFIRM_SECONDS}, 48 hours by default) counted from when its
 * email was written.
 *
 * <p>The email goes through the same durable path as notifications: the request is a row
 * written in the transaction that registers or changes the account, and the notification
 * worker claims, sends and retries it, so an SMTP outage or a crash delays it but loses nothing.
 */
@ApplicationScoped
@Transactional
public class EmailConfirmations {

    private static final Logger LOG = Logger.getLogger(EmailConfirmations.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    private EmailConfirmationRepository confirmations;

    @Inject
    private TokenSecrets secrets;

    @Inject
    private UserRepository users;

    @Inject
    private NotificationTiming timing;

    @Inject
    private Clock clock;

    @Inject
    @ConfigProperty(name = "DAEHWA_EMAIL_CONFIRM_SECONDS", defaultValue = "172800")
    private long lifetimeSeconds;

    /** What a link is about, for the page that asks to confirm. */
    public record Subject(String username, String email, boolean confirmed) {
    }

    /** A link is owed for the user's current address (registration, change of address). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void owe(User user) {
        Instant now = Instant.now(clock);
        Optional<EmailConfirmation> existing = confirmations.findForUpdate(user.id());
        if (existing.isPresent()) {
            existing.get().renew(user.email(), now);
        } else {
            confirmations.store(EmailConfirmation.of(user, now));
        }
    }

    /** Sends the link again (from the profile); at most once per cooldown. */
    public void resend(long userId) {
        User user = users.get(userId);
        if (user.isEmailConfirmed()) {
            throw new ConflictException("This email address is confirmed already.", FieldRefusal.EMAIL_ALREADY_CONFIRMED);
        }
        checkCooldown(userId);
        owe(user);
    }

    /** Refuses a new confirmation email too soon after the last one (429 with Retry-After). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void checkCooldown(long userId) {
        Instant now = Instant.now(clock);
        confirmations.findForUpdate(userId).ifPresent(last -> {
            Instant allowed = last.requestedAt().plus(timing.confirmationCooldown());
            if (allowed.isAfter(now)) {
                throw TooManyAttemptsException.forConfirmationEmail(Duration.between(now, allowed));
            }
        });
    }

    public Subject describe(String token) {
        EmailConfirmation confirmation = valid(token);
        User user = users.get(confirmation.userId());
        return new Subject(user.username(), confirmation.email(), false);
    }

    /**
     * Confirms the address the link was sent to. The link works once; an address another account
     * confirmed first is a conflict, and stays that account's.
     */
    public Subject confirm(String token) {
        EmailConfirmation confirmation = valid(token);
        User user = users.get(confirmation.userId());
        confirmations.delete(confirmation);
        if (!User.keyOf(confirmation.email()).equals(User.keyOf(user.email()))) {
            // Cannot happen while a change of address renews the link; kept as the rule's guard.
            throw invalid();
        }
        if (users.emailTaken(user.email())) {
            throw new ConflictException("Another account has confirmed this email address.", FieldRefusal.EMAIL_TAKEN);
        }
        user.confirmEmail();
        users.flush();
        return new Subject(user.username(), user.email(), true);
    }

    private EmailConfirmation valid(String token) {
        if (token == null || token.isBlank() || token.length() > 200) {
            throw invalid();
        }
        EmailConfirmation confirmation = confirmations.findByTokenHash(secrets.hashOf(token.strip()))
                .orElseThrow(EmailConfirmations::invalid);
        if (confirmation.hasExpired(Instant.now(clock))) {
            throw InvalidInputException.of(FieldRefusal.CONFIRMATION_TOKEN_EXPIRED,
                    "This confirmation link has expired. Ask for a new one on your profile page.");
        }
        return confirmation;
    }

    private static InvalidInputException invalid() {
        return InvalidInputException.of(FieldRefusal.CONFIRMATION_TOKEN_INVALID,
                "This confirmation link is not valid: it may have been replaced by a newer one, used already,"
                        + " or cut short when it was copied.");
    }

    // The worker's steps, each its own transaction; the email is sent between them.

    public List<Claim> claimDue(int limit) {
        Instant now = Instant.now(clock);
        return confirmations.claimDue(now, now.plus(timing.lease()), limit);
    }

    /** Writes the email with a new link, or empty when the claim was lost (renewed meanwhile). */
    public Optional<ConfirmationEmail> prepare(Claim claim) {
        Optional<EmailConfirmation> held = heldBy(claim);
        if (held.isEmpty()) {
            return Optional.empty();
        }
        EmailConfirmation confirmation = held.get();
        User user = users.get(claim.userId());
        Instant now = Instant.now(clock);
        String token = newToken();
        Instant expires = now.plusSeconds(Math.max(1, lifetimeSeconds));
        confirmation.issue(secrets.hashOf(token), expires, now.plus(timing.lease()));
        return Optional.of(new ConfirmationEmail(user.id(), claim.attempt(), confirmation.email(), user.displayName(),
                user.username(), user.language().orElse(Locale.ENGLISH), token, expires));
    }

    public void sent(Claim claim) {
        heldBy(claim).ifPresent(confirmation -> confirmation.sent(Instant.now(clock)));
    }

    public void failed(Claim claim, String error) {
        heldBy(claim).ifPresent(confirmation -> {
            if (confirmation.failed(error, timing.retrySchedule(), Instant.now(clock))) {
                LOG.severe(() -> "Gave up on the confirmation email to user " + claim.userId() + " after "
                        + confirmation.failures() + " failed attempts: " + error);
            }
        });
    }

    public void release(Collection<Claim> claims) {
        Instant now = Instant.now(clock);
        claims.forEach(claim -> heldBy(claim).ifPresent(c -> c.release(now)));
    }

    private Optional<EmailConfirmation> heldBy(Claim claim) {
        return confirmations.findForUpdate(claim.userId()).filter(c -> c.isHeldBy(claim.attempt()));
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
