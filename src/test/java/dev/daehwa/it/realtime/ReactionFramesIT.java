package dev.daehwa.it.realtime;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.daehwa.it.support.App;
import dev.daehwa.it.support.ChatUser;
import dev.daehwa.it.support.Contract;
import dev.daehwa.it.support.DaehwaIT;
import dev.daehwa.it.support.Jsons;
import dev.daehwa.it.support.WsClient;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The message.reactions frame: after each change every member's sockets hear the message's
 * reactions, each marked "me" as that member sees them; nobody outside the room hears anything,
 * and a change that changes nothing is not announced.
 */
@DaehwaIT
class ReactionFramesIT {

    private static final Duration QUIET = Duration.ofSeconds(1);

    private static void react(ChatUser user, long messageId, String emoji) {
        user.react(messageId, emoji).expect(204);
    }

    /** The frame's reactions as "emoji count me", e.g. "👍 2 me". */
    private static List<String> view(JsonObject frame) {
        return frame.getJsonArray("reactions").getValuesAs(JsonObject.class).stream()
                .map(r -> r.getString("emoji") + " " + r.getInt("count") + (r.getBoolean("me") ? " me" : ""))
                .toList();
    }

    /** Waits for the message's reactions frame that shows exactly this view, and checks its shape. */
    private static void sees(WsClient socket, long messageId, List<String> expected, String who) {
        JsonObject frame = socket.awaitFrame("message.reactions",
                f -> f.getJsonNumber("messageId").longValue() == messageId && view(f).equals(expected),
                who + " hears " + expected).json();
        frame.getJsonArray("reactions").getValuesAs(JsonObject.class).forEach(Contract::assertReaction);
    }

    @Test
    void everyMemberHearsTheReactionsAsTheySeeThemAndOutsidersNothing(App app) {
        ChatUser minji = app.newUser("frames");
        ChatUser joon = app.newUser("framesjoon");
        ChatUser sora = app.newUser("framessora");
        ChatUser outsider = app.newUser("outsider");
        long room = minji.createRoomId(joon, sora);
        long id = minji.sendId(room, "react, please");
        try (WsClient minjiWs = WsClient.live(app, minji);
             WsClient joonWs = WsClient.live(app, joon);
             WsClient soraWs = WsClient.openWithToken(app, sora.createToken("ws")).live();
             WsClient outsiderWs = WsClient.live(app, outsider)) {

            react(joon, id, "👍");
            sees(minjiWs, id, List.of("👍 1"), "minji");
            sees(joonWs, id, List.of("👍 1 me"), "joon, the reactor");
            sees(soraWs, id, List.of("👍 1"), "sora");
            assertEquals(room, minjiWs.framesOf("message.reactions").getFirst().getJsonNumber("roomId").longValue());

            react(minji, id, "👍");
            react(sora, id, "🙏");
            sees(minjiWs, id, List.of("👍 2 me", "🙏 1"), "minji");
            sees(joonWs, id, List.of("👍 2 me", "🙏 1"), "joon");
            sees(soraWs, id, List.of("👍 2", "🙏 1 me"), "sora");

            react(sora, id, "🙏");
            sora.unreact(id, "😂").expect(204);
            joon.unreact(id, "👍").expect(204);
            sees(soraWs, id, List.of("👍 1", "🙏 1 me"), "sora, as joon takes his back");
            soraWs.assertNoFrame("message.reactions", f -> soraWs.framesOf("message.reactions").size() > 4, QUIET,
                    "four changes, four frames: reacting again, or taking back what is not there, is not announced");
            outsiderWs.assertNoFrame("message.reactions", frame1 -> true, QUIET, "someone outside the room");
        }
    }

    /** An edit's message.updated carries the reactions too, with each recipient's own marked. */
    @Test
    void anEditedMessageCarriesEachRecipientsOwnReactions(App app) {
        ChatUser minji = app.newUser("frames");
        ChatUser joon = app.newUser("framesjoon");
        long room = minji.createRoomId(joon);
        long id = minji.sendId(room, "before");
        react(joon, id, "👀");
        try (WsClient minjiWs = WsClient.live(app, minji);
             WsClient joonWs = WsClient.live(app, joon)) {
            minji.agent().patch("api/messages/" + id, Jsons.object("content", "after")).expect(200);

            JsonObject forMinji = minjiWs.awaitFrame("message.updated", WsClient.carrying(id), "minji").message();
            JsonObject forJoon = joonWs.awaitFrame("message.updated", WsClient.carrying(id), "joon").message();
            assertAll(
                    () -> assertEquals(false, forMinji.getJsonArray("reactions").getJsonObject(0).getBoolean("me")),
                    () -> assertEquals(true, forJoon.getJsonArray("reactions").getJsonObject(0).getBoolean("me")),
                    () -> assertEquals(1, forJoon.getJsonArray("reactions").getJsonObject(0).getInt("count")));
        }
    }
}
