package dev.daehwa.it.cluster;

import static org.junit.jupiter.api.Assertions.fail;

import dev.daehwa.it.support.App;
import dev.daehwa.it.support.Pause;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;

/**
 * A real nginx running the repository's cluster configuration (server-config/nginx-cluster.conf),
 * with only its addresses changed: the two compose nodes become the two test nodes on loopback,
 * and it listens on a free loopback port. Skipped without nginx, except in CI (CI=true).
 */
final class LoadBalancer implements AutoCloseable {

    private static final List<Path> NGINX = List.of(Path.of("/usr/sbin/nginx"), Path.of("/usr/bin/nginx"));

    private final Process process;
    private final Path accessLog;
    private final URI base;

    private LoadBalancer(Process process, Path accessLog, URI base) {
        this.process = process;
        this.accessLog = accessLog;
        this.base = base;
    }

    /** For each login cookie seen so far, the nodes (host:port) its requests were sent to. */
    Map<String, Set<String>> nodesByLogin() {
        try {
            return Files.readAllLines(accessLog, StandardCharsets.UTF_8).stream()
                    .map(line -> line.split(" ", 2))
                    .filter(fields -> fields.length == 2 && fields[0].startsWith("dhw_"))
                    .collect(Collectors.groupingBy(fields -> fields[0],
                            Collectors.mapping(fields -> fields[1], Collectors.toSet())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static LoadBalancer inFrontOf(App nodeOne, App nodeTwo, Path dir) {
        Path nginx = NGINX.stream().filter(Files::isExecutable).findFirst().orElse(null);
        if (nginx == null) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("nginx is missing in CI (CI=true); .ci/run installs nginx-light");
            }
            Assumptions.abort("nginx is not installed (apt-get install nginx-light); load balancer test skipped");
        }
        try {
            Files.createDirectories(dir);
            // A fresh log: only this balancer's routing counts (nginx appends to an old one).
            Files.deleteIfExists(dir.resolve("access.log"));
            int port = freePort();
            String site = Files.readString(Path.of("server-config/nginx-cluster.conf"), StandardCharsets.UTF_8)
                    .replace("server app-1:8080", "server " + nodeOne.base().getRawAuthority())
                    .replace("server app-2:8080", "server " + nodeTwo.base().getRawAuthority())
                    .replace("listen 8081;", "listen 127.0.0.1:" + port + ";");
            Path conf = dir.resolve("nginx.conf");
            Files.writeString(conf, String.join("\n",
                    "daemon off;",
                    "worker_processes 1;",
                    "pid " + dir.resolve("nginx.pid") + ";",
                    "error_log " + dir.resolve("error.log") + " warn;",
                    "events { worker_connections 256; }",
                    "http {",
                    // Which node served each login's requests, as the balancer itself saw it.
                    "  log_format route '$cookie_daehwa_login $upstream_addr';",
                    "  access_log " + dir.resolve("access.log") + " route;",
                    "  client_body_temp_path " + dir.resolve("body") + ";",
                    "  proxy_temp_path " + dir.resolve("proxy") + ";",
                    "  fastcgi_temp_path " + dir.resolve("fastcgi") + ";",
                    "  uwsgi_temp_path " + dir.resolve("uwsgi") + ";",
                    "  scgi_temp_path " + dir.resolve("scgi") + ";",
                    site,
                    "}", ""), StandardCharsets.UTF_8);
            Process process = new ProcessBuilder(nginx.toString(), "-p", dir.toString(), "-c", conf.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("nginx.out").toFile())
                    .start();
            awaitListening(process, port, dir);
            return new LoadBalancer(process, dir.resolve("access.log"), URI.create("http://127.0.0.1:" + port + nodeOne.base().getRawPath()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The app's context root through the load balancer. */
    URI base() {
        return base;
    }

    private static void awaitListening(Process process, int port, Path dir) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                fail("nginx exited: " + Files.readString(dir.resolve("nginx.out")));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Pause.of(Duration.ofMillis(100));
            }
        }
        fail("nginx did not listen on " + port);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
