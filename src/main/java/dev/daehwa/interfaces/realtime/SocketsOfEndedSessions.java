package dev.daehwa.interfaces.realtime;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;

/** Logging out (or a session timing out) closes the sockets that session opened. */
@WebListener
public class SocketsOfEndedSessions implements HttpSessionListener {

    @Inject
    private ChatProtocol sockets;

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        sockets.sessionEnded(event.getSession().getId());
    }
}
