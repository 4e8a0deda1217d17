package dev.daehwa.infrastructure.auth;

import dev.daehwa.application.auth.CallerCredential;
import dev.daehwa.application.auth.Revocation;
import dev.daehwa.application.cluster.NodeMessage;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.interceptor.Interceptor;
import jakarta.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * This node's HTTP sessions by the login they came from, so that a logout (or any revocation of
 * the login) on any node ends them all: the session here and its copies on other nodes.
 */
@ApplicationScoped
public class HttpSessionsByLogin {

    /** Before SocketsOfRevokedCredentials closes the sockets of a revoked credential. */
    private static final int BEFORE_SOCKETS = Interceptor.Priority.APPLICATION - 100;

    private final Map<String, Set<HttpSession>> byLogin = new ConcurrentHashMap<>();
    /** Sessions a revocation ended that are still to be invalidated, once their sockets are closed. */
    private final Queue<HttpSession> disowned = new ConcurrentLinkedQueue<>();

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
            List.copyOf(sessions).forEach(HttpSessionsByLogin::invalidate);
        }
    }

    static void invalidate(HttpSession session) {
        try {
            session.invalidate();
        } catch (IllegalStateException alreadyInvalid) {
            // ended meanwhile by a timeout or another request
        }
    }

    /**
     * Ends the sessions a revocation covers in two steps around the closing of their sockets
     * (which runs in between): first they stop authenticating, so that a page reloading on its
     * socket's close finds itself logged out; then they are invalidated, which the container
     * answers by closing their sockets itself, with a plain 1008 that must not come first.
     */
    void revoked(@Observes(during = TransactionPhase.AFTER_SUCCESS) @Priority(BEFORE_SOCKETS) Revocation revocation) {
        disown(revocation);
    }

    void revokedThenInvalidate(@Observes(during = TransactionPhase.AFTER_SUCCESS) Revocation revocation) {
        invalidateDisowned();
    }

    void revokedElsewhere(@Observes @Priority(BEFORE_SOCKETS) NodeMessage.Revoked revoked) {
        disown(revoked.revocation());
    }

    void revokedElsewhereThenInvalidate(@Observes NodeMessage.Revoked revoked) {
        invalidateDisowned();
    }

    private void disown(Revocation revocation) {
        for (String hash : covered(revocation)) {
            Set<HttpSession> sessions = byLogin.remove(hash);
            if (sessions != null) {
                for (HttpSession session : sessions) {
                    try {
                        session.removeAttribute(CallerIdentity.SESSION_USER_ATTRIBUTE);
                    } catch (IllegalStateException alreadyInvalid) {
                        continue;
                    }
                    disowned.add(session);
                }
            }
        }
    }

    private void invalidateDisowned() {
        for (HttpSession session = disowned.poll(); session != null; session = disowned.poll()) {
            invalidate(session);
        }
    }

    /** The logins of this node's sessions that the revocation ends. */
    private List<String> covered(Revocation revocation) {
        if (revocation instanceof Revocation.LoginEnded ended) {
            return List.of(ended.loginHash());
        }
        // Rare (a sign-out of many logins at once), so a pass over all sessions is affordable.
        List<String> covered = new ArrayList<>();
        for (Map.Entry<String, Set<HttpSession>> sessions : List.copyOf(byLogin.entrySet())) {
            CallerCredential login = new CallerCredential.Login(sessions.getKey());
            if (sessions.getValue().stream().map(HttpSessionsByLogin::userOf).flatMap(Optional::stream)
                    .anyMatch(user -> revocation.ends(user, login))) {
                covered.add(sessions.getKey());
            }
        }
        return covered;
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
