package dev.daehwa.infrastructure.security;

import dev.daehwa.application.cluster.NodeMessage;
import dev.daehwa.application.events.CallerCredential;
import dev.daehwa.application.events.Revocation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This node's HTTP sessions by the login they came from, so that a logout (or any revocation of
 * the login) on any node ends them all: the session here and its copies on other nodes.
 */
@ApplicationScoped
public class SessionsByLogin {

    private final Map<String, Set<HttpSession>> byLogin = new ConcurrentHashMap<>();

    void add(String loginHash, HttpSession session) {
        // Inside compute, so that it cannot land in a set that forget() is dropping at that moment.
        byLogin.compute(loginHash, (h, sessions) -> {
            Set<HttpSession> set = sessions == null ? ConcurrentHashMap.newKeySet() : sessions;
            set.add(session);
            return set;
        });
    }

    void forget(HttpSession session) {
        if (session.getAttribute(CallerIdentity.SESSION_LOGIN_ATTRIBUTE) instanceof String loginHash) {
            byLogin.computeIfPresent(loginHash, (h, sessions) -> {
                sessions.remove(session);
                return sessions.isEmpty() ? null : sessions;
            });
        }
    }

    void end(String loginHash) {
        Set<HttpSession> sessions = byLogin.remove(loginHash);
        if (sessions != null) {
            List.copyOf(sessions).forEach(SessionsByLogin::invalidate);
        }
    }

    static void invalidate(HttpSession session) {
        try {
            session.invalidate();
        } catch (IllegalStateException alreadyInvalid) {
            // ended meanwhile by a timeout or another request
        }
    }

    void revoked(@Observes(during = TransactionPhase.AFTER_SUCCESS) Revocation revocation) {
        end(revocation);
    }

    void revokedElsewhere(@Observes NodeMessage.Revoked revoked) {
        end(revoked.revocation());
    }

    /** Ends this node's sessions of the logins the revocation covers. */
    private void end(Revocation revocation) {
        if (revocation instanceof Revocation.LoginEnded ended) {
            end(ended.loginHash());
            return;
        }
        // Rare (a sign-out of many logins at once), so a pass over all sessions is affordable.
        for (Map.Entry<String, Set<HttpSession>> sessions : List.copyOf(byLogin.entrySet())) {
            CallerCredential login = new CallerCredential.Login(sessions.getKey());
            if (sessions.getValue().stream().map(SessionsByLogin::userOf).flatMap(Optional::stream)
                    .anyMatch(user -> revocation.ends(user, login))) {
                end(sessions.getKey());
            }
        }
    }

    private static Optional<Long> userOf(HttpSession session) {
        try {
            return session.getAttribute(CallerIdentity.SESSION_USER_ATTRIBUTE) instanceof Long user
                    ? Optional.of(user) : Optional.empty();
        } catch (IllegalStateException invalidated) {
            return Optional.empty();
        }
    }
}
