package dev.daehwa.infrastructure.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema up to date before the first request, on H2 and PostgreSQL alike. Several
 * nodes may start at once: Flyway takes a database lock while it migrates.
 */
@DataSourceDefinition(
        name = "java:app/jdbc/daehwa",
        className = "dev.daehwa.infrastructure.persistence.EnvironmentDataSource",
        minPoolSize = 2,
        maxPoolSize = 32)
@WebListener
public class DatabaseMigration implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(DatabaseMigration.class.getName());

    @Resource(lookup = "java:app/jdbc/daehwa")
    private DataSource dataSource;

    @Inject
    private Event<SchemaReady> schemaReady;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        MigrateResult result = Flyway.configure(DatabaseMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        LOG.info(() -> "Database schema at version " + result.targetSchemaVersion
                + " (" + result.migrationsExecuted + " migrations applied) on "
                + DatabaseSettings.resolve(Settings::get).describe());
        schemaReady.fire(new SchemaReady());
    }
}
