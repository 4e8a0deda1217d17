package dev.daehwa.infrastructure.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/** Starts and ends browser sessions; shared by the JSON login and the web pages. */
@ApplicationScoped
public class SessionLogin {

    /**
     * Binds the user to the session under a fresh session id, so that an id planted before login
     * (session fixation) is worthless afterwards.
     */
    public void establish(HttpServletRequest request, long userId) {
        HttpSession existing = request.getSession(false);
        if (existing != null) {
            request.changeSessionId();
        }
        request.getSession(true).setAttribute(CallerIdentity.SESSION_USER_ATTRIBUTE, userId);
    }

    public void end(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }
}
