package dev.daehwa.it.support;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts one Payara Micro with the WAR under test per failsafe JVM, the first time an IT class
 * needs it, and stops it when the whole run ends. Test methods and constructors may ask for the
 * {@link App} it serves.
 *
 * <p>The outcome of the start attempt (running, skipped or failed) is remembered in the root
 * store, so a broken boot is reported once per class instead of being retried by each.
 */
public final class DaehwaServer implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

    private static final String KEY = DaehwaServer.class.getName();

    /** How long a confirmation link works on the test server. */
    public static final java.time.Duration CONFIRMATION_LINK_LIFETIME = java.time.Duration.ofSeconds(20);

    /**
     * Email is off unless a test user chooses a cadence (the other suites post thousands of
     * messages nobody needs mailed), and every notification delay is 50 times shorter: "2m" is
     * 2.4 s, a retry starts at 0.6 s, a claim's lease is 6 s, and a second confirmation email may
     * be asked for 1.2 s after the first. A confirmation link works for 20 s, so that a test can
     * see one expire.
     */
    public static final Map<String, String> NOTIFICATION_TIMING = Map.of(
            "DAEHWA_NOTIFY_DEFAULT", "never",
            "DAEHWA_NOTIFY_TIME_SCALE", "0.02",
            "DAEHWA_EMAIL_CONFIRM_SECONDS", Long.toString(CONFIRMATION_LINK_LIFETIME.toSeconds()));

    /** What privileged callers of /health send as their bearer token (DAEHWA_HEALTH_SECRET, set by PayaraMicro). */
    public static final String HEALTH_SECRET = "it-health-secret-7f3a9c";

    /** Starts the server with the first class, and fails each class at once if it could not start. */
    @Override
    public void beforeAll(ExtensionContext context) {
        startup(context).failIfBroken();
    }

    /** Skips each test, not each class, so that reports count the skipped tests. */
    @Override
    public void beforeEach(ExtensionContext context) {
        app(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == App.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return app(context);
    }

    private static App app(ExtensionContext context) {
        return startup(context).appOrAbort();
    }

    private static Startup startup(ExtensionContext context) {
        return context.getRoot()
                .getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(KEY, key -> Startup.attempt(), Startup.class);
    }

    /** What became of starting the server; closed by JUnit at the end of the run. */
    private static final class Startup implements AutoCloseable {
        private final PayaraMicro server;
        private final MailServer mail;
        private final App app;
        private final String skipReason;
        private final RuntimeException failure;

        private Startup(PayaraMicro server, MailServer mail, App app, String skipReason, RuntimeException failure) {
            this.server = server;
            this.mail = mail;
            this.app = app;
            this.skipReason = skipReason;
            this.failure = failure;
        }

        static Startup attempt() {
            ItSettings settings = ItSettings.fromSystemProperties();
            try {
                if (!settings.externalBaseUri().isEmpty()) {
                    // -Dit.baseUri=http://host:port/ctx/ runs the suite against a server started by hand.
                    String given = settings.externalBaseUri();
                    URI base = URI.create(given.endsWith("/") ? given : given + "/");
                    return new Startup(null, null, new App(base, settings.database(), null, null, settings), null, null);
                }
                Map<String, String> databaseEnvironment = Map.of();
                if (settings.postgres()) {
                    if ("off".equals(settings.postgresMode())) {
                        return skipped("PostgreSQL pass SKIPPED: it.postgres=off");
                    }
                    try {
                        databaseEnvironment = PostgresDatabase.recreate(settings);
                    } catch (PostgresDatabase.Unreachable e) {
                        if ("required".equals(settings.postgresMode())) {
                            throw new IllegalStateException("PostgreSQL pass is REQUIRED (it.postgres=required) but "
                                    + e.getMessage() + ". Start PostgreSQL or set it.postgres.url.", e);
                        }
                        String reason = "PostgreSQL pass SKIPPED: " + e.getMessage();
                        banner(reason);
                        return skipped(reason);
                    }
                }
                MailServer mail = MailServer.start(PayaraMicro.freePort());
                Map<String, String> environment = new HashMap<>(databaseEnvironment);
                environment.putAll(mail.environment());
                environment.putAll(NOTIFICATION_TIMING);
                if (settings.postgres()) {
                    // The PostgreSQL pass runs as a cluster of one (more in the cluster tests), so
                    // every suite there also goes through the channel between nodes.
                    environment.put("DAEHWA_CLUSTER", "postgres");
                }
                if (settings.openSearch()) {
                    environment.put("DAEHWA_SEARCH_URL", OpenSearchNode.shared().url());
                }
                PayaraMicro server;
                try {
                    server = PayaraMicro.start(settings, environment);
                } catch (RuntimeException e) {
                    mail.close();
                    throw e;
                }
                System.err.println("[daehwa-it] " + settings.database() + " pass: app at " + server.baseUri()
                        + ", log " + server.log());
                return new Startup(server, mail, new App(server.baseUri(), settings.database(), server, mail, settings),
                        null, null);
            } catch (RuntimeException e) {
                return new Startup(null, null, null, null, e);
            }
        }

        private static Startup skipped(String reason) {
            return new Startup(null, null, null, reason, null);
        }

        private static void banner(String reason) {
            String line = "=".repeat(Math.max(72, reason.length() + 4));
            System.err.println();
            System.err.println(line);
            System.err.println("  " + reason);
            System.err.println("  Pass -Dit.postgres=required to make this a failure, or -Dit.postgres.url=... to use another server.");
            System.err.println(line);
            System.err.println();
        }

        void failIfBroken() {
            if (failure != null) {
                throw failure;
            }
        }

        App appOrAbort() {
            failIfBroken();
            Assumptions.assumeTrue(skipReason == null, skipReason);
            return app;
        }

        @Override
        public void close() {
            if (server != null) {
                server.close();
            }
            if (mail != null) {
                mail.close();
            }
        }
    }
}
