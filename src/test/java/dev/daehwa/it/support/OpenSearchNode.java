package dev.daehwa.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.codelibs.opensearch.runner.OpenSearchRunner;

/**
 * A real OpenSearch node (the server itself, from Maven Central) running inside the test JVM,
 * on loopback ports of its own, for the OpenSearch pass. One per JVM: the app under test and the
 * tests that use the index directly share it. Its data lives under the pass's work folder and
 * starts empty; it stops when the JVM does.
 */
public final class OpenSearchNode {

    private static OpenSearchNode shared;

    private final OpenSearchRunner runner;
    private final String url;

    private OpenSearchNode(OpenSearchRunner runner, String url) {
        this.runner = runner;
        this.url = url;
    }

    /** The node of this JVM, started on first use. */
    public static synchronized OpenSearchNode shared() {
        if (shared == null) {
            shared = start(Path.of(System.getProperty("it.workDir", "target/it")).resolve("opensearch").toAbsolutePath());
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "opensearch-node-stop"));
        }
        return shared;
    }

    private static OpenSearchNode start(Path base) {
        try {
            deleteRecursively(base);
            int httpPort = PayaraMicro.freePort();
            int transportPort = PayaraMicro.freePort();
            OpenSearchRunner runner = new OpenSearchRunner();
            runner.onBuild((number, settings) -> {
                settings.put("http.port", String.valueOf(httpPort));
                settings.put("transport.port", String.valueOf(transportPort));
                settings.put("network.host", "127.0.0.1");
                settings.put("discovery.type", "single-node");
                // the CI disk may be fuller than OpenSearch's defaults like; the index is small
                settings.put("cluster.routing.allocation.disk.threshold_enabled", false);
            }).build(OpenSearchRunner.newConfigs()
                    .basePath(base.toString())
                    .clusterName("daehwa-it")
                    .numOfNode(1)
                    .disableESLogger()
                    .printOnFailure());
            runner.ensureYellow();
            String url = "http://127.0.0.1:" + httpPort;
            System.err.println("[daehwa-it] OpenSearch node at " + url + ", data in " + base);
            return new OpenSearchNode(runner, url);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The address the app is given as DAEHWA_SEARCH_URL. */
    public String url() {
        return url;
    }

    /** Deletes an index, as an operator (or a lost volume) would. */
    public void deleteIndex(String name) {
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(url + "/" + name)).DELETE().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("OpenSearch did not delete " + name + ": " + answer.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void stop() {
        try {
            runner.close();
        } catch (IOException | RuntimeException e) {
            System.err.println("[daehwa-it] OpenSearch node did not stop cleanly: " + e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
