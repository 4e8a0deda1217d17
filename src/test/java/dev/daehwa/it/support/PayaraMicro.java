package dev.daehwa.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One Payara Micro process running the WAR under test, configured only through command-line
 * options and environment variables, exactly as the plain-WAR deployment prescribes.
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

    static PayaraMicro start(ItSettings settings, Map<String, String> databaseEnvironment) {
        Path dir = settings.passDir();
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
        env.putAll(databaseEnvironment);

        String path = contextRoot.endsWith("/") ? contextRoot : contextRoot + "/";
        URI base = URI.create("http://127.0.0.1:" + port + (path.startsWith("/") ? path : "/" + path));
        PayaraMicro server = new PayaraMicro(builder, launch(builder), log, base);
        try {
            server.awaitReady();
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
        process = launch(builder);
        awaitReady();
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
    private void awaitReady() {
        URI probe = baseUri.resolve("api/auth/me");
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        String last = "no answer yet";
        try (HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build()) {
            while (Instant.now().isBefore(deadline)) {
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

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
