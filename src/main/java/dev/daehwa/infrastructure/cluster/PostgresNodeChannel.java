package dev.daehwa.infrastructure.cluster;

import dev.daehwa.application.cluster.NodeChannel;
import dev.daehwa.infrastructure.persistence.EnvironmentDataSource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * The node channel on PostgreSQL's LISTEN/NOTIFY: the nodes already share the database, so the
 * cluster needs nothing else to run. Notifications sent inside a transaction are delivered only if
 * it commits, in commit order, which is exactly what announcing a change needs.
 *
 * <p>Two connections of its own, outside the pool: one blocks listening, the other sends this
 * node's messages in order from a single thread (NOTIFYs from one session arrive in the order sent).
 */
final class PostgresNodeChannel implements NodeChannel {

    static final String CHANNEL = "daehwa_nodes";
    /** The listening connection's application_name in pg_stat_activity. */
    static final String LISTENER_NAME = "daehwa-cluster-listen";
    private static final Logger LOG = Logger.getLogger(PostgresNodeChannel.class.getName());
    private static final int WAIT_MILLIS = 1_000;
    /** How often the listening connection proves it is still alive; a dead TCP link stays silent. */
    private static final long PROBE_EVERY_MILLIS = 10_000;
    private static final long RETRY_MILLIS = 1_000;

    private final ManagedThreadFactory threads;
    private final EntityManager entityManager;
    private final EnvironmentDataSource connections;
    private final BlockingQueue<String> outgoing = new LinkedBlockingQueue<>(10_000);
    private volatile boolean running = true;
    private Thread listener;
    private Thread sender;

    PostgresNodeChannel(ManagedThreadFactory threads, EntityManager entityManager, EnvironmentDataSource connections) {
        this.threads = threads;
        this.entityManager = entityManager;
        this.connections = connections;
    }

    @Override
    public boolean connectsNodes() {
        return true;
    }

    @Override
    public void sendOnCommit(String message) {
        // pg_notify returns void, which EclipseLink cannot read as a result; count the one row instead.
        entityManager.createNativeQuery("SELECT count(*) FROM (SELECT pg_notify(?, ?)) AS sent")
                .setParameter(1, CHANNEL)
                .setParameter(2, message)
                .getSingleResult();
    }

    @Override
    public void send(String message) {
        if (!outgoing.offer(message)) {
            LOG.warning("The cluster channel is not keeping up; dropped a message to the other nodes");
        }
    }

    @Override
    public synchronized void listen(Consumer<String> receiver, Runnable connected) {
        if (listener != null) {
            throw new IllegalStateException("already listening");
        }
        listener = threads.newThread(() -> listenWhileRunning(receiver, connected));
        listener.setName("daehwa-cluster-listen");
        sender = threads.newThread(this::sendWhileRunning);
        sender.setName("daehwa-cluster-send");
        listener.start();
        sender.start();
    }

    private void listenWhileRunning(Consumer<String> receiver, Runnable connected) {
        while (running) {
            try (Connection connection = connections.dedicatedConnection(LISTENER_NAME)) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                connected.run();
                PGConnection postgres = connection.unwrap(PGConnection.class);
                long probed = System.currentTimeMillis();
                while (running) {
                    PGNotification[] notifications = postgres.getNotifications(WAIT_MILLIS);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            receiver.accept(notification.getParameter());
                        }
                    }
                    if (System.currentTimeMillis() - probed > PROBE_EVERY_MILLIS) {
                        try (Statement probe = connection.createStatement()) {
                            probe.execute("SELECT 1");
                        }
                        probed = System.currentTimeMillis();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    LOG.log(Level.WARNING, "Lost the cluster channel; reconnecting. What other nodes announce"
                            + " meanwhile is repaired once it is back (clients resume, search catches up).", e);
                    pause();
                }
            }
        }
    }

    private void sendWhileRunning() {
        Connection connection = null;
        PreparedStatement notify = null;
        while (running) {
            String message;
            try {
                message = outgoing.poll(WAIT_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                break;
            }
            if (message == null) {
                continue;
            }
            try {
                if (connection == null) {
                    connection = connections.dedicatedConnection("daehwa-cluster-send");
                    connection.setAutoCommit(true);
                    notify = connection.prepareStatement("SELECT pg_notify(?, ?)");
                }
                notify.setString(1, CHANNEL);
                notify.setString(2, message);
                notify.execute();
            } catch (SQLException e) {
                // Presence heals with the next beat and typing is fleeting: drop, reconnect, go on.
                LOG.log(Level.WARNING, "Could not tell the other nodes; will reconnect", e);
                closeQuietly(connection);
                connection = null;
                pause();
            }
        }
        closeQuietly(connection);
    }

    /** Sends what is still queued (such as a goodbye), then stops both threads. */
    synchronized void close() {
        long deadline = System.currentTimeMillis() + 2_000;
        while (!outgoing.isEmpty() && System.currentTimeMillis() < deadline && sender != null && sender.isAlive()) {
            pause(50);
        }
        running = false;
        if (listener != null) {
            listener.interrupt();
            sender.interrupt();
        }
    }

    private static void pause() {
        pause(RETRY_MILLIS);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // it is being replaced or the node is stopping
            }
        }
    }
}
