package dev.daehwa.it.realtime;

import static dev.daehwa.it.support.Jsons.object;
import static dev.daehwa.it.support.WsClient.aboutRoom;
import static dev.daehwa.it.support.WsClient.byUser;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import dev.daehwa.it.support.App;
import dev.daehwa.it.support.ChatUser;
import dev.daehwa.it.support.Contract;
import dev.daehwa.it.support.DaehwaIT;
import dev.daehwa.it.support.WsClient;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/** Ephemeral signals: who is typing where, and who is online; both only among people who share a room. */
@DaehwaIT
class TypingPresenceIT {

    private static final Duration QUIET = Duration.ofSeconds(1);

    @Test
    void typingReachesTheOtherConnectedMembersOnly(App app) {
        ChatUser alice = app.newUser("typist");
        ChatUser bob = app.newUser("typbob");
        ChatUser carol = app.newUser("typcarol");
        ChatUser dave = app.newUser("elsewhere");
        long room = alice.createRoomId(bob, carol);
        alice.createRoomId(dave);
        try (WsClient aliceWs = WsClient.live(app, alice);
             WsClient bobWs = WsClient.live(app, bob);
             WsClient carolWs = WsClient.live(app, carol);
             WsClient daveWs = WsClient.live(app, dave)) {

            aliceWs.send(typing(room));

            for (WsClient member : List.of(bobWs, carolWs)) {
                JsonObject relayed = member.awaitFrame("typing", aboutRoom(room),
                        "typing is relayed to the other connected members").json();
                Contract.assertUser(relayed.getJsonObject("user"), alice);
            }
            aliceWs.assertNoFrame("typing", frame -> true, QUIET, "typing is never relayed back to the typist");
            daveWs.assertNoFrame("typing", frame -> true, Duration.ZERO,
                    "typing goes to that room's members only, not to someone who shares another room with the typist");
        }
    }

    @Test
    void typingIsRelayedAtMostOncePerThreeSecondsPerUserAndRoom(App app) {
        ChatUser alice = app.newUser("eager");
        ChatUser bob = app.newUser("watching");
        long room = alice.createRoomId(bob);
        long otherRoom = alice.createRoomId(bob);
        try (WsClient aliceWs = WsClient.live(app, alice);
             WsClient bobWs = WsClient.live(app, bob)) {

            long start = System.nanoTime();
            aliceWs.send(typing(room));
            // The server's window opens when it handles the first frame, which is before Bob gets
            // it: timed from his copy, the frame 3.5 s later is past the window however slow that was.
            long firstRelayed = bobWs.awaitFrame("typing", aboutRoom(room), "the first typing frame is relayed").arrivedNanos();
            aliceWs.send(typing(otherRoom));
            bobWs.awaitFrame("typing", aboutRoom(otherRoom), "the window is per room: typing in another room is relayed");
            sleepUntil(start, Duration.ofSeconds(1));
            aliceWs.send(typing(room));
            sleepUntil(start, Duration.ofMillis(2_500));
            assertEquals(1, relayedIn(bobWs, room), "a second typing frame within 3 s must be dropped");

            sleepUntil(firstRelayed, Duration.ofMillis(3_500));
            aliceWs.send(typing(room));
            bobWs.awaitFrames("typing", aboutRoom(room), 2, WsClient.WAIT, "typing 3.5 s after the first is relayed again");
            pause(QUIET);
            assertEquals(2, relayedIn(bobWs, room), "a dropped typing frame is not relayed later either");
        }
    }

    @Test
    void aNonMembersTypingGetsAnErrorAndIsNotRelayed(App app) {
        ChatUser alice = app.newUser("inside");
        ChatUser mallory = app.newUser("outside");
        long room = alice.createRoomId();
        try (WsClient aliceWs = WsClient.live(app, alice);
             WsClient malloryWs = WsClient.live(app, mallory)) {

            malloryWs.send(typing(room));

            malloryWs.awaitFrame("error", "typing into a room one is not in gets an error frame");
            aliceWs.assertNoFrame("typing", frame -> true, QUIET, "a non-member's typing must not be relayed");
            assertTrue(malloryWs.isOpen(), "an error frame does not close the connection");
        }
    }

    @Test
    void presenceFollowsTheFirstAndTheLastConnectionAmongRoomMatesOnly(App app) {
        ChatUser alice = app.newUser("seer");
        ChatUser bob = app.newUser("comesgoes");
        ChatUser carol = app.newUser("stranger");
        alice.createRoomId(bob);
        alice.createRoomId(carol);
        try (WsClient aliceWs = WsClient.live(app, alice);
             WsClient carolWs = WsClient.live(app, carol)) {

            try (WsClient bobTab = WsClient.live(app, bob)) {
                aliceWs.awaitFrame("presence", byUser(bob), "a room-mate's first connection is announced");
                try (WsClient bobScript = WsClient.openWithToken(app, bob.createToken("second")).live()) {
                    pause(QUIET);
                    assertEquals(List.of("online"), statusesOf(aliceWs, bob),
                            "a second connection of someone already online is not announced again");
                    bobTab.close();
                    pause(QUIET);
                    assertEquals(List.of("online"), statusesOf(aliceWs, bob),
                            "closing one of two connections does not make the user offline");
                    bobScript.closeAbruptly();
                    aliceWs.awaitFrames("presence", byUser(bob), 2, WsClient.WAIT,
                            "a room-mate's last connection going away (even without a close frame) is announced");
                }
            }

            assertEquals(List.of("online", "offline"), statusesOf(aliceWs, bob), "bob's presence as alice saw it");
            Contract.assertUser(aliceWs.framesOf("presence").getFirst().getJsonObject("user"));
            carolWs.assertNoFrame("presence", byUser(bob), Duration.ZERO,
                    "presence goes only to users who share a room with the user");
        }
    }

    @Test
    void helloIsFollowedByOnePresenceFramePerOnlineRoomMate(App app) {
        ChatUser alice = app.newUser("online");
        ChatUser bob = app.newUser("arrives");
        ChatUser carol = app.newUser("unrelated");
        ChatUser dave = app.newUser("offlinemate");
        alice.createRoomId(bob, dave);
        carol.createRoomId();
        try (WsClient aliceWs = WsClient.live(app, alice);
             WsClient carolWs = WsClient.live(app, carol);
             WsClient bobWs = WsClient.live(app, bob)) {

            List<WsClient.Frame> beforeResumed = bobWs.frames().stream()
                    .takeWhile(frame -> !frame.type().equals("resumed")).toList();
            List<String> snapshot = beforeResumed.stream()
                    .filter(frame -> frame.type().equals("presence") && !byUser(bob).test(frame.json()))
                    .map(frame -> frame.json().getJsonObject("user").getString("username") + " "
                            + frame.json().getString("status"))
                    .toList();

            assertEquals(List.of(alice.username() + " online"), snapshot,
                    "right after hello (before resumed): one online frame per online user sharing a room (alice),"
                            + " none for an offline room-mate (dave) or an online stranger (carol); frames: " + bobWs.types());
        }
    }

    @Test
    void openingASocketTakesTheSameSqlStatementsWithTwoOrSixOnlineRoomMates(App app) {
        JsonObject few = helloWithOnlineRoomMates(app, 2);
        JsonObject many = helloWithOnlineRoomMates(app, 6);
        assertTrue(few.getInt("sqlStatements") >= 2,
                "the counter saw the user and the room-mates read; hello: " + few);
        assertEquals(few.getInt("sqlStatements"), many.getInt("sqlStatements"),
                "opening a socket reads every online room-mate at once, not one query per mate");
    }

    /** Hello of a user arriving while MATES room-mates are online, after their presence frames came. */
    private static JsonObject helloWithOnlineRoomMates(App app, int mates) {
        ChatUser arriving = app.newUser("arriving");
        List<ChatUser> online = IntStream.range(0, mates).mapToObj(i -> app.newUser("mate" + i)).toList();
        arriving.createRoomId(online.toArray(ChatUser[]::new));
        List<WsClient> mateSockets = new ArrayList<>();
        try {
            for (ChatUser mate : online) {
                mateSockets.add(WsClient.live(app, mate));
            }
            try (WsClient ws = WsClient.open(app, arriving)) {
                JsonObject hello = ws.hello();
                ws.awaitFrames("presence", frame -> !byUser(arriving).test(frame), mates, WsClient.WAIT,
                        "one presence frame per online room-mate");
                return hello;
            }
        } finally {
            mateSockets.forEach(WsClient::close);
        }
    }

    private static JsonObject typing(long room) {
        return object("type", "typing", "roomId", room);
    }

    private static long relayedIn(WsClient client, long room) {
        return client.framesOf("typing").stream().filter(aboutRoom(room)).count();
    }

    private static List<String> statusesOf(WsClient client, ChatUser user) {
        return client.framesOf("presence").stream().filter(byUser(user)).map(frame -> frame.getString("status")).toList();
    }

    private static void pause(Duration duration) {
        sleepUntil(System.nanoTime(), duration);
    }

    private static void sleepUntil(long startNanos, Duration offset) {
        long left = startNanos + offset.toNanos() - System.nanoTime();
        try {
            TimeUnit.NANOSECONDS.sleep(Math.max(0, left));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for the typing window", e);
        }
    }
}
