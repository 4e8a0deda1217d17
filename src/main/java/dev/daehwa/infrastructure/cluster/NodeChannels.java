package dev.daehwa.infrastructure.cluster;

import dev.daehwa.application.cluster.NodeChannel;
import dev.daehwa.infrastructure.persistence.EnvironmentDataSource;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Chooses how this node talks to the others: {@code DAEHWA_CLUSTER=off} (the default, one node,
 * nothing extra running) or {@code postgres} (LISTEN/NOTIFY on the shared database).
 */
@ApplicationScoped
public class NodeChannels {

    @Inject
    @ConfigProperty(name = "DAEHWA_CLUSTER", defaultValue = "off")
    private String cluster;

    @Resource
    private ManagedThreadFactory threads;

    @PersistenceContext(unitName = "daehwa")
    private EntityManager entityManager;

    @Produces
    @ApplicationScoped
    NodeChannel channel() {
        return switch (cluster.strip().toLowerCase(Locale.ROOT)) {
            case "", "off" -> NodeChannel.NONE;
            case "postgres" -> {
                EnvironmentDataSource database = new EnvironmentDataSource();
                if (!database.isPostgres()) {
                    throw new IllegalStateException("DAEHWA_CLUSTER=postgres needs the nodes to share a PostgreSQL"
                            + " database (DAEHWA_DB_URL or DATABASE_URL); this node uses embedded H2.");
                }
                yield new PostgresNodeChannel(threads, entityManager, database);
            }
            default -> throw new IllegalStateException("DAEHWA_CLUSTER must be 'off' or 'postgres', not '" + cluster + "'");
        };
    }

    void close(@Disposes NodeChannel channel) {
        if (channel instanceof PostgresNodeChannel postgres) {
            postgres.close();
        }
    }
}
