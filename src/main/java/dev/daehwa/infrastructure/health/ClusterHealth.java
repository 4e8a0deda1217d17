package dev.daehwa.infrastructure.health;

import dev.daehwa.application.cluster.ClusterRelay;
import dev.daehwa.application.live.Presence;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.TreeSet;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * The cluster in /health: this node's name and the other nodes it hears from. Always UP: a node
 * that lost its channel still serves its own sockets, and its clients resume from the database.
 */
@Readiness
@ApplicationScoped
public class ClusterHealth implements HealthCheck {

    @Inject
    private ClusterRelay cluster;

    @Inject
    private Presence presence;

    @Override
    public HealthCheckResponse call() {
        if (!cluster.connectsNodes()) {
            return HealthCheckResponse.named("cluster").up().withData("state", "off").build();
        }
        return HealthCheckResponse.named("cluster").up()
                .withData("state", "on")
                .withData("node", cluster.thisNode())
                .withData("others", String.join(",", new TreeSet<>(presence.otherNodes())))
                .build();
    }
}
