package dev.daehwa.interfaces.realtime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * This node's sockets in /health: how many are open, and what waits for them (frames queued or
 * held for a resume, and their bytes, counted as in {@link QueueBound}), the memory that slow or
 * hostile clients can make the server hold. Always UP: a socket's bound, not the node, answers
 * for that.
 */
@Readiness
@ApplicationScoped
public class SocketsHealth implements HealthCheck {

    @Inject
    private Connections connections;

    @Override
    public HealthCheckResponse call() {
        Collection<Connection> all = connections.all();
        long frames = 0;
        long bytes = 0;
        for (Connection connection : all) {
            frames += connection.outbox().waitingFrames();
            bytes += connection.outbox().waitingBytes();
        }
        return HealthCheckResponse.named("websockets").up()
                .withData("open", all.size())
                .withData("waitingFrames", frames)
                .withData("waitingBytes", bytes)
                .build();
    }
}
