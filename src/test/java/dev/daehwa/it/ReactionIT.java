package dev.daehwa.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.daehwa.it.support.App;
import dev.daehwa.it.support.ChatUser;
import dev.daehwa.it.support.Contract;
import dev.daehwa.it.support.DaehwaIT;
import dev.daehwa.it.support.Jsons;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Reactions over the API: PUT and DELETE /api/messages/{id}/reactions/{emoji}, both idempotent,
 * for the room's members only; one emoji per reaction, at most 20 different ones per message, even
 * when two members race for the last place; and how a message's JSON shows them to each reader.
 */
@DaehwaIT
class ReactionIT {

    private static List<JsonObject> reactions(ChatUser reader, long messageId) {
        JsonObject message = reader.agent().get("api/messages/" + messageId).expect(200).json();
        Contract.assertMessage(message);
        return message.getJsonArray("reactions").getValuesAs(JsonObject.class);
    }

    /** Each reaction as "emoji count me", e.g. "👍 2 me", in the message's order. */
    private static List<String> seenBy(ChatUser reader, long messageId) {
        return reactions(reader, messageId).stream()
                .map(r -> r.getString("emoji") + " " + r.getInt("count") + (r.getBoolean("me") ? " me" : ""))
                .toList();
    }

    /** Twenty-one different emoji: 😀 and the twenty after it. */
    private static List<String> emoji(int count) {
        return IntStream.range(0, count).mapToObj(i -> Character.toString(0x1F600 + i)).toList();
    }

    @Test
    void anonymousCallersAreAskedToLogIn(App app) {
        ChatUser minji = app.newUser("reacter");
        long id = minji.sendId(minji.createRoomId(), "hello");
        app.anonymous().send("PUT", ChatUser.reactionPath(id, "👍"), BodyPublishers.noBody(), null).problem(401);
        app.anonymous().delete(ChatUser.reactionPath(id, "👍")).problem(401);
    }

    @Test
    void someoneOutsideTheRoomFindsNoMessageAndChangesNothing(App app) {
        ChatUser minji = app.newUser("reacter");
        ChatUser outsider = app.newUser("outsider");
        long id = minji.sendId(minji.createRoomId(), "hello");
        minji.react(id, "👍").expect(204);

        outsider.react(id, "👍").problem(404);
        outsider.unreact(id, "👍").problem(404);
        outsider.react(Long.MAX_VALUE, "👍").problem(404);
        assertEquals(List.of("👍 1 me"), seenBy(minji, id));
    }

    @Test
    void reactingAndTakingBackAreIdempotent(App app) {
        ChatUser minji = app.newUser("reacter");
        ChatUser joon = app.newUser("joon");
        long id = minji.sendId(minji.createRoomId(joon), "hello");

        joon.react(id, "👍🏽").expect(204);
        joon.react(id, "👍🏽").expect(204);
        assertEquals(List.of("👍🏽 1 me"), seenBy(joon, id), "twice is once");
        assertEquals(List.of("👍🏽 1"), seenBy(minji, id));

        joon.unreact(id, "👍🏽").expect(204);
        joon.unreact(id, "👍🏽").expect(204);
        joon.unreact(id, "🙏").expect(204);
        assertEquals(List.of(), seenBy(joon, id), "an emoji nobody reacts with is gone");
    }

    @Test
    void aReactionIsExactlyOneEmoji(App app) {
        ChatUser minji = app.newUser("reacter");
        long id = minji.sendId(minji.createRoomId(), "hello");
        for (String bad : List.of("👍👍", "👍😂", "ok", "a", "1", "👍a", "\u2764\uFE0E", "<b>", " ")) {
            assertEquals("not-one-emoji", minji.react(id, bad).validationProblem("emoji").getJsonArray("errors")
                    .getJsonObject(0).getString("code"), bad);
            minji.unreact(id, bad).validationProblem("emoji");
        }
        minji.agent().send("PUT", "api/messages/" + id + "/reactions/", BodyPublishers.noBody(), null)
                .validationProblem("emoji");
        minji.agent().delete("api/messages/" + id + "/reactions/").validationProblem("emoji");
        for (String good : List.of("🇰🇷", "1️⃣", "👩🏽‍💻", "❤️")) {
            minji.react(id, good).expect(204);
        }
        assertEquals(List.of("🇰🇷 1 me", "1️⃣ 1 me", "👩🏽‍💻 1 me", "❤️ 1 me"), seenBy(minji, id));
    }

    @Test
    void aMessageCarriesAtMostTwentyDifferentEmoji(App app) {
        ChatUser minji = app.newUser("reacter");
        ChatUser joon = app.newUser("joon");
        long id = minji.sendId(minji.createRoomId(joon), "hello");
        List<String> emoji = emoji(21);
        emoji.subList(0, 20).forEach(e -> minji.react(id, e).expect(204));

        joon.react(id, emoji.get(20)).problem(409);
        joon.react(id, emoji.get(19)).expect(204);
        assertEquals(2, reactions(minji, id).get(19).getInt("count"), "an emoji already there may still be added to");
        minji.unreact(id, emoji.get(0)).expect(204);
        joon.react(id, emoji.get(20)).expect(204);
        assertEquals(20, reactions(minji, id).size());
    }

    /**
     * Two members add the 20th and the 21st different emoji at the same moment, again and again:
     * the message's lock counts them one after the other, so one is refused every time.
     */
    @Test
    void twoMembersRacingForTheLastPlaceNeverMakeTwentyOne(App app) throws Exception {
        ChatUser minji = app.newUser("reacter");
        ChatUser joon = app.newUser("joon");
        ChatUser sora = app.newUser("sora");
        long room = minji.createRoomId(joon, sora);
        List<String> emoji = emoji(21);
        ExecutorService racers = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                long id = minji.sendId(room, "race " + round);
                emoji.subList(0, 19).forEach(e -> minji.react(id, e).expect(204));
                CyclicBarrier start = new CyclicBarrier(2);
                List<Callable<Integer>> both = List.of(
                        () -> { start.await(); return joon.react(id, emoji.get(19)).status(); },
                        () -> { start.await(); return sora.react(id, emoji.get(20)).status(); });
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> status : racers.invokeAll(both)) {
                    statuses.add(status.get());
                }
                assertAll("round " + round + ": " + statuses,
                        () -> assertEquals(1, statuses.stream().filter(s -> s == 204).count(), "one wins"),
                        () -> assertEquals(1, statuses.stream().filter(s -> s == 409).count(), "one is refused"),
                        () -> assertEquals(20, reactions(minji, id).size(), "twenty emoji, never more"));
            }
        } finally {
            racers.shutdownNow();
        }
    }

    @Test
    void aDeletedMessageIsNotFoundAndLosesItsReactions(App app) {
        ChatUser minji = app.newUser("reacter");
        ChatUser joon = app.newUser("joon");
        long room = minji.createRoomId(joon);
        long id = minji.sendId(room, "soon gone");
        joon.react(id, "👀").expect(204);

        minji.agent().delete("api/messages/" + id).expect(204);

        joon.react(id, "👍").problem(404);
        joon.unreact(id, "👀").problem(404);
        assertEquals(List.of(), joon.history(room).stream().filter(m -> Jsons.id(m) == id).toList());
    }

    @Test
    void aDeletedMessagesReactionRowsAreRemovedWithIt(App app) {
        ChatUser minji = app.newUser("reacter");
        long id = minji.sendId(minji.createRoomId(), "soon gone");
        minji.react(id, "👀").expect(204);
        minji.agent().delete("api/messages/" + id).expect(204);
        assertEquals(0, app.appDatabaseQuery("SELECT COUNT(*) FROM message_reaction WHERE message_id = " + id));
    }

    /**
     * Emoji show in the order of each one's first reaction, with their counts; "me" is the
     * reader's own, and the same in history, in one message and after an edit.
     */
    @Test
    void eachReaderSeesTheCountsInFirstReactedOrderAndTheirOwn(App app) {
        ChatUser minji = app.newUser("reacter");
        ChatUser joon = app.newUser("joon");
        ChatUser sora = app.newUser("sora");
        long room = minji.createRoomId(joon, sora);
        long id = minji.sendId(room, "what do you think?");

        minji.react(id, "😂").expect(204);
        joon.react(id, "👍").expect(204);
        joon.react(id, "😂").expect(204);
        sora.react(id, "👍").expect(204);
        sora.react(id, "🙏").expect(204);

        assertAll(
                () -> assertEquals(List.of("😂 2 me", "👍 2", "🙏 1"), seenBy(minji, id)),
                () -> assertEquals(List.of("😂 2 me", "👍 2 me", "🙏 1"), seenBy(joon, id)),
                () -> assertEquals(List.of("😂 2", "👍 2 me", "🙏 1 me"), seenBy(sora, id)));
        JsonObject laughing = reactions(sora, id).getFirst();
        assertEquals(List.of(minji.id(), joon.id()),
                laughing.getJsonArray("reactors").getValuesAs(JsonObject.class).stream().map(Jsons::id).toList(),
                "the reactors in the order they reacted");
        Contract.assertUser(laughing.getJsonArray("reactors").getJsonObject(0), minji);

        JsonObject inHistory = joon.history(room).getLast();
        assertEquals(reactions(joon, id), inHistory.getJsonArray("reactions").getValuesAs(JsonObject.class));
        JsonObject edited = minji.agent().patch("api/messages/" + id, Jsons.object("content", "well?")).expect(200).json();
        assertEquals(reactions(minji, id), edited.getJsonArray("reactions").getValuesAs(JsonObject.class));

        minji.unreact(id, "😂").expect(204);
        joon.unreact(id, "😂").expect(204);
        assertEquals(List.of("👍 2 me", "🙏 1"), seenBy(joon, id), "an emoji whose reactors are all gone is gone");
    }

    /** Ten reactors are named; the count tells the rest, and a later reactor still sees their own. */
    @Test
    void aPopularEmojiNamesItsFirstTenReactors(App app) {
        ChatUser minji = app.newUser("reacter");
        List<ChatUser> members = IntStream.range(0, 12).mapToObj(i -> app.newUser("fan")).toList();
        long id = minji.sendId(minji.createRoomId(members.toArray(ChatUser[]::new)), "vote");
        members.forEach(member -> member.react(id, "✅").expect(204));

        JsonObject seenByLast = reactions(members.getLast(), id).getFirst();
        assertAll(
                () -> assertEquals(12, seenByLast.getInt("count")),
                () -> assertEquals(true, seenByLast.getBoolean("me"), "the twelfth reactor is one of them"),
                () -> assertEquals(members.subList(0, 10).stream().map(ChatUser::id).toList(),
                        seenByLast.getJsonArray("reactors").getValuesAs(JsonObject.class).stream().map(Jsons::id).toList()));
        assertEquals(List.of("✅ 12"), seenBy(minji, id));
    }
}
