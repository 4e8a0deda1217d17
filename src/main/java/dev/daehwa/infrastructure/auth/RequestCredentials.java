package dev.daehwa.infrastructure.auth;

import dev.daehwa.application.auth.CallerCredential;
import dev.daehwa.infrastructure.crypto.RandomTokenSecrets;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;

/**
 * Which credential a request was authenticated with, in the order the authentication mechanism
 * tries them: a Bearer token wins over the session.
 */
public final class RequestCredentials {

    private static final String BEARER = "Bearer ";

    private RequestCredentials() {
    }

    /** The secret of an {@code Authorization: Bearer} header. */
    static Optional<String> bearerSecret(String authorization) {
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.of(authorization.substring(BEARER.length()).strip());
        }
        return Optional.empty();
    }

    /**
     * The credential of an authenticated request, given its Authorization header and its session.
     * Empty for a session without a login (there are none once a login binds it).
     */
    public static Optional<CallerCredential> of(String authorization, HttpSession session) {
        Optional<String> bearer = bearerSecret(authorization);
        if (bearer.isPresent()) {
            return Optional.of(new CallerCredential.ApiToken(RandomTokenSecrets.sha256(bearer.get())));
        }
        try {
            if (session != null && session.getAttribute(CallerIdentity.SESSION_LOGIN_ATTRIBUTE) instanceof String hash) {
                return Optional.of(new CallerCredential.Login(hash));
            }
        } catch (IllegalStateException invalidated) {
            // the session ended during the request
        }
        return Optional.empty();
    }
}
