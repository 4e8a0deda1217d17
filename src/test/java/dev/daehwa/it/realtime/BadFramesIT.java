package dev.daehwa.it.realtime;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;

import dev.daehwa.it.support.App;
import dev.daehwa.it.support.ChatUser;
import dev.daehwa.it.support.Contract;
import dev.daehwa.it.support.DaehwaIT;
import dev.daehwa.it.support.Jsons;
import dev.daehwa.it.support.WsClient;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

/** A client that sends garbage is told so and kept, until it sends too much of it. */
@DaehwaIT
class BadFramesIT {

    private static final int TOLERATED = 20;

    @Test
    void eachMalformedFrameGetsAnErrorAndTheConnectionStaysOpen(App app) {
        ChatUser alice = app.newUser("sloppy");
        ChatUser bob = app.newUser("sloppybob");
        long room = alice.createRoomId(bob);
        List<String> malformed = List.of(
                "this is not JSON",
                "",
                "[1, 2, 3]",
                "{\"type\": 42}",
                "{\"roomId\": " + room + "}",
                "{\"type\": \"no.such.type\"}",
                "{\"type\": \"typing\"}",
                "{\"type\": \"typing\", \"roomId\": \"abc\"}",
                "{\"type\": \"resume\"}",
                "{\"type\": \"resume\", \"rooms\": [1, 2]}");
        try (WsClient aliceWs = WsClient.live(app, alice);
             WsClient bobWs = WsClient.live(app, bob)) {

            for (String frame : malformed) {
                int errorsBefore = bobWs.framesOf("error").size();
                bobWs.sendText(frame);
                bobWs.awaitFrames("error", any -> true, errorsBefore + 1, WsClient.WAIT,
                        "a malformed frame gets an error frame: " + frame);
            }
            long sent = alice.sendId(room, "still there?");
            bobWs.awaitFrame("message.created", WsClient.carrying(sent), "the connection stays open after errors");
            bobWs.send(Jsons.object("type", "typing", "roomId", room));
            aliceWs.awaitFrame("typing", WsClient.aboutRoom(room), "good frames still work after bad ones");

            List<JsonObject> errors = bobWs.framesOf("error");
            assertAll(
                    () -> assertEquals(malformed.size(), errors.size(), "one error frame per malformed frame"),
                    () -> errors.forEach(BadFramesIT::assertErrorFrame),
                    () -> assertTrue(bobWs.isOpen(), "the connection stays open"));
        }
    }

    @Test
    void twentyBadFramesAreToleratedTheTwentyFirstWithinTenSecondsCloses1008(App app) {
        ChatUser alice = app.newUser("flooder");
        ChatUser bob = app.newUser("floodbob");
        long room = alice.createRoomId(bob);
        try (WsClient bobWs = WsClient.live(app, bob)) {

            IntStream.rangeClosed(1, TOLERATED).forEach(i -> bobWs.sendText("garbage " + i));
            bobWs.awaitFrames("error", any -> true, TOLERATED, WsClient.WAIT, "each bad frame gets an error");
            long sent = alice.sendId(room, "after twenty bad frames");
            bobWs.awaitFrame("message.created", WsClient.carrying(sent), "twenty bad frames are still tolerated");
            assertTrue(bobWs.isOpen(), "twenty bad frames within 10 s are still tolerated");

            bobWs.sendText("garbage " + (TOLERATED + 1));

            assertEquals(1008, bobWs.awaitClose(WsClient.WAIT),
                    "more than 20 bad frames within 10 s close the connection with 1008 (policy violation)");
        }
    }

    private static void assertErrorFrame(JsonObject error) {
        Contract.assertType(error, "detail", JsonValue.ValueType.STRING);
        String detail = error.getString("detail");
        assertFalse(detail.isBlank(), "an error frame says what was wrong: " + error);
        assertFalse(detail.contains("Exception") || detail.contains("\tat "), "an error frame leaks internals: " + error);
    }
}
