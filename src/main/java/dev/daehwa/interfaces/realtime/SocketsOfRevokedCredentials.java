package dev.daehwa.interfaces.realtime;

import dev.daehwa.application.cluster.NodeMessage;
import dev.daehwa.application.events.Revocation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
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

    @Inject
    private Connections connections;

    void revoked(@Observes(during = TransactionPhase.AFTER_SUCCESS) Revocation revocation) {
        close(revocation);
    }

    void revokedElsewhere(@Observes NodeMessage.Revoked revoked) {
        close(revoked.revocation());
    }

    private void close(Revocation revocation) {
        for (Connection connection : connections.all()) {
            if (revocation.ends(connection.userId(), connection.credential())) {
                connection.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(CODE), "credential revoked"));
            }
        }
    }
}
