package dev.daehwa.infrastructure.auth;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;

/** Keeps {@link HttpSessionsByLogin} free of sessions that timed out or were invalidated. */
@WebListener
public class HttpSessionsByLoginListener implements HttpSessionListener {

    @Inject
    private HttpSessionsByLogin sessions;

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        sessions.forget(event.getSession());
    }
}
