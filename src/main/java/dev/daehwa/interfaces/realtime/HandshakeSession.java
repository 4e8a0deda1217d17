package dev.daehwa.interfaces.realtime;

import jakarta.servlet.http.HttpSession;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;

/**
 * Remembers which HTTP session a cookie-authenticated socket belongs to, so that logging out
 * closes it: a socket must not go on receiving someone's messages after they logged out.
 * (The configuration passed here is a per-connection copy, as Jakarta WebSocket 2.1 specifies.)
 */
public class HandshakeSession extends ServerEndpointConfig.Configurator {

    static final String HTTP_SESSION_ID = HandshakeSession.class.getName() + ".httpSessionId";

    @Override
    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
        if (request.getHttpSession() instanceof HttpSession session) {
            config.getUserProperties().put(HTTP_SESSION_ID, session.getId());
        }
    }
}
