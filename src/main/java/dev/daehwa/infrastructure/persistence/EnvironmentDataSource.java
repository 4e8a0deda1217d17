package dev.daehwa.infrastructure.persistence;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The JDBC source behind {@code java:app/jdbc/daehwa}. The container pools its connections; this
 * class only decides, from {@link DatabaseSettings}, which database they go to. Drivers are
 * instantiated directly rather than through DriverManager, which cannot see drivers packaged
 * inside a WAR from the server's class loader.
 */
public class EnvironmentDataSource implements DataSource {

    private final DatabaseSettings settings = DatabaseSettings.resolve(Settings::get);
    private PrintWriter logWriter;
    private int loginTimeout;

    @Override
    public Connection getConnection() throws SQLException {
        return getConnection(settings.user(), settings.password());
    }

    @Override
    public Connection getConnection(String ignoredUser, String ignoredPassword) throws SQLException {
        return connect(new Properties());
    }

    /**
     * A connection of its own for a long-lived PostgreSQL client (the cluster channel), outside
     * the pool. TCP keepalive and a socket timeout make a dead network link fail in seconds,
     * instead of hanging a blocked read until the kernel gives up a quarter of an hour later.
     */
    public Connection dedicatedConnection(String applicationName) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("ApplicationName", applicationName);
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("connectTimeout", "10");
        properties.setProperty("socketTimeout", "30");
        return connect(properties);
    }

    private Connection connect(Properties properties) throws SQLException {
        if (settings.user() != null) {
            properties.setProperty("user", settings.user());
        }
        if (settings.password() != null) {
            properties.setProperty("password", settings.password());
        }
        if (settings.isPostgres()) {
            // EclipseLink binds a null time (InstantConverter's column type is Object) as VARCHAR;
            // "unspecified" lets PostgreSQL infer the column's type instead of refusing it.
            properties.setProperty("stringtype", "unspecified");
        }
        Connection connection = driver().connect(settings.jdbcUrl(), properties);
        if (connection == null) {
            throw new SQLException("No driver accepts " + settings.describe());
        }
        return SqlStatementCounter.enabled() ? SqlStatementCounter.counting(connection) : connection;
    }

    public boolean isPostgres() {
        return settings.isPostgres();
    }

    private Driver driver() {
        return settings.isPostgres() ? new org.postgresql.Driver() : new org.h2.Driver();
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("Not a wrapper for " + type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
