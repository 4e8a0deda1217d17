package dev.daehwa.it.support;

import java.nio.file.Path;

/**
 * The system properties the failsafe executions pass in (see pom.xml), with defaults that let a
 * single IT class run from an IDE against the H2 pass.
 */
record ItSettings(
        Path payaraMicroJar,
        Path war,
        Path serverConfig,
        Path workDir,
        String database,
        String contextRoot,
        String postgresMode,
        String postgresUrl,
        String postgresUser,
        String postgresPassword,
        String postgresDatabase,
        String externalBaseUri,
        String search) {

    static ItSettings fromSystemProperties() {
        return new ItSettings(
                Path.of(property("it.payaraMicroJar", "target/payara-micro.jar")).toAbsolutePath(),
                Path.of(property("it.war", "target/daehwa.war")).toAbsolutePath(),
                Path.of(property("it.serverConfig", "server-config")).toAbsolutePath(),
                Path.of(property("it.workDir", "target/it")).toAbsolutePath(),
                property("it.database", "h2"),
                property("it.contextRoot", "/"),
                property("it.postgres", "auto"),
                property("it.postgres.url", "jdbc:postgresql://127.0.0.1:5432/postgres"),
                property("it.postgres.user", "postgres"),
                property("it.postgres.password", ""),
                // Its own name lets two checkouts run their PostgreSQL passes side by side.
                property("it.postgres.database", "daehwa_it"),
                property("it.baseUri", ""),
                property("it.search", "embedded"));
    }

    boolean postgres() {
        return "postgres".equals(database);
    }

    /** Whether this pass searches through an OpenSearch node (it.search=opensearch) instead of the embedded index. */
    boolean openSearch() {
        return "opensearch".equals(search);
    }

    /** This pass's own directory: working dir, log, data dir and temp dir of the server. */
    Path passDir() {
        return workDir.resolve(database);
    }

    private static String property(String name, String fallback) {
        String value = System.getProperty(name);
        // Maven passes an empty string for an empty <property/>, which means "use the default".
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
