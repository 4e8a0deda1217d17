package dev.daehwa.interfaces.realtime;

import dev.daehwa.application.jobs.JobSchedulers;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Pings every socket every {@code DAEHWA_WS_PING_SECONDS}; one that has not answered for
 * {@code DAEHWA_WS_DEAD_SECONDS} is dead (a laptop closed, a network gone) and is closed, so that
 * its user goes offline and its queue is freed.
 */
@ApplicationScoped
public class Heartbeat {

    private static final Logger LOG = Logger.getLogger(Heartbeat.class.getName());

    @Inject
    private JobSchedulers schedulers;

    @Inject
    private Connections connections;

    @Inject
    @ConfigProperty(name = "DAEHWA_WS_PING_SECONDS", defaultValue = "30")
    private long pingEverySeconds;

    @Inject
    @ConfigProperty(name = "DAEHWA_WS_DEAD_SECONDS", defaultValue = "60")
    private long deadAfterSeconds;

    private ScheduledFuture<?> beating;

    /** At startup: a bean made on first use would wait for a pong, which only follows a ping. */
    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        beating = schedulers.scheduler("socket-heartbeat")
                .scheduleAtFixedRate(this::beat, pingEverySeconds, pingEverySeconds, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (beating != null) {
            beating.cancel(false);
        }
    }

    /**
     * A socket that fails here (closing one tells the other nodes its user left) must not cost
     * the sockets after it their ping, or they would be closed as dead next.
     */
    private void beat() {
        long now = System.currentTimeMillis();
        for (Connection connection : connections.all()) {
            try {
                if (now - connection.lastPongMillis() > TimeUnit.SECONDS.toMillis(deadAfterSeconds)) {
                    connection.close(new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "no answer to ping"));
                } else {
                    connection.ping();
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "heartbeat of a socket failed; the others go on", e);
            }
        }
    }
}
