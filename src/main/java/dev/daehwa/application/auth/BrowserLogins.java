package dev.daehwa.application.auth;

import dev.daehwa.domain.auth.BrowserLogin;
import dev.daehwa.domain.auth.BrowserLoginRepository;
import dev.daehwa.domain.user.UserRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Browser logins that every node recognises: started at login, looked up on each request that
 * carries the login cookie, ended at logout (on whichever node), or after 30 idle days.
 */
@ApplicationScoped
@Transactional
public class BrowserLogins {

    @Inject
    private BrowserLoginRepository logins;

    @Inject
    private TokenSecrets secrets;

    @Inject
    private UserRepository users;

    @Inject
    private Clock clock;

    @Inject
    private Event<Revocation> revocations;

    /** Starts a login and returns the secret for its cookie, which exists only in this return value. */
    public String start(long userId) {
        String secret = secrets.newSecret();
        logins.store(new BrowserLogin(users.get(userId), secrets.hashOf(secret), Instant.now(clock)));
        return secret;
    }

    /** Whose login this is, if it is still valid (and records the use). */
    public Optional<Long> userOf(String secret) {
        Optional<BrowserLogin> login = logins.findByHash(secrets.hashOf(secret));
        return login.filter(l -> use(l) != Check.ENDED).map(BrowserLogin::ownerId);
    }

    /** What a session established from a login finds when it checks the login again. */
    public enum Check { VALID, RENEWED, ENDED }

    /**
     * Checks a login a session was established from: ended (logged out anywhere, or expired), or
     * still valid, and then whether this use renewed it, so that its cookie is renewed too.
     */
    public Check check(String loginHash) {
        return logins.findByHash(loginHash).map(this::use).orElse(Check.ENDED);
    }

    private Check use(BrowserLogin login) {
        Instant now = Instant.now(clock);
        if (login.hasExpired(now)) {
            logins.remove(login);
            return Check.ENDED;
        }
        return login.used(now) ? Check.RENEWED : Check.VALID;
    }

    public void end(String secret) {
        endByHash(secrets.hashOf(secret));
    }

    /**
     * Ends the login a session was established from (the session keeps the hash, not the secret).
     * Announced even when the row is already gone (expired): sessions and sockets of it may remain.
     */
    public void endByHash(String loginHash) {
        logins.findByHash(loginHash).ifPresent(logins::remove);
        revocations.fire(new Revocation.LoginEnded(loginHash));
    }
}
