package dev.daehwa.interfaces.realtime;

import dev.daehwa.application.auth.CallerCredential;
import dev.daehwa.infrastructure.auth.RequestCredentials;
import jakarta.servlet.http.HttpSession;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.Session;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;

/**
 * Remembers which HTTP session a cookie-authenticated socket belongs to, and which credential
 * (login or API token) opened it, so that logging out or revoking the token closes it: a socket
 * must not go on receiving someone's messages after they logged out.
 * (The configuration passed here is a per-connection copy, as Jakarta WebSocket 2.1 specifies.)
 */
public class HandshakeSession extends ServerEndpointConfig.Configurator {

    static final String HTTP_SESSION_ID = HandshakeSession.class.getName() + ".httpSessionId";
    private static final String CREDENTIAL = HandshakeSession.class.getName() + ".credential";

    @Override
    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
        HttpSession session = request.getHttpSession() instanceof HttpSession s ? s : null;
        if (session != null) {
            config.getUserProperties().put(HTTP_SESSION_ID, session.getId());
        }
        // Which token or login opened the socket, so that revoking it closes the socket.
        RequestCredentials.of(header(request, "Authorization"), session)
                .ifPresent(credential -> config.getUserProperties().put(CREDENTIAL, credential));
    }

    /** The credential that opened this socket; null if none was recorded. */
    static CallerCredential credentialOf(Session socket) {
        return socket.getUserProperties().get(CREDENTIAL) instanceof CallerCredential credential ? credential : null;
    }

    private static String header(HandshakeRequest request, String name) {
        return request.getHeaders().entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase(name) && !header.getValue().isEmpty())
                .map(header -> header.getValue().getFirst())
                .findFirst().orElse(null);
    }
}
