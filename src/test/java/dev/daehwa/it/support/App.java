package dev.daehwa.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

import jakarta.json.JsonObject;

/**
 * The running application under test: where it is, and how to get users and agents for it.
 * Every user is new and uniquely named, so tests never see each other's data.
 */
public final class App {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    public static final String PASSWORD = "correct horse battery";

    /**
     * The suite server's DAEHWA_LIMIT_POSTS_PER_USER: the default rate (10 a second) with a
     * burst of 1,500, because the realtime suites fill rooms with up to 1,200 messages from one
     * user as fast as the server takes them. PostLimitIT pushes past exactly this value.
     */
    public static final String POSTS_PER_USER = "1500/150s";

    /**
     * The suite server's DAEHWA_FILE_MAX_BYTES and DAEHWA_FILE_QUOTA_BYTES: small, so that the
     * file tests pass them with a few hundred KiB. Every test user is new, so starts with an
     * empty quota.
     */
    public static final long FILE_MAX_BYTES = 256 * 1024;
    public static final long FILE_QUOTA_BYTES = 1024 * 1024;

    private final URI base;
    private final String database;
    private final PayaraMicro server;
    private final MailServer mail;
    private final ItSettings settings;

    App(URI base, String database, PayaraMicro server, MailServer mail, ItSettings settings) {
        this.base = base;
        this.database = database;
        this.server = server;
        this.mail = mail;
        this.settings = settings;
    }

    /** The SMTP server the app sends its notification emails to. */
    public MailServer mail() {
        requireOwnServer();
        return mail;
    }

    /**
     * Starts a second node of the app on the same database and mail server; close it when done.
     * Only on PostgreSQL: an embedded H2 file belongs to one process.
     */
    public App startAnotherNode(String name) {
        return startAnotherNode(name, Map.of());
    }

    /** The same, with some settings of its own (an empty value unsets a setting of the suite's server). */
    public App startAnotherNode(String name, Map<String, String> ownSettings) {
        requireOwnServer();
        Assumptions.assumeTrue(settings.postgres(), "two nodes need a shared database (the PostgreSQL pass)");
        PayaraMicro node = server.startSibling(settings, name, ownSettings);
        return new App(node.baseUri(), database, node, mail, settings);
    }

    /** The same app reached at another address, such as a load balancer in front of its nodes. */
    public App through(URI otherBase) {
        return new App(otherBase, database, server, mail, settings);
    }

    /** Where this suite keeps its files (servers' data and logs). */
    public Path workDir() {
        return settings.passDir();
    }

    /**
     * Runs a query as the PostgreSQL administrator (PostgreSQL pass only), for tests that act on
     * the database server itself; returns the first column of the first row.
     */
    public long adminQuery(String sql) {
        Assumptions.assumeTrue(settings.postgres(), "needs the PostgreSQL pass");
        return query(settings.postgresUrl(), sql);
    }

    /**
     * Runs a query on the app's own PostgreSQL database (PostgreSQL pass only), for tests of what
     * the app stored that no API shows; returns the first column of the first row.
     */
    public long appDatabaseQuery(String sql) {
        Assumptions.assumeTrue(settings.postgres(), "needs the PostgreSQL pass");
        return query(PostgresDatabase.appUrl(settings), sql);
    }

    private long query(String url, String sql) {
        java.util.Properties credentials = new java.util.Properties();
        credentials.setProperty("user", settings.postgresUser());
        credentials.setProperty("password", settings.postgresPassword());
        try (java.sql.Connection admin = java.sql.DriverManager.getConnection(url, credentials);
             java.sql.ResultSet row = admin.createStatement().executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("could not run " + sql, e);
        }
    }

    /** Stops a node started by {@link #startAnotherNode}. */
    public void stopNode() {
        requireOwnServer();
        server.close();
    }

    /**
     * Kills the server process without warning and starts it again on the same data. Only for
     * servers this suite started itself; a test against an external server is skipped.
     */
    public void crashAndRestart() {
        Assumptions.assumeTrue(server != null, "the server was not started by this suite");
        server.crashAndRestart();
    }

    /** Kills the server and leaves it down; bring it back with {@link #restart(Map)}. */
    public void kill() {
        requireOwnServer();
        server.kill();
    }

    /**
     * Starts the killed (or kills and restarts the running) server with these environment
     * variables changed; a blank value removes one. The changes stay for later restarts.
     */
    public void restart(Map<String, String> environment) {
        requireOwnServer();
        server.crashAndRestart(environment);
    }

    /** The server's DAEHWA_DATA_DIR. */
    public Path dataDir() {
        requireOwnServer();
        return server.dataDir();
    }

    /** Everything the server logged so far, across restarts. */
    public String serverLog() {
        requireOwnServer();
        try {
            return Files.readString(server.log(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The server JVM's used heap in bytes right after a full garbage collection, read over JMX. */
    public long usedHeapAfterGc() {
        requireOwnServer();
        return ServerHeap.usedAfterGc(server.pid());
    }

    /** Skips the test unless this suite started the server (and so chose its settings). */
    public void requireOwnServer() {
        Assumptions.assumeTrue(server != null, "the server was not started by this suite");
    }

    /** The context root of the app, always ending in '/'; e.g. http://127.0.0.1:1234/daehwa/. */
    public URI base() {
        return base;
    }

    /** The server root, where MicroProfile serves /openapi whatever the context root is. */
    public URI serverRoot() {
        return base.resolve("/");
    }

    /**
     * One check of the app's /health answer, e.g. "search" or "email", with its data. Each Agent
     * is a remote client behind the loopback proxy, so the details take the health secret.
     */
    public JsonObject healthCheck(String name) {
        Response health = anonymous().withBearer(DaehwaServer.HEALTH_SECRET).get("health");
        return Jsons.parse(health.body()).asJsonObject().getJsonArray("checks").stream()
                .map(check -> check.asJsonObject())
                .filter(check -> check.getString("name").equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no check '" + name + "' in " + health.body()));
    }

    public String database() {
        return database;
    }

    /** Whether the app searches through an OpenSearch node (the OpenSearch pass) rather than its own files. */
    public boolean searchesThroughOpenSearch() {
        return settings.openSearch();
    }

    /** A fresh agent with no cookies and no credentials. */
    public Agent anonymous() {
        return new Agent(base);
    }

    /** A username nobody has used yet, at most 30 characters. */
    public static String uniqueUsername(String prefix) {
        String head = prefix.length() > 12 ? prefix.substring(0, 12) : prefix;
        StringBuilder name = new StringBuilder(head).append('_');
        for (int i = 0; i < 10; i++) {
            name.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return name.toString();
    }

    /** Registers a new user and logs them in on their own agent (session cookie). */
    public ChatUser newUser(String prefix) {
        String username = uniqueUsername(prefix);
        return newUser(username, "Display " + username);
    }

    /**
     * Registers a new user, logs them in, and confirms their address by the link emailed to it
     * (see {@link AddressConfirmation}): only confirmed addresses get notification emails.
     */
    public ChatUser newConfirmedUser(String prefix) {
        ChatUser user = newUser(prefix);
        AddressConfirmation.confirm(this, user);
        return user;
    }

    /** The same, with exactly this username and display name. */
    public ChatUser newConfirmedUser(String username, String displayName) {
        ChatUser user = newUser(username, displayName);
        AddressConfirmation.confirm(this, user);
        return user;
    }

    /** Registers a user with exactly this username and display name, and logs them in. */
    public ChatUser newUser(String username, String displayName) {
        String email = username + "@example.test";
        Agent agent = anonymous();
        JsonObject user = agent.post("api/auth/register", Jsons.object(
                "username", username, "password", PASSWORD, "email", email, "displayName", displayName))
                .expect(201).json();
        agent.post("api/auth/login", Jsons.object("username", username, "password", PASSWORD)).expect(200);
        return new ChatUser(Jsons.id(user), username, PASSWORD, email, displayName, agent);
    }

    public ChatUser newUser() {
        return newUser("user");
    }
}
