package dev.daehwa.it.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gives the PostgreSQL pass a brand-new database, so no run sees the rows of the one before.
 * The app is then pointed at it through the same environment variables a real deployment uses.
 */
final class PostgresDatabase {

    private static final Pattern JDBC_URL = Pattern.compile("^(jdbc:postgresql://[^/?]+)(?:/[^?]*)?(\\?.*)?$");

    /** Thrown when no PostgreSQL server answers at all, as opposed to one that answers badly. */
    static final class Unreachable extends Exception {
        Unreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private PostgresDatabase() {
    }

    /** The JDBC URL of the pass's own database, the one the app uses. */
    static String appUrl(ItSettings settings) {
        Matcher url = JDBC_URL.matcher(settings.postgresUrl());
        if (!url.matches()) {
            throw new IllegalStateException("it.postgres.url is not a jdbc:postgresql:// URL: " + settings.postgresUrl());
        }
        return url.group(1) + "/" + settings.postgresDatabase() + (url.group(2) == null ? "" : url.group(2));
    }

    /** Drops and recreates the pass's database; returns the environment that points the app at it. */
    static Map<String, String> recreate(ItSettings settings) throws Unreachable {
        String name = settings.postgresDatabase();
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalStateException("it.postgres.database must be a plain lower-case identifier: " + name);
        }
        String appUrl = appUrl(settings);

        Properties credentials = new Properties();
        credentials.setProperty("user", settings.postgresUser());
        credentials.setProperty("password", settings.postgresPassword());
        credentials.setProperty("connectTimeout", "5");
        credentials.setProperty("loginTimeout", "10");

        Connection admin;
        try {
            admin = DriverManager.getConnection(settings.postgresUrl(), credentials);
        } catch (SQLException e) {
            // SQLState class 08 is "connection exception": nothing listens there. Anything else
            // (bad password, missing role) is a server that answers and is misconfigured.
            if (e.getSQLState() != null && e.getSQLState().startsWith("08")) {
                throw new Unreachable("no server at " + settings.postgresUrl() + " (" + e.getMessage() + ")", e);
            }
            throw new IllegalStateException("PostgreSQL at " + settings.postgresUrl() + " refused the test user "
                    + settings.postgresUser() + ": " + e.getMessage(), e);
        }
        try (admin; Statement sql = admin.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            sql.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not recreate database " + name + " at " + settings.postgresUrl()
                    + ": " + e.getMessage(), e);
        }
        return Map.of(
                "DAEHWA_DB_URL", appUrl,
                "DAEHWA_DB_USER", settings.postgresUser(),
                "DAEHWA_DB_PASSWORD", settings.postgresPassword());
    }
}
