package dev.daehwa.it;

import static dev.daehwa.it.support.Jsons.object;
import static dev.daehwa.it.support.WsClient.carrying;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.daehwa.it.support.App;
import dev.daehwa.it.support.ChatUser;
import dev.daehwa.it.support.Contract;
import dev.daehwa.it.support.DaehwaIT;
import dev.daehwa.it.support.Jsons;
import dev.daehwa.it.support.Pause;
import dev.daehwa.it.support.WsClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Replies over the API: {@code replyTo} on a post must name a visible message of the same room,
 * and every message JSON (the post's answer, history, one message, the room list, live frames)
 * quotes the original as {id, seq, author, excerpt}, or {id, deleted: true} once it is gone.
 */
@DaehwaIT
class ReplyIT {

    private static JsonObject reply(ChatUser sender, long room, String content, long replyTo) {
        return sender.agent().post("api/messages", object("roomId", room, "content", content, "replyTo", replyTo))
                .expect(201).json();
    }

    private static void assertQuotes(JsonObject message, JsonObject original, ChatUser author, String excerpt) {
        Contract.assertMessage(message);
        JsonObject quote = message.getJsonObject("replyTo");
        assertEquals(Set.of("id", "seq", "author", "excerpt"), quote.keySet(), "the quote's fields: " + quote);
        assertEquals(Jsons.id(original), Jsons.id(quote));
        assertEquals(original.getJsonNumber("seq").longValue(), quote.getJsonNumber("seq").longValue());
        Contract.assertUser(quote.getJsonObject("author"), author);
        assertEquals(excerpt, quote.getString("excerpt"));
    }

    @Test
    void aReplyQuotesItsOriginalWhereverItIsShown(App app) {
        ChatUser minji = app.newUser("replied");
        ChatUser joon = app.newUser("replier");
        long room = minji.createRoomId(joon);
        JsonObject original = minji.send(room, "점심 뭐 먹을까요?\n\n  다들   배고프죠");
        JsonObject plain = joon.send(room, "no reply here");

        JsonObject answer = reply(joon, room, "냉면 어때요 🍜", Jsons.id(original));

        Contract.assertMessage(answer);
        assertQuotes(answer, original, minji, "점심 뭐 먹을까요? 다들 배고프죠");
        assertEquals(JsonValue.NULL, plain.get("replyTo"), "a message that answers nothing says null");
        assertQuotes(minji.history(room).getLast(), original, minji, "점심 뭐 먹을까요? 다들 배고프죠");
        assertQuotes(minji.agent().get("api/messages/" + Jsons.id(answer)).expect(200).json(), original, minji,
                "점심 뭐 먹을까요? 다들 배고프죠");
        assertQuotes(minji.room(room).getJsonObject("latestMessage"), original, minji, "점심 뭐 먹을까요? 다들 배고프죠");
        assertQuotes(minji.rooms().stream().filter(r -> Jsons.id(r) == room).findFirst().orElseThrow()
                .getJsonObject("latestMessage"), original, minji, "점심 뭐 먹을까요? 다들 배고프죠");
    }

    @Test
    void aSearchResultQuotesTheMessageItAnswers(App app) {
        ChatUser minji = app.newUser("searched");
        ChatUser joon = app.newUser("replier");
        long room = minji.createRoomId(joon);
        JsonObject original = minji.send(room, "회의는 몇 시예요?");
        String word = "replyword" + System.nanoTime();
        reply(joon, room, word + " 세 시요", Jsons.id(original));

        String search = "api/search?q=" + word;
        Pause.until(Duration.ofSeconds(15), Duration.ofMillis(50),
                () -> !minji.agent().get(search).expect(200).json().getJsonArray("results").isEmpty());
        JsonObject found = minji.agent().get(search).expect(200).json().getJsonArray("results").getJsonObject(0);
        assertQuotes(found.getJsonObject("message"), original, minji, "회의는 몇 시예요?");
    }

    @Test
    void theExcerptIsTheFirstHundredCodePointsOfHangulAndEmoji(App app) {
        ChatUser minji = app.newUser("longtext");
        ChatUser joon = app.newUser("replier");
        long room = minji.createRoomId(joon);
        // 2 code points a unit, the emoji two UTF-16 units each: a cut by UTF-16 units would split one
        String unit = "한😀";
        JsonObject original = minji.send(room, unit.repeat(80));

        JsonObject answer = reply(joon, room, "네", Jsons.id(original));

        String excerpt = answer.getJsonObject("replyTo").getString("excerpt");
        assertEquals(100, excerpt.codePointCount(0, excerpt.length()));
        assertEquals(unit.repeat(50), excerpt);
    }

    @Test
    void aDeletedOriginalIsQuotedAsDeletedOnly(App app) {
        ChatUser minji = app.newUser("deleter");
        ChatUser joon = app.newUser("replier");
        long room = minji.createRoomId(joon);
        JsonObject original = minji.send(room, "soon gone");
        JsonObject answer = reply(joon, room, "too late", Jsons.id(original));

        minji.agent().delete("api/messages/" + Jsons.id(original)).expect(204);

        JsonObject quote = joon.agent().get("api/messages/" + Jsons.id(answer)).expect(200).json().getJsonObject("replyTo");
        assertEquals(Json.createObjectBuilder().add("id", Jsons.id(original)).add("deleted", true).build(), quote);
        Contract.assertReplyTo(quote);
        assertEquals(quote, joon.history(room).getLast().getJsonObject("replyTo"));
        joon.agent().post("api/messages", object("roomId", room, "content", "again", "replyTo", Jsons.id(original)))
                .validationProblem("replyTo");
    }

    @Test
    void aReplyMustAnswerAVisibleMessageOfItsOwnRoom(App app) {
        ChatUser minji = app.newUser("rooms");
        ChatUser joon = app.newUser("replier");
        long room = minji.createRoomId(joon);
        long otherRoom = minji.createRoomId(joon);
        long elsewhere = minji.sendId(otherRoom, "in the other room");
        long unknown = minji.sendId(room, "the newest") + 1_000_000;

        for (Object bad : new Object[] {elsewhere, unknown, "abc", String.valueOf(elsewhere), true, 1.5,
                Json.createObjectBuilder().add("id", elsewhere).build()}) {
            JsonObject problem = joon.agent().post("api/messages", object("roomId", room, "content", "hi", "replyTo", bad))
                    .validationProblem("replyTo");
            assertFalse(problem.toString().contains("in the other room"), problem.toString());
        }
        assertEquals(1, joon.history(room).size(), "nothing refused was stored");
        assertEquals(JsonValue.NULL, minji.agent().post("api/messages",
                object("roomId", room, "content", "no answer", "replyTo", JsonValue.NULL)).expect(201).json().get("replyTo"));
    }

    @Test
    void aMessageOfARoomOneIsNotInCannotBeAnswered(App app) {
        ChatUser minji = app.newUser("private");
        ChatUser joon = app.newUser("insider");
        ChatUser outsider = app.newUser("outsider");
        long secret = minji.createRoomId(joon);
        long shared = outsider.createRoomId(minji);
        long hidden = minji.sendId(secret, "not for outsiders");

        JsonObject problem = outsider.agent().post("api/messages",
                object("roomId", shared, "content", "what's this?", "replyTo", hidden)).validationProblem("replyTo");
        assertEquals(problem.getString("detail"), outsider.agent().post("api/messages",
                        object("roomId", shared, "content", "and this?", "replyTo", hidden + 1_000_000))
                .validationProblem("replyTo").getString("detail"), "a hidden message is refused as an unknown one");
        outsider.agent().post("api/messages", object("roomId", secret, "content", "let me in", "replyTo", hidden))
                .problem(404);
    }

    @Test
    void anonymousCallersCannotReply(App app) {
        ChatUser minji = app.newUser("anon");
        long room = minji.createRoomId();
        long original = minji.sendId(room, "hello");

        app.anonymous().post("api/messages", object("roomId", room, "content", "hi", "replyTo", original)).problem(401);
    }

    @Test
    void aRetryWithTheSameClientMessageIdReturnsTheFirstReply(App app) {
        ChatUser minji = app.newUser("retry");
        ChatUser joon = app.newUser("replier");
        long room = minji.createRoomId(joon);
        JsonObject original = minji.send(room, "question");
        JsonObject body = object("roomId", room, "content", "answer", "clientMessageId", "c-1", "replyTo",
                Jsons.id(original));

        JsonObject first = joon.agent().post("api/messages", body).expect(201).json();
        JsonObject again = joon.agent().post("api/messages", body).expect(200).json();

        assertEquals(Jsons.id(first), Jsons.id(again));
        assertQuotes(again, original, minji, "question");
        assertEquals(2, joon.history(room).size());
    }

    @Test
    void aLiveMessageCarriesItsQuote(App app) {
        ChatUser minji = app.newUser("live");
        ChatUser joon = app.newUser("replier");
        long room = minji.createRoomId(joon);
        JsonObject original = minji.send(room, "anyone there?");
        try (WsClient minjiWs = WsClient.live(app, minji)) {
            JsonObject sent = reply(joon, room, "here", Jsons.id(original));
            JsonObject live = minjiWs.awaitFrame("message.created", carrying(Jsons.id(sent)),
                    "the reply reaches the author of the original").message();
            assertQuotes(live, original, minji, "anyone there?");
            assertTrue(live.getJsonObject("replyTo").containsKey("author"));
        }
    }
}
