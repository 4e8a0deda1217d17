package dev.daehwa;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A newcomer whose default Java is older than 21 runs the README's first command: Maven must stop
 * in its first phase with a message that says which JDK it found, which one it needs and how to
 * point Maven at it, instead of javac's "release version 21 not supported". The build itself is
 * run here, on an older JDK of this machine, so a removed or mis-ranged rule fails this test.
 */
class OlderJdkTest {

    @Test
    void mavenOnAnOlderJdkStopsAtOnceAndSaysWhatToDo() throws IOException, InterruptedException {
        Optional<Path> olderJdk = olderJdk();
        assumeTrue(olderJdk.isPresent(), "no JDK older than 21 in /usr/lib/jvm to try the build with");
        Optional<Path> maven = onPath("mvn");
        assumeTrue(maven.isPresent(), "no mvn on PATH");

        Path log = Files.createTempFile(Path.of("target"), "older-jdk", ".log");
        ProcessBuilder build = new ProcessBuilder(maven.get().toString(), "-B", "-o", "-N", "validate")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        build.environment().put("JAVA_HOME", olderJdk.get().toString());
        build.environment().put("PATH", olderJdk.get().resolve("bin") + ":" + System.getenv("PATH"));
        Process process = build.start();
        assertTrue(process.waitFor(3, TimeUnit.MINUTES), "mvn validate did not finish");
        String output = Files.readString(log, StandardCharsets.UTF_8);

        assertAll(
                () -> assertNotEquals(0, process.exitValue(), "the build must fail on " + olderJdk.get() + ":\n" + output),
                () -> assertTrue(output.contains("needs a JDK 21 or newer"), output),
                () -> assertTrue(output.contains(olderJdk.get().toString()), "names the JDK found:\n" + output),
                () -> assertTrue(output.contains("JAVA_HOME"), "says how to point Maven at another JDK:\n" + output),
                () -> assertTrue(!output.contains("release version 21 not supported"), "stops before javac:\n" + output));
    }

    private static Optional<Path> olderJdk() throws IOException {
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (Stream<Path> installed = Files.list(jvms)) {
            return installed
                    .filter(jdk -> Files.isExecutable(jdk.resolve("bin/java")) && !Files.isSymbolicLink(jdk))
                    .filter(jdk -> featureVersion(jdk).map(v -> v < 21).orElse(false))
                    .findFirst();
        }
    }

    /** The JDK's feature version, from its {@code release} file. */
    private static Optional<Integer> featureVersion(Path jdk) {
        try {
            List<String> release = Files.readAllLines(jdk.resolve("release"));
            return release.stream()
                    .filter(line -> line.startsWith("JAVA_VERSION="))
                    .map(line -> line.replaceAll("JAVA_VERSION=\"?(1\\.)?(\\d+).*", "$2"))
                    .map(Integer::valueOf)
                    .findFirst();
        } catch (IOException | NumberFormatException unreadable) {
            return Optional.empty();
        }
    }

    private static Optional<Path> onPath(String command) {
        for (String dir : System.getenv("PATH").split(":")) {
            Path candidate = Path.of(dir, command);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
