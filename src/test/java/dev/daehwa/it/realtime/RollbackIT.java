package dev.daehwa.it.realtime;

import static dev.daehwa.it.support.Jsons.object;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.daehwa.it.support.App;
import dev.daehwa.it.support.ChatUser;
import dev.daehwa.it.support.DaehwaIT;
import dev.daehwa.it.support.Jsons;
import dev.daehwa.it.support.Response;
import dev.daehwa.it.support.WsClient;
import org.junit.jupiter.api.Test;

/**
 * A message is pushed only once its transaction has committed. To get a real rollback from
 * outside, one sender posts one clientMessageId into two rooms at the same instant: the posts
 * lock different rooms, both pass the duplicate check, and the unique (sender, clientMessageId)
 * constraint fails one of them at commit.
 */
@DaehwaIT
class RollbackIT {

    private static final int ROUNDS = 15;

    @Test
    void aPostWhoseTransactionRollsBackIsNeverPushed(App app) throws Exception {
        ChatUser alice = app.newUser("racer");
        ChatUser bob = app.newUser("watcher");
        long roomA = alice.createRoomId(bob);
        long roomB = alice.createRoomId(bob);
        List<Outcome> outcomes = new ArrayList<>();
        try (WsClient aliceWs = WsClient.live(app, alice);
             WsClient bobWs = WsClient.live(app, bob)) {

            for (int round = 0; round < ROUNDS; round++) {
                String clientMessageId = "race-" + round + "-" + System.nanoTime();
                outcomes.addAll(postAtOnce(alice, clientMessageId, roomA, roomB));
            }
            long endA = alice.sendId(roomA, "end of the races in A");
            long endB = alice.sendId(roomB, "end of the races in B");
            for (WsClient ws : List.of(aliceWs, bobWs)) {
                ws.awaitFrame("message.created", WsClient.carrying(endA), "the closing message of A arrives");
                ws.awaitFrame("message.created", WsClient.carrying(endB), "the closing message of B arrives");
            }
            Set<Long> acknowledged = outcomes.stream().filter(Outcome::acknowledged).map(Outcome::messageId)
                    .collect(Collectors.toSet());
            Set<Long> expected = new HashSet<>(acknowledged);
            expected.addAll(List.of(endA, endB));
            bobWs.assertNoFrame("message.created", frame -> !expected.contains(Jsons.id(frame.getJsonObject("message"))),
                    Duration.ofSeconds(1), "a message whose POST was not acknowledged must never be pushed");
            Set<Long> stored = Stream.concat(alice.history(roomA).stream(), alice.history(roomB).stream())
                    .map(Jsons::id).collect(Collectors.toSet());
            String outcomeList = outcomes.toString();
            assertAll(
                    () -> assertEquals(ROUNDS, acknowledged.size(),
                            "each race stores exactly one message under its clientMessageId: " + outcomeList),
                    () -> assertEquals(stored, expected, "what the POSTs acknowledged is what is stored"),
                    () -> assertPushedExactly(expected, bobWs, "the watcher"),
                    () -> assertPushedExactly(expected, aliceWs, "the sender's own tab"),
                    () -> assertTrue(outcomes.stream().noneMatch(Outcome::refusedByTheAgent),
                            "the losing post of a race must be refused cleanly (409), not with a 5xx: " + outcomeList));
        }
    }

    private static void assertPushedExactly(Set<Long> expected, WsClient ws, String who) {
        List<Long> pushed = ws.framesOf("message.created").stream()
                .map(frame -> Jsons.id(frame.getJsonObject("message"))).toList();
        assertEquals(pushed.size(), Set.copyOf(pushed).size(), who + " got a message twice: " + pushed);
        assertEquals(expected, Set.copyOf(pushed),
                who + " must be pushed exactly the acknowledged messages, never one whose transaction rolled back");
    }

    /** Both posts released by one latch; each answer kept, including a 5xx that the agent reports as a failure. */
    private static List<Outcome> postAtOnce(ChatUser sender, String clientMessageId, long... rooms) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(rooms.length);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Outcome>> answers = new ArrayList<>();
            for (long room : rooms) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return Outcome.of(room, () -> sender.agent().post("api/messages",
                            object("roomId", room, "content", "race " + clientMessageId, "clientMessageId", clientMessageId)));
                }));
            }
            go.countDown();
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> answer : answers) {
                outcomes.add(answer.get(60, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * One POST of a race: its status and, if acknowledged, its message id; or the agent's report
     * of an answer no request may get (a 5xx, or an error body that leaks internals).
     */
    private record Outcome(long room, int status, long messageId, String failure) {

        static Outcome of(long room, Supplier<Response> post) {
            try {
                Response answer = post.get();
                boolean ok = answer.status() == 200 || answer.status() == 201;
                return new Outcome(room, answer.status(), ok ? Jsons.id(answer.json()) : -1, null);
            } catch (AssertionError refused) {
                // The agent fails such answers at once; kept here so that the push rule is still
                // checked and the bad answer is reported next to it.
                return new Outcome(room, 0, -1, refused.getMessage());
            }
        }

        boolean acknowledged() {
            return messageId > 0;
        }

        boolean refusedByTheAgent() {
            return failure != null;
        }

        @Override
        public String toString() {
            String answer = failure != null ? failure : "HTTP " + status + (acknowledged() ? " id " + messageId : "");
            return "room " + room + ": " + answer;
        }
    }
}
