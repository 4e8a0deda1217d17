package dev.daehwa.infrastructure.auth;

import dev.daehwa.application.auth.BrowserLogins;
import dev.daehwa.application.auth.SignOutService;
import dev.daehwa.domain.auth.BrowserLogin;
import dev.daehwa.infrastructure.crypto.RandomTokenSecrets;
import dev.daehwa.infrastructure.http.TransportSecurity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Starts, resumes and ends browser logins; shared by the JSON login and the web pages. A login is
 * two things: a {@link BrowserLogin} in the database behind the login cookie, which any node
 * accepts, and this node's HTTP session, which caches it (and holds the pages' view state).
 */
@ApplicationScoped
public class HttpSessionLogin {

    /** How stale a session's view of its login may be. */
    static final long RECHECK_MILLIS = 60_000;
    private static final String CHECKED_AT_ATTRIBUTE = "dev.daehwa.loginCheckedAt";

    @Inject
    private BrowserLogins logins;

    @Inject
    private HttpSessionsByLogin sessions;

    @Inject
    private SignOutService signOut;

    @Inject
    private TransportSecurity transport;

    public void establish(HttpServletRequest request, HttpServletResponse response, long userId) {
        String secret = logins.start(userId);
        bind(request, userId, RandomTokenSecrets.sha256(secret));
        LoginCookie.set(request, response, transport.overHttps(request), secret, BrowserLogin.IDLE_LIMIT);
    }

    /**
     * A request without a session here (another node logged it in, or this node restarted) but
     * with a valid login cookie: the session is established again, for the same user.
     */
    Optional<Long> resume(HttpServletRequest request, HttpServletResponse response) {
        Optional<String> secret = LoginCookie.read(request);
        if (secret.isEmpty()) {
            return Optional.empty();
        }
        Optional<Long> user = logins.userOf(secret.get());
        if (user.isPresent()) {
            bind(request, user.get(), RandomTokenSecrets.sha256(secret.get()));
        } else {
            LoginCookie.clear(request, response, transport.overHttps(request));
        }
        return user;
    }

    /**
     * Whether the session's login still holds. Checked against the database at most every
     * {@link #RECHECK_MILLIS}: a logout on another node, or an expiry, ends this node's session
     * within that even if the other node's message never arrived; and a session in daily use
     * renews its login (row and cookie) instead of outliving it.
     */
    boolean stillLoggedIn(HttpServletRequest request, HttpServletResponse response, HttpSession session) {
        if (!(session.getAttribute(CallerIdentity.SESSION_LOGIN_ATTRIBUTE) instanceof String loginHash)) {
            return true;
        }
        long now = System.currentTimeMillis();
        if (session.getAttribute(CHECKED_AT_ATTRIBUTE) instanceof Long checkedAt && now - checkedAt < RECHECK_MILLIS) {
            return true;
        }
        switch (logins.check(loginHash)) {
            case ENDED -> {
                sessions.end(loginHash);
                HttpSessionsByLogin.invalidate(session);
                LoginCookie.clear(request, response, transport.overHttps(request));
                return false;
            }
            case RENEWED -> LoginCookie.read(request)
                    .filter(secret -> RandomTokenSecrets.sha256(secret).equals(loginHash))
                    .ifPresent(secret -> LoginCookie.set(request, response, transport.overHttps(request), secret,
                            BrowserLogin.IDLE_LIMIT));
            case VALID -> {
                // nothing to renew yet
            }
        }
        session.setAttribute(CHECKED_AT_ATTRIBUTE, now);
        return true;
    }

    /**
     * Binds the user to the session under a fresh session id, so that an id planted before login
     * (session fixation) is worthless afterwards.
     */
    private void bind(HttpServletRequest request, long userId, String loginHash) {
        HttpSession existing = request.getSession(false);
        if (existing != null) {
            // A logout of whoever was logged in here before must not end the new login.
            sessions.forget(existing);
            request.changeSessionId();
        }
        HttpSession session = request.getSession(true);
        session.setAttribute(CallerIdentity.SESSION_USER_ATTRIBUTE, userId);
        session.setAttribute(CallerIdentity.SESSION_LOGIN_ATTRIBUTE, loginHash);
        session.setAttribute(CHECKED_AT_ATTRIBUTE, System.currentTimeMillis());
        sessions.add(loginHash, session);
    }

    /**
     * Ends the login everywhere: its row, its cookie, and its sessions and sockets on every node
     * (the revocation that ending the row announces does that).
     */
    public void end(HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        Set<String> loginHashes = new HashSet<>();
        if (session != null && session.getAttribute(CallerIdentity.SESSION_LOGIN_ATTRIBUTE) instanceof String hash) {
            loginHashes.add(hash);
        }
        LoginCookie.read(request).map(RandomTokenSecrets::sha256).ifPresent(loginHashes::add);
        LoginCookie.clear(request, response, transport.overHttps(request));
        // Before the session is invalidated: its sockets are closed as revoked (4401), not just as logged out.
        loginHashes.forEach(logins::endByHash);
        if (session != null) {
            HttpSessionsByLogin.invalidate(session);
        }
    }

    /** "Sign out everywhere", this browser included: its cookie goes with the logins. */
    public void signOutEverywhere(HttpServletRequest request, HttpServletResponse response, long userId,
                                  boolean tokensToo) {
        signOut.everywhere(userId, tokensToo);
        LoginCookie.clear(request, response, transport.overHttps(request));
        HttpSession session = request.getSession(false);
        if (session != null) {
            HttpSessionsByLogin.invalidate(session);
        }
    }
}
