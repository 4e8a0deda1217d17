package dev.daehwa.application;

import dev.daehwa.domain.auth.LoginFailure;
import dev.daehwa.domain.auth.LoginFailureRepository;
import dev.daehwa.domain.auth.LoginThrottle;
import dev.daehwa.domain.error.AuthenticationRequiredException;
import dev.daehwa.domain.error.TooManyAttemptsException;
import dev.daehwa.domain.user.User;
import dev.daehwa.domain.user.UserRepository;
import dev.daehwa.infrastructure.security.PasswordHasher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Checks a username and password, with throttling: after 10 failures for one username in
 * 5 minutes, further attempts are refused until the window passes — the same way whether or not
 * the username exists, and before the password is even looked at.
 */
@ApplicationScoped
public class LoginService {

    static final LoginThrottle THROTTLE = new LoginThrottle(10, Duration.ofMinutes(5));

    @Inject
    private UserRepository users;

    @Inject
    private LoginFailureRepository failures;

    @Inject
    private PasswordHasher passwords;

    @Inject
    private Clock clock;

    /** The failure record must outlive the refusal, so a bad password does not roll back. */
    @Transactional(dontRollbackOn = AuthenticationRequiredException.class)
    public User login(String username, String password) {
        String key = User.keyOf(username == null ? "" : username);
        String given = password == null ? "" : password;
        if (key.isEmpty() || key.length() > User.KEY_MAX) {
            // No account has such a name; nothing to throttle or record, same answer and cost.
            passwords.matchesNobody(given);
            throw AuthenticationRequiredException.badCredentials();
        }
        Instant now = Instant.now(clock);
        Instant windowStart = THROTTLE.windowStart(now);
        List<Instant> recent = failures.failuresSince(key, windowStart);
        Optional<Duration> blocked = THROTTLE.blockedFor(recent, now);
        if (blocked.isPresent()) {
            throw new TooManyAttemptsException(blocked.get());
        }
        Optional<User> user = users.findByUsername(key);
        boolean valid = user.isPresent() ? passwords.matches(given, user.get().passwordHash())
                : passwords.matchesNobody(given);
        if (!valid) {
            failures.purgeBefore(key, windowStart);
            failures.record(new LoginFailure(key, now));
            throw AuthenticationRequiredException.badCredentials();
        }
        if (!recent.isEmpty()) {
            failures.forget(key);
        }
        if (passwords.needsRehash(user.get().passwordHash())) {
            // the one moment the password is at hand: DAEHWA_PASSWORD_ITERATIONS rose since it was hashed
            user.get().replacePasswordHash(passwords.hash(given));
        }
        return user.get();
    }
}
