package dev.daehwa.application.auth;

import dev.daehwa.application.accounts.PasswordHasher;
import dev.daehwa.domain.auth.LoginAttemptsRepository;
import dev.daehwa.domain.auth.LoginThrottle;
import dev.daehwa.domain.error.AuthenticationRequiredException;
import dev.daehwa.domain.error.TooManyAttemptsException;
import dev.daehwa.domain.user.User;
import dev.daehwa.domain.user.UserRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Checks a username and password, with throttling: each username gets 10 attempts per 5 minutes.
 * An attempt takes its slot in the database before the password is looked at, so parallel
 * guesses on any number of nodes cannot exceed the 10, and a refused attempt costs no password
 * hash. The answer is the same whether or not the username exists.
 *
 * <p>Not transactional as a whole: the slot commits on its own, and no lock or connection is held
 * during the deliberately slow hash.
 */
@ApplicationScoped
public class PasswordLogin {

    static final LoginThrottle THROTTLE = new LoginThrottle(10, Duration.ofMinutes(5));

    @Inject
    private UserRepository users;

    @Inject
    private LoginAttemptsRepository attempts;

    @Inject
    private PasswordHasher passwords;

    @Inject
    private Clock clock;

    public PasswordLogin() {
    }

    PasswordLogin(UserRepository users, LoginAttemptsRepository attempts, PasswordHasher passwords, Clock clock) {
        this.users = users;
        this.attempts = attempts;
        this.passwords = passwords;
        this.clock = clock;
    }

    public User login(String username, String password) {
        String key = User.keyOf(username == null ? "" : username);
        String given = password == null ? "" : password;
        if (key.isEmpty() || key.length() > User.KEY_MAX) {
            // No account can have such a name: nothing to throttle, and no hash to spend on it.
            throw AuthenticationRequiredException.badCredentials();
        }
        Optional<Duration> blocked = attempts.reserve(key, THROTTLE, Instant.now(clock));
        if (blocked.isPresent()) {
            throw TooManyAttemptsException.forUsername(blocked.get());
        }
        Optional<User> user = users.findByUsername(key);
        boolean valid = user.isPresent() ? passwords.matches(given, user.get().passwordHash())
                : passwords.matchesNobody(given);
        if (!valid) {
            throw AuthenticationRequiredException.badCredentials();
        }
        attempts.forget(key);
        if (passwords.needsRehash(user.get().passwordHash())) {
            // The one moment the password is at hand: DAEHWA_PASSWORD_ITERATIONS rose since it was hashed.
            users.replacePasswordHash(user.get().id(), passwords.hash(given));
        }
        return user.get();
    }
}
