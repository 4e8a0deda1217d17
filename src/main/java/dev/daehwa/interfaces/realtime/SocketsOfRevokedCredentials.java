package dev.daehwa.interfaces.realtime;

import dev.daehwa.application.auth.Revocation;
import dev.daehwa.application.cluster.NodeMessage;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.websocket.CloseReason;

/**
 * A revoked token, a logout or a sign-out everywhere closes the sockets it covers on this node,
 * whether it was revoked here or on another node: a socket must not go on listening on behalf of
 * a credential that no longer holds. Closed with {@value #CODE}, which tells a client not to
 * reconnect with the same credential.
 */
@ApplicationScoped
public class SocketsOfRevokedCredentials {

    static final int CODE = 4401;
    private static final int BEFORE_SESSIONS = Interceptor.Priority.APPLICATION;

    @Inject
    private Connections connections;

    /**
     * Before the revocation ends the HTTP sessions it covers (default priority): their end would
     * close the same sockets as merely logged out (1008), and a client could not tell why. Hence
     * also the close in this thread rather than after what the socket still has to send.
     */
    void revoked(@Observes(during = TransactionPhase.AFTER_SUCCESS) @Priority(BEFORE_SESSIONS) Revocation revocation) {
        close(revocation);
    }

    void revokedElsewhere(@Observes @Priority(BEFORE_SESSIONS) NodeMessage.Revoked revoked) {
        close(revoked.revocation());
    }

    private void close(Revocation revocation) {
        for (Connection connection : connections.all()) {
            if (revocation.ends(connection.userId(), connection.credential())) {
                connection.closeNow(new CloseReason(CloseReason.CloseCodes.getCloseCode(CODE), "credential revoked"));
            }
        }
    }
}
