package dev.daehwa.it.realtime;

import static dev.daehwa.it.support.WsClient.aboutRoom;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import dev.daehwa.it.realtime.Posts.Post;
import dev.daehwa.it.realtime.Posts.Posted;
import dev.daehwa.it.support.App;
import dev.daehwa.it.support.ChatUser;
import dev.daehwa.it.support.DaehwaIT;
import dev.daehwa.it.support.Jsons;
import dev.daehwa.it.support.Pause;
import dev.daehwa.it.support.WsClient;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * A client that was away names the last seq it saw per room and gets everything after it, once
 * and in order, even while others keep posting across the moment replay turns into live delivery.
 */
@DaehwaIT
class ResumeIT {

    private static final int RESYNC_LIMIT = 1000;

    @Test
    void resumeReplaysExactlyWhatWasMissedThenSaysResumed(App app) {
        ChatUser alice = app.newUser("away");
        ChatUser bob = app.newUser("back");
        long room = alice.createRoomId(bob);
        long lastSeen = seenLive(app, bob, room, () -> alice.send(room, "while bob is here"));
        IntStream.rangeClosed(1, 10).forEach(i -> alice.send(room, "missed " + i));

        try (WsClient back = WsClient.open(app, bob)) {
            back.resumeFrom(Map.of(room, lastSeen));

            // Read by bob: a message's JSON says what its reader may do, so bob's REST is the match.
            List<JsonObject> missed = Posts.history(bob, room).stream()
                    .filter(message -> message.getInt("seq") > lastSeen).toList();
            assertEquals(10, missed.size());
            assertEquals(missed, back.messagesCreated(room),
                    "the replay is every message after the last seen seq, in seq order, exactly as REST shows them to bob");
            assertEquals(replayThenResumed(10), typesAfterHello(back),
                    "after hello: ten message.created, then resumed, nothing else (presence aside)");
        }
    }

    @Test
    void deletedMessagesAreNotReplayed(App app) {
        ChatUser alice = app.newUser("deleter");
        ChatUser bob = app.newUser("absent");
        long room = alice.createRoomId(bob);
        long lastSeen = seenLive(app, bob, room, () -> alice.send(room, "seen"));
        List<Long> missed = IntStream.rangeClosed(1, 4).mapToObj(i -> alice.sendId(room, "missed " + i)).toList();
        alice.agent().delete("api/messages/" + missed.get(1)).expect(204);

        try (WsClient back = WsClient.open(app, bob)) {
            back.resumeFrom(Map.of(room, lastSeen));

            assertEquals(List.of(missed.get(0), missed.get(2), missed.get(3)), ids(back.messagesCreated(room)),
                    "a message deleted while the client was away is not replayed");
        }
    }

    /**
     * The client is away while five threads post 200 messages into two rooms; it comes back and
     * resumes while another 100 are being posted. Whatever the interleaving, it must end up with
     * each room's history exactly once, in seq order.
     */
    @RepeatedTest(20)
    void resumeWhileOthersKeepPostingDeliversEveryMessageOnceInOrder(App app, RepetitionInfo repetition) {
        ChatUser alice = app.newUser("loada");
        ChatUser carol = app.newUser("loadc");
        ChatUser bob = app.newUser("loadreader");
        long roomA = alice.createRoomId(bob, carol);
        long roomB = carol.createRoomId(bob, alice);
        List<JsonObject> seenA = new ArrayList<>();
        List<JsonObject> seenB = new ArrayList<>();
        try (WsClient first = WsClient.live(app, bob)) {
            long a = alice.sendId(roomA, "first in A");
            long b = carol.sendId(roomB, "first in B");
            first.awaitFrame("message.created", WsClient.carrying(a), "live delivery before going away");
            first.awaitFrame("message.created", WsClient.carrying(b), "live delivery before going away");
            seenA.addAll(first.messagesCreated(roomA));
            seenB.addAll(first.messagesCreated(roomB));
            first.closeAbruptly();
        }
        Posts.inParallel(5, 200, i -> alternating(i, alice, carol, roomA, roomB, "away"));

        try (WsClient back = WsClient.open(app, bob)) {
            back.hello();
            CompletableFuture<List<Posted>> meanwhile = Posts.inBackground(5, 100,
                    i -> alternating(i, alice, carol, roomA, roomB, "during resume"));
            back.resume(Map.of(roomA, lastSeq(seenA), roomB, lastSeq(seenB)));
            Posts.await(meanwhile);
            List<JsonObject> historyA = Posts.history(bob, roomA);
            List<JsonObject> historyB = Posts.history(bob, roomB);
            for (List<JsonObject> history : List.of(historyA, historyB)) {
                back.awaitFrame("message.created", WsClient.carrying(Jsons.id(history.getLast())),
                        "the last message of each room arrives");
            }
            seenA.addAll(back.messagesCreated(roomA));
            seenB.addAll(back.messagesCreated(roomB));

            String round = "repetition " + repetition.getCurrentRepetition() + ": ";
            assertAll(
                    () -> assertEquals(seqsAndIds(historyA), seqsAndIds(seenA),
                            round + "room A must arrive exactly once each, in seq order (seq#id)"),
                    () -> assertEquals(seqsAndIds(historyB), seqsAndIds(seenB),
                            round + "room B must arrive exactly once each, in seq order (seq#id)"),
                    () -> assertEquals(1, back.framesOf("resumed").size(), round + "one resume, one resumed"));
        }
    }

    /** 1,001 messages after the last seen seq are too many to replay: resync; 1,000 are replayed. */
    @Test
    void aGapOfMoreThanAThousandMessagesGetsResyncInsteadOfAReplay(App app) {
        ChatUser alice = app.newUser("flood");
        ChatUser bob = app.newUser("farbehind");
        long flooded = alice.createRoomId(bob);
        long quiet = alice.createRoomId(bob);
        Posts.inParallel(8, RESYNC_LIMIT + 1, i -> new Post(alice, flooded, "flood " + i));
        alice.send(quiet, "one in the quiet room");

        try (WsClient tooFar = WsClient.open(app, bob)) {
            tooFar.resumeFrom(Map.of(flooded, 0L, quiet, 0L));

            assertAll(
                    () -> assertEquals(1, tooFar.framesOf("resync").stream().filter(aboutRoom(flooded)).count(),
                            "one resync for the room 1,001 messages behind: " + tooFar.types().stream().distinct().toList()),
                    () -> assertEquals(List.of(), tooFar.messagesCreated(flooded).stream().map(m -> m.getInt("seq")).toList(),
                            "a resync replaces the replay"),
                    () -> assertEquals(List.of(1), tooFar.messagesCreated(quiet).stream().map(m -> m.getInt("seq")).toList(),
                            "the other room of the same resume is still replayed"),
                    () -> assertTrue(tooFar.framesOf("resync").stream().noneMatch(aboutRoom(quiet)),
                            "no resync for a room only one message behind"));
        }
        try (WsClient justInReach = WsClient.open(app, bob)) {
            justInReach.resumeFrom(Map.of(flooded, 1L));

            List<Integer> replayed = justInReach.messagesCreated(flooded).stream().map(m -> m.getInt("seq")).toList();
            assertEquals(IntStream.rangeClosed(2, RESYNC_LIMIT + 1).boxed().toList(), replayed,
                    "exactly 1,000 messages behind is still replayed, in seq order");
            assertEquals(List.of(), justInReach.framesOf("resync"), "no resync at exactly 1,000");
        }
    }

    /**
     * A replay is what the client asked for: however long it is (here far beyond the server's
     * queue bound of 200 frames, and the client not reading while it is sent), it is delivered
     * whole and the socket stays open. Only live frames piling up count against the bound;
     * otherwise a client behind by more than the bound would be cut off on every resume, forever.
     */
    @Test
    void aReplayLongerThanTheQueueBoundIsDeliveredWhole(App app) {
        // The queue bound is the socket's, whatever the database: 4.5 MB of posts are spent once,
        // in the H2 pass (in the PostgreSQL pass they would also go through OpenSearch's indexing).
        Assumptions.assumeTrue("h2".equals(app.database()), "runs in the H2 pass only");
        ChatUser alice = app.newUser("bigreplay");
        ChatUser bob = app.newUser("behind");
        long room = alice.createRoomId(bob);
        List<Posted> missed = Posts.inParallel(4, 500, i -> new Post(alice, room, Posts.big(i)));

        try (WsClient back = WsClient.open(app, bob)) {
            back.hello();
            back.stopReading();
            back.resume(Map.of(room, 0L));
            // A fixed wait: the socket must survive the replay piling up unread, which takes time, not an event.
            Pause.of(Duration.ofSeconds(2));
            back.readAgain();
            back.awaitFrame("resumed", frame -> true, WsClient.REPLAY_WAIT, "the whole replay, then resumed");

            assertEquals(IntStream.rangeClosed(1, missed.size()).boxed().toList(),
                    back.messagesCreated(room).stream().map(m -> m.getInt("seq")).toList(), "every missed message");
            assertTrue(back.isOpen(), "the socket stays open after a replay longer than the queue bound");
        }
    }

    @Test
    void resumingARoomOfOtherPeopleGetsNothingFromIt(App app) {
        ChatUser alice = app.newUser("private");
        ChatUser mallory = app.newUser("snoop");
        long room = alice.createRoomId();
        IntStream.rangeClosed(1, 5).forEach(i -> alice.send(room, "secret " + i));

        try (WsClient snoop = WsClient.open(app, mallory)) {
            snoop.resumeFrom(Map.of(room, 0L));
            alice.send(room, "secret after the resume");

            snoop.assertNoFrame("message.created", frame -> true, Duration.ofSeconds(1),
                    "a resume naming a room the user is not in must replay nothing");
            assertEquals(List.of(), snoop.frames().stream().filter(frame -> aboutRoom(room).test(frame.json())).toList(),
                    "nothing about the foreign room may reach the snoop");
        }
    }

    @Test
    void resumingARoomOneWasRemovedFromWhileAwayGetsNothingFromIt(App app) {
        ChatUser alice = app.newUser("owner");
        ChatUser bob = app.newUser("exmember");
        long room = alice.createRoomId(bob);
        long lastSeen = seenLive(app, bob, room, () -> alice.send(room, "bob still here"));
        alice.agent().delete("api/rooms/" + room + "/users/" + bob.username()).expect(204);
        IntStream.rangeClosed(1, 3).forEach(i -> alice.send(room, "after bob " + i));

        try (WsClient back = WsClient.open(app, bob)) {
            back.resumeFrom(Map.of(room, lastSeen));

            back.assertNoFrame("message.created", aboutRoom(room), Duration.ofSeconds(1),
                    "a resume replays only rooms the user is still a member of");
        }
    }

    /** A socket opened without {@code ?resume=1} is live from its hello: nothing waits for a resume. */
    @Test
    void aBotThatNeverSendsAFrameGetsAMessagePostedRightAfterHelloWithinOneSecond(App app) {
        ChatUser alice = app.newUser("plain");
        ChatUser bot = app.newUser("listener");
        long room = alice.createRoomId(bot);

        try (WsClient listening = listening(app, bot)) {
            listening.hello();
            long sent = alice.sendId(room, "to a bot that never sends a frame");

            WsClient.Frame created = listening.awaitFrame("message.created", WsClient.carrying(sent),
                    "live events flow without a resume");
            long afterHello = listening.millisAfterHello(created);
            assertTrue(afterHello <= 1_000, "a socket that will not resume gets live events at once, not "
                    + afterHello + " ms after hello");
        }
    }

    /**
     * A client that said it would resume ({@code ?resume=1}) has live events held for it, and if
     * its resume never comes they flow after the grace (~2 s): held, then not lost.
     */
    @Test
    void aClientThatSaidItWouldResumeButDoesNotGetsLiveEventsAfterTheGrace(App app) {
        ChatUser alice = app.newUser("graceful");
        ChatUser bob = app.newUser("noresume");
        long room = alice.createRoomId(bob);

        try (WsClient saidSo = WsClient.open(app, bob)) {
            saidSo.hello();
            long sent = alice.sendId(room, "to a client that promised a resume");

            saidSo.assertNoFrame("message.created", WsClient.carrying(sent), Duration.ofMillis(1_000),
                    "live events wait for the resume of a socket opened with ?resume=1");
            WsClient.Frame created = saidSo.awaitFrame("message.created", WsClient.carrying(sent),
                    "live events flow after the grace when no resume comes");
            long afterHello = saidSo.millisAfterHello(created);
            // ~2 s nominally; the slack is for a loaded machine, and a grace that never ends fails anyway
            assertTrue(afterHello <= 5_000, "the server may hold live events for ~2 s after hello, not "
                    + afterHello + " ms");
        }
    }

    /**
     * A resume on a socket that did not say it would resume still replays everything after the
     * seqs it names: a message the socket already sent live may come again, none is left out.
     */
    @Test
    void aResumeOnASocketOpenedWithoutResumeReplaysEverythingMissed(App app) {
        ChatUser alice = app.newUser("late");
        ChatUser bob = app.newUser("lateresume");
        long room = alice.createRoomId(bob);
        long lastSeen = seenLive(app, bob, room, () -> alice.send(room, "seen"));
        List<Long> missed = IntStream.rangeClosed(1, 3).mapToObj(i -> alice.sendId(room, "missed " + i)).toList();

        try (WsClient bot = listening(app, bob)) {
            bot.hello();
            long live = alice.sendId(room, "live before the resume");
            bot.awaitFrame("message.created", WsClient.carrying(live), "live at once");
            bot.resume(Map.of(room, lastSeen));
            bot.awaitFrame("resumed", frame -> true, WsClient.REPLAY_WAIT, "the resume is answered");

            List<Long> replayed = ids(bot.messagesCreated(room)).stream().skip(1).toList();
            List<Long> expected = new ArrayList<>(missed);
            expected.add(live);
            assertEquals(expected, replayed, "after the live message, the replay of everything after the named seq");
        }
    }

    /** Connects live, lets the action post, waits for it, and returns the seq the client then last saw. */
    private static long seenLive(App app, ChatUser reader, long room, Supplier<JsonObject> post) {
        try (WsClient ws = WsClient.live(app, reader)) {
            JsonObject sent = post.get();
            ws.awaitFrame("message.created", WsClient.carrying(Jsons.id(sent)), "live delivery before going away");
            return lastSeq(ws.messagesCreated(room));
        }
    }

    /** A session socket opened without ?resume=1, as a bot that only listens. */
    private static WsClient listening(App app, ChatUser user) {
        return WsClient.to(app).cookiesOf(user).origin(WsClient.origin(app)).notResuming().open();
    }

    private static Post alternating(int i, ChatUser alice, ChatUser carol, long roomA, long roomB, String what) {
        return new Post(i % 2 == 0 ? alice : carol, i % 3 == 0 ? roomA : roomB, what + " " + i);
    }

    private static long lastSeq(List<JsonObject> messages) {
        return messages.isEmpty() ? 0 : messages.getLast().getInt("seq");
    }

    private static List<String> seqsAndIds(List<JsonObject> messages) {
        return messages.stream().map(m -> m.getInt("seq") + "#" + Jsons.id(m)).toList();
    }

    private static List<Long> ids(List<JsonObject> messages) {
        return messages.stream().map(Jsons::id).toList();
    }

    private static List<String> typesAfterHello(WsClient client) {
        return client.types().stream().skip(1).filter(type -> !type.equals("presence")).toList();
    }

    private static List<String> replayThenResumed(int messages) {
        List<String> types = new ArrayList<>(Collections.nCopies(messages, "message.created"));
        types.add("resumed");
        return types;
    }
}
