package dev.daehwa.arquillian;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Prepares the folders of the Arquillian-launched server before Arquillian boots it: an empty H2
 * data folder ({@code DAEHWA_DATA_DIR}, see the it-h2 execution in pom.xml), no log from an earlier
 * run, and existing temp folders, since the adapter and Payara Micro both create theirs with
 * {@link Files#createTempDirectory}; the adapter's copies of the WAR from earlier runs are removed.
 *
 * <p>Runs on the client only: {@code daehwa.arquillian.dir} is set in the failsafe JVM, never in
 * the server, where JUnit runs this extension again around each in-container test method.
 */
public final class ArquillianFolders implements BeforeAllCallback {

    static final String DIR_PROPERTY = "daehwa.arquillian.dir";

    @Override
    public void beforeAll(ExtensionContext context) {
        String dir = System.getProperty(DIR_PROPERTY);
        if (dir == null || dir.isBlank()) {
            return;
        }
        Path root = Path.of(dir).toAbsolutePath();
        try {
            deleteRecursively(root.resolve("data"));
            if (Files.isDirectory(root)) {
                try (Stream<Path> logs = Files.list(root)) {
                    for (Path log : logs.filter(f -> f.getFileName().toString().startsWith("server.log")).toList()) {
                        Files.delete(log);
                    }
                }
            }
            Files.createDirectories(root.resolve("data"));
            Files.createDirectories(root.resolve("tmp"));
            Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
            Files.createDirectories(tmp);
            // The adapter copies the WAR into tmp/arquillian-payara-micro* and never removes it:
            // remove earlier runs' copies, but only where the build owns the folder (target/).
            if (tmp.startsWith(root.getParent())) {
                try (Stream<Path> old = Files.list(tmp)) {
                    for (Path copy : old.filter(f -> f.getFileName().toString().startsWith("arquillian-payara-micro")).toList()) {
                        deleteRecursively(copy);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare " + root, e);
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
