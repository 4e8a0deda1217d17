package dev.daehwa.infrastructure.security;

import dev.daehwa.application.cluster.NodeMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This node's HTTP sessions by the login they came from, so that a logout on any node ends them
 * all: the session here, its sockets (closed when it is destroyed), and its copies on other nodes.
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

    void endedElsewhere(@Observes NodeMessage.LoginEnded ended) {
        end(ended.loginHash());
    }
}
