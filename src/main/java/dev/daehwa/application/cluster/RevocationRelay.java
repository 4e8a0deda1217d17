package dev.daehwa.application.cluster;

import dev.daehwa.application.auth.Revocation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Tells the other nodes of each revocation, so that they close its sockets and end its sessions
 * too; they receive it as a {@link NodeMessage.Revoked} (see {@link ClusterRelay}).
 */
@ApplicationScoped
public class RevocationRelay {

    @Inject
    private NodeChannel channel;

    @Inject
    private ThisNode node;

    /** In the revoking transaction: the others hear of it if and only if it commits. */
    void announce(@Observes Revocation revocation) {
        if (channel.connectsNodes()) {
            channel.sendOnCommit(NodeMessages.encode(new NodeMessage.Revoked(node.name(), revocation)));
        }
    }
}
