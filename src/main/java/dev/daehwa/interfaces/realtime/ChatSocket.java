package dev.daehwa.interfaces.realtime;

import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The real-time endpoint, {@code /ws} under the context root. Only authenticated handshakes get
 * here ({@link HandshakeGuard}). The wire protocol is in docs/websocket-protocol.md: JSON text
 * frames; the server says hello, the client may resume, then live events flow.
 */
@ServerEndpoint(value = "/ws", configurator = HandshakeSession.class)
public class ChatSocket {

    private static final Logger LOG = Logger.getLogger(ChatSocket.class.getName());
    /** Client frames are small (resume, typing); anything bigger is not ours. */
    private static final int MAX_FRAME = 64 * 1024;

    @Inject
    private ChatProtocol sockets;

    @OnOpen
    public void open(Session session) {
        session.setMaxIdleTimeout(0); // the heartbeat decides when a socket is dead
        sockets.opened(session);
    }

    @OnMessage(maxMessageSize = MAX_FRAME)
    public void text(Session session, String text) {
        sockets.received(session, text);
    }

    @OnMessage
    public void pong(Session session, PongMessage pong) {
        sockets.pong(session);
    }

    @OnClose
    public void close(Session session, CloseReason reason) {
        sockets.closed(session);
    }

    @OnError
    public void error(Session session, Throwable error) {
        LOG.log(Level.FINE, "socket error", error);
    }
}
