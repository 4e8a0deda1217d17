package dev.daehwa.it.support;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One Payara Micro process running the WAR under test, configured only through command-line
 * options and environment variables, exactly as docs/deploying.md's plain-WAR deployment describes.
 */
final class PayaraMicro implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(240);
    private static final int LOG_TAIL_LINES = 80;

    private final ProcessBuilder builder;
    private final Path log;
    private final URI baseUri;
    private final Thread shutdownHook;
    private Process process;

    private PayaraMicro(ProcessBuilder builder, Process process, Path log, URI baseUri) {
        this.builder = builder;
        this.process = process;
        this.log = log;
        this.baseUri = baseUri;
        // A killed failsafe JVM never closes the JUnit store; the hook keeps the server from
        // outliving it and holding the port and the H2 file.
        this.shutdownHook = new Thread(this::destroy, "payara-micro-reaper");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    static PayaraMicro start(ItSettings settings, Map<String, String> environment) {
        return start(settings, settings.passDir(), environment);
    }

    /**
     * Another node beside this one: the same WAR and environment (the same database and mail
     * server), its own port, folder and data dir. Only PostgreSQL can be shared by two nodes.
     */
    PayaraMicro startSibling(ItSettings settings, String name, Map<String, String> ownSettings) {
        Map<String, String> environment = new java.util.HashMap<>();
        builder.environment().forEach((variable, value) -> {
            if (variable.startsWith("DAEHWA_") && !variable.equals("DAEHWA_DATA_DIR") && !variable.equals("DAEHWA_BASE_URL")) {
                environment.put(variable, value);
            }
        });
        environment.putAll(ownSettings);
        return start(settings, settings.passDir().resolveSibling(settings.database() + "-" + name), environment);
    }

    private static PayaraMicro start(ItSettings settings, Path dir, Map<String, String> environment) {
        deleteRecursively(dir);
        Path data = dir.resolve("data");
        Path tmp = dir.resolve("tmp");
        Path log = dir.resolve("server.log");
        createDirectories(data, tmp);

        requireFile(settings.payaraMicroJar(), "Payara Micro jar (run `mvn package` first)");
        requireFile(settings.war(), "WAR under test (run `mvn package` first)");

        int port = freePort();
        String contextRoot = settings.contextRoot();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m",
                "-Djava.io.tmpdir=" + tmp,
                "-jar", settings.payaraMicroJar().toString(),
                "--deploy", settings.war().toString(),
                "--contextroot", contextRoot,
                "--port", Integer.toString(port),
                "--nocluster"));
        Path postBoot = settings.serverConfig().resolve("post-boot-commands.asadmin");
        if (Files.isRegularFile(postBoot)) {
            command.addAll(List.of("--postbootcommandfile", postBoot.toString()));
        }
        Path logging = settings.serverConfig().resolve("logging.properties");
        if (Files.isRegularFile(logging)) {
            command.addAll(List.of("--logproperties", logging.toString()));
        }

        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        // A developer's own database settings must not leak into the run under test.
        List.of("DATABASE_URL", "DAEHWA_DB_URL", "DAEHWA_DB_USER", "DAEHWA_DB_PASSWORD", "PORT").forEach(env::remove);
        env.put("DAEHWA_DATA_DIR", data.toString());
        env.put("DAEHWA_PASSWORD_ITERATIONS", "1000");
        env.put("DAEHWA_SQL_STATEMENT_HEADER", "true");
        // A smaller outgoing queue per socket, so SlowConsumerIT overflows it with fewer posts.
        env.put("DAEHWA_WS_QUEUE_LIMIT", "200");
        // A quick heartbeat, so HeartbeatIT sees a silent socket closed in seconds, not minutes.
        env.put("DAEHWA_WS_PING_SECONDS", "2");
        env.put("DAEHWA_WS_DEAD_SECONDS", "25");
        // The tests' own HTTP client stands in for a reverse proxy on the same machine: each Agent
        // forwards for an address of its own, and tests can send X-Forwarded-Proto as nginx or
        // Heroku's router would.
        env.put("DAEHWA_TRUSTED_PROXIES", "127.0.0.1,::1");
        env.put("DAEHWA_HEALTH_SECRET", DaehwaServer.HEALTH_SECRET);
        env.put("DAEHWA_LIMIT_POSTS_PER_USER", App.POSTS_PER_USER);
        env.put("DAEHWA_FILE_MAX_BYTES", Long.toString(App.FILE_MAX_BYTES));
        env.put("DAEHWA_FILE_QUOTA_BYTES", Long.toString(App.FILE_QUOTA_BYTES));
        env.putAll(environment);

        String path = contextRoot.endsWith("/") ? contextRoot : contextRoot + "/";
        URI base = URI.create("http://127.0.0.1:" + port + (path.startsWith("/") ? path : "/" + path));
        // where the links in notification emails point
        env.put("DAEHWA_BASE_URL", base.toString());
        PayaraMicro server = new PayaraMicro(builder, launch(builder), log, base);
        try {
            server.awaitFirstStart();
        } catch (RuntimeException | Error e) {
            server.close();
            throw e;
        }
        return server;
    }

    private static Process launch(ProcessBuilder builder) {
        try {
            return builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("Could not start " + builder.command(), e);
        }
    }

    /**
     * Simulates a crash: SIGKILL, no shutdown hooks, no graceful close of the database; then
     * boots the same WAR on the same port and data, appending to the same log.
     */
    void crashAndRestart() {
        crashAndRestart(Map.of());
    }

    /**
     * {@link #crashAndRestart()} with some environment variables changed for the new process and
     * every one after it: a blank value removes the variable.
     */
    void crashAndRestart(Map<String, String> changes) {
        kill();
        changes.forEach((name, value) -> {
            if (value.isBlank()) {
                builder.environment().remove(name);
            } else {
                builder.environment().put(name, value);
            }
        });
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        relaunch();
    }

    /**
     * Starts the server again on the same port. Seen once in CI: the new process came up while the
     * killed one's port was not free yet, and Grizzly left the HTTP listener out ("GrizzlyProxy is
     * NULL") while the rest of the server started, answering nothing. So: wait until the port can
     * be bound, and start again if the listener still failed.
     */
    private void relaunch() {
        for (int attempt = 1; ; attempt++) {
            awaitPortFree();
            long logStart = logSize();
            process = launch(builder);
            try {
                awaitReady(logStart);
                return;
            } catch (ListenerFailed e) {
                if (attempt == 3) {
                    throw new IllegalStateException("Payara Micro could not open its HTTP port 3 times" + logTail(), e);
                }
                kill();
            }
        }
    }

    /** The HTTP listener did not start, though the process did. */
    private static final class ListenerFailed extends RuntimeException {
        ListenerFailed(String message) {
            super(message);
        }
    }

    private void awaitPortFree() {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            try (ServerSocket probe = new ServerSocket()) {
                probe.setReuseAddress(true);
                probe.bind(new InetSocketAddress("0.0.0.0", baseUri.getPort()));
                return;
            } catch (IOException stillHeld) {
                try {
                    sleep(Duration.ofMillis(200));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private long logSize() {
        try {
            return Files.size(log);
        } catch (IOException e) {
            return 0;
        }
    }

    /** Whether the log, from {@code start}, says the HTTP listener failed. */
    private boolean listenerFailedSince(long start) {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            if (file.length() <= start) {
                return false;
            }
            byte[] tail = new byte[(int) Math.min(file.length() - start, 8 * 1024 * 1024)];
            file.seek(start);
            file.readFully(tail);
            String text = new String(tail, StandardCharsets.UTF_8);
            return text.contains("GrizzlyProxy is NULL") || text.contains("java.net.BindException");
        } catch (IOException e) {
            return false;
        }
    }

    /** Kills the server without warning and leaves it down, until {@link #crashAndRestart(Map)}. */
    void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while killing Payara Micro", e);
        }
    }

    /** The server's process id, to read its heap from outside (see {@link ServerHeap}). */
    synchronized long pid() {
        return process.pid();
    }

    Path dataDir() {
        return Path.of(builder.environment().get("DAEHWA_DATA_DIR"));
    }

    URI baseUri() {
        return baseUri;
    }

    Path log() {
        return log;
    }

    /** Ready means the application itself answers: an anonymous /api/auth/me is a 401. */
    /**
     * Waits for a new server. Its HTTP listener can fail as after a restart ("GrizzlyProxy is
     * NULL", seen in CI on a second node's first start), and then it is started again.
     */
    private void awaitFirstStart() {
        try {
            awaitReady(0);
        } catch (ListenerFailed e) {
            kill();
            builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            relaunch();
        }
    }

    private void awaitReady(long logStart) {
        URI probe = baseUri.resolve("api/auth/me");
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        String last = "no answer yet";
        try (HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build()) {
            while (Instant.now().isBefore(deadline)) {
                if (listenerFailedSince(logStart)) {
                    throw new ListenerFailed("the HTTP listener on port " + baseUri.getPort() + " did not start");
                }
                if (!process.isAlive()) {
                    throw new IllegalStateException("Payara Micro exited with code " + process.exitValue()
                            + " before the app answered on " + probe + logTail());
                }
                try {
                    HttpResponse<Void> response = http.send(
                            HttpRequest.newBuilder(probe).timeout(Duration.ofSeconds(10)).GET().build(),
                            HttpResponse.BodyHandlers.discarding());
                    if (response.statusCode() == 401) {
                        return;
                    }
                    last = "HTTP " + response.statusCode();
                } catch (IOException e) {
                    last = e.toString();
                }
                sleep(Duration.ofMillis(500));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Payara Micro", e);
        }
        throw new IllegalStateException("The app did not answer 401 on " + probe + " within "
                + READY_TIMEOUT.toSeconds() + " s (last: " + last + ")" + logTail());
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            List<String> tail = lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size());
            return "\n----- last " + tail.size() + " lines of " + log + " -----\n" + String.join("\n", tail);
        } catch (IOException | UncheckedIOException e) {
            return "\n(could not read " + log + ": " + e + ")";
        }
    }

    @Override
    public void close() {
        destroy();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or ran; nothing left to do
        }
    }

    private void destroy() {
        List<ProcessHandle> children = process.descendants().toList();
        children.forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    /**
     * A free port below Linux's ephemeral range (32768-60999). A port from that range can be
     * handed to some outgoing connection while the server is down between a crash and its
     * restart, and the restarted server then cannot listen on it.
     */
    public static int freePort() {
        Random random = new Random();
        for (int attempt = 0; attempt < 100; attempt++) {
            int candidate = 20_000 + random.nextInt(12_000);
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress("0.0.0.0", candidate));
                return candidate;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IllegalStateException("no free port between 20000 and 32000");
    }

    private static void requireFile(Path file, String what) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("Missing " + what + ": " + file);
        }
    }

    private static void createDirectories(Path... dirs) {
        try {
            for (Path dir : dirs) {
                Files.createDirectories(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not clean " + dir, e);
        }
    }

    private static void sleep(Duration duration) throws InterruptedException {
        Thread.sleep(duration.toMillis());
    }
}
