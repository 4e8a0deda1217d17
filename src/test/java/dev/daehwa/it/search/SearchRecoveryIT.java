package dev.daehwa.it.search;

import static dev.daehwa.it.search.Searcher.setOf;
import static dev.daehwa.it.support.Jsons.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.daehwa.it.support.App;
import dev.daehwa.it.support.ChatUser;
import dev.daehwa.it.support.DaehwaIT;
import dev.daehwa.it.support.Jsons;
import dev.daehwa.it.support.OpenSearchNode;
import dev.daehwa.it.support.Response;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The index survives what servers go through: a crash, a stretch of running without it, and the
 * loss or corruption of its files. Each test kills the suite's server and brings it back; the
 * messages stay in the database, and the index must end up agreeing with it.
 *
 * <p>Users log in with API tokens here: sessions live in memory and die with the process.
 */
@DaehwaIT
class SearchRecoveryIT {

    private static final Duration RECOVERED = Duration.ofSeconds(60);

    @Test
    void changesMadeWhileTheIndexWasClosedAreCaughtUpOnRestart(App app) {
        ChatUser minji = app.newUser("catchup");
        long room = minji.createRoomId();
        long kept = minji.sendId(room, "복구 시험 처음 메시지");
        long edited = minji.sendId(room, "복구 시험 고칠 메시지");
        long deleted = minji.sendId(room, "복구 시험 지울 메시지");
        Searcher search = new Searcher(minji.withAgent(minji.bearerAgent()));
        search.awaitExactly("복구", Duration.ofSeconds(15), setOf(kept, edited, deleted));

        // a second run of the app, on the same database, without search: the index stays closed
        app.restart(Map.of("DAEHWA_SEARCH", "off"));
        Set<Long> whileClosed = new HashSet<>();
        try {
            Response off = search.user().agent().expectingUnavailable().get("api/search?q=x");
            off.problem(503);
            assertEquals(Optional.empty(), off.header("Retry-After"), "turned off is not a moment's wait");
            for (int i = 0; i < 20; i++) {
                whileClosed.add(Jsons.id(search.user().agent().post("api/messages",
                        object("roomId", room, "content", "복구 시험 닫힌 동안 " + i)).expect(201).json()));
            }
            search.user().agent().patch("api/messages/" + edited, object("content", "복구 시험 바뀐 메시지")).expect(200);
            search.user().agent().delete("api/messages/" + deleted).expectOneOf(200, 204);
        } finally {
            // search back on, also for the tests after this one if this one failed
            app.restart(Map.of("DAEHWA_SEARCH", ""));
        }

        Set<Long> expected = new HashSet<>(whileClosed);
        expected.add(kept);
        expected.add(edited);
        search.awaitExactly("복구", RECOVERED, expected);
        assertEquals(setOf(edited), search.idSet("바뀐"), "the edit made while closed");
        assertEquals(setOf(), search.idSet("고칠"), "the old text is gone");
        assertEquals(setOf(), search.idSet("지울"), "the delete made while closed");
    }

    @Test
    void aDeletedIndexIsRebuiltWhileTheAppKeepsWorking(App app) throws IOException {
        // How the app treats a lost index does not depend on the database: the restart is spent
        // once per engine, the embedded index in the H2 pass and OpenSearch in the PostgreSQL pass.
        Assumptions.assumeTrue("h2".equals(app.database()) || app.searchesThroughOpenSearch(),
                "the H2 pass (embedded index) and the OpenSearch pass");
        ChatUser minji = app.newUser("rebuild");
        long room = minji.createRoomId();
        Set<Long> sent = new HashSet<>();
        for (int i = 0; i < 10; i++) {
            sent.add(minji.sendId(room, "재구축 시험 " + i));
        }
        Searcher search = new Searcher(minji.withAgent(minji.bearerAgent()));
        search.awaitExactly("재구축", Duration.ofSeconds(15), sent);

        app.kill();
        int logBefore = app.serverLog().length();
        if (app.searchesThroughOpenSearch()) {
            OpenSearchNode.shared().deleteIndex("daehwa-messages");
        } else {
            deleteRecursively(app.dataDir().resolve("search"));
        }
        app.restart(Map.of());

        // the app answers while the index is rebuilt, and a message sent now is found too
        long afterRestart = Jsons.id(search.user().agent().post("api/messages",
                object("roomId", room, "content", "재구축 시험 재시작 뒤")).expect(201).json());
        Set<Long> expected = new HashSet<>(sent);
        expected.add(afterRestart);
        search.awaitExactly("재구축", RECOVERED, expected);
        String log = app.serverLog().substring(logBefore);
        assertTrue(log.contains("there is no index"), "the log says why the index is rebuilt");
        assertTrue(log.contains("Rebuilding it from the database"), "and that it is rebuilt");
        assertSearchHealth(app, "ready");
    }

    @Test
    void aCorruptIndexIsReplacedAndRebuilt(App app) throws IOException {
        // The index is the node's own files; how the app treats them does not depend on the
        // database, so the restart is spent once, in the H2 pass. OpenSearch keeps its own files.
        Assumptions.assumeTrue("h2".equals(app.database()), "runs in the H2 pass only");
        Assumptions.assumeFalse(app.searchesThroughOpenSearch(), "the embedded index's files only");
        ChatUser minji = app.newUser("corrupt");
        long room = minji.createRoomId();
        long sent = minji.sendId(room, "손상 시험 메시지");
        Searcher search = new Searcher(minji.withAgent(minji.bearerAgent()));
        search.awaitExactly("손상", Duration.ofSeconds(15), setOf(sent));

        app.kill();
        int logBefore = app.serverLog().length();
        try (Stream<Path> files = Files.list(app.dataDir().resolve("search"))) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("segments")).toList()) {
                Files.writeString(file, "not a lucene commit", StandardCharsets.UTF_8);
            }
        }
        app.restart(Map.of());

        search.awaitExactly("손상", RECOVERED, setOf(sent));
        assertTrue(app.serverLog().substring(logBefore).contains("is unreadable"), "the log says the index was unreadable");
    }

    private static void assertSearchHealth(App app, String state) {
        JsonObject search = app.healthCheck("search");
        assertEquals("UP", search.getString("status"), search::toString);
        assertEquals(state, search.getJsonObject("data").getString("state"), search::toString);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
