package dev.daehwa.infrastructure.security;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;

/** Keeps {@link SessionsByLogin} free of sessions that timed out or were invalidated. */
@WebListener
public class SessionsByLoginListener implements HttpSessionListener {

    @Inject
    private SessionsByLogin sessions;

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        sessions.forget(event.getSession());
    }
}
