package dev.daehwa.it;

import static dev.daehwa.it.support.Jsons.object;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;

import dev.daehwa.it.support.App;
import dev.daehwa.it.support.ChatUser;
import dev.daehwa.it.support.Contract;
import dev.daehwa.it.support.DaehwaIT;
import dev.daehwa.it.support.Jsons;
import dev.daehwa.it.support.Response;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

/** Posting, reading, paging, editing and deleting messages, and clientMessageId retries. */
@DaehwaIT
class MessageIT {

    @Test
    void postedMessageHasTheFullShape(App app) {
        ChatUser alice = app.newUser("poster");
        long room = alice.createRoomId();

        Response response = alice.agent().post("api/messages", object("roomId", room, "content", "hello, world"));

        JsonObject message = response.expect(201).json();
        Contract.assertMessage(message);
        assertAll(
                () -> assertEquals(room, message.getJsonNumber("roomId").longValueExact()),
                () -> assertEquals(1, message.getInt("seq")),
                () -> Contract.assertUser(message.getJsonObject("sender"), alice),
                () -> assertEquals("hello, world", message.getString("content")),
                () -> assertEquals("<p>hello, world</p>", message.getString("html")),
                () -> assertEquals(JsonValue.NULL, message.get("editedAt")),
                () -> assertEquals(JsonValue.NULL, message.get("clientMessageId")),
                () -> assertEquals("hello, world", message.getString("snippet")),
                () -> Contract.assertMayDo(message, true, true, "its sender, the room's owner"));
    }

    /**
     * Each message says what its reader may do to it, by the same rules that refuse anything
     * else: the sender edits and deletes, the room's owner deletes, any other member neither.
     * Every way a message is read says the same.
     */
    @Test
    void aMessageSaysWhatItsReaderMayDoToIt(App app) {
        ChatUser owner = app.newUser("permowner");
        ChatUser sender = app.newUser("permsender");
        ChatUser other = app.newUser("permother");
        long room = owner.createRoomId(sender, other);
        JsonObject posted = sender.send(room, "who may touch this?");
        long id = Jsons.id(posted);
        JsonObject edited = sender.agent().patch("api/messages/" + id, object("content", "who may touch this now?"))
                .expect(200).json();

        Contract.assertMayDo(posted, true, true, "the sender, in the POST answer");
        Contract.assertMayDo(edited, true, true, "the sender, in the PATCH answer");
        record Reader(ChatUser user, boolean mayEdit, boolean mayDelete) {
        }
        for (Reader reader : List.of(new Reader(sender, true, true), new Reader(owner, false, true),
                new Reader(other, false, false))) {
            ChatUser user = reader.user();
            String who = user.username();
            Contract.assertMayDo(user.agent().get("api/messages/" + id).expect(200).json(),
                    reader.mayEdit(), reader.mayDelete(), who + ", GET /api/messages/{id}");
            Contract.assertMayDo(user.history(room).getFirst(), reader.mayEdit(), reader.mayDelete(), who + ", history");
            Contract.assertMayDo(user.room(room).getJsonObject("latestMessage"), reader.mayEdit(), reader.mayDelete(),
                    who + ", the room's latestMessage");
            Contract.assertMayDo(user.rooms().getFirst().getJsonObject("latestMessage"), reader.mayEdit(),
                    reader.mayDelete(), who + ", the room list's latestMessage");
        }
        other.agent().patch("api/messages/" + id, object("content", "hijacked")).problem(403);
        other.agent().delete("api/messages/" + id).problem(403);
        owner.agent().patch("api/messages/" + id, object("content", "moderated")).problem(403);
        owner.agent().delete("api/messages/" + id).expect(204);
    }

    /** The room list's line for the latest message comes from the server: one rule for every client. */
    @Test
    void aMessageCarriesItsSnippetForLists(App app) {
        ChatUser alice = app.newUser("snippet");
        long room = alice.createRoomId();
        String longKorean = "  오늘은\n\n날씨가   좋네요 🌤️ " + "산책 가요 ".repeat(20);

        JsonObject message = alice.send(room, longKorean);

        String snippet = message.getString("snippet");
        assertAll(
                () -> assertTrue(snippet.startsWith("오늘은 날씨가 좋네요 🌤️ 산책 가요"), snippet),
                () -> assertEquals(81, snippet.codePointCount(0, snippet.length()), "80 code points and …: " + snippet),
                () -> assertTrue(snippet.endsWith("…"), snippet),
                () -> assertEquals(snippet, alice.rooms().getFirst().getJsonObject("latestMessage").getString("snippet")));
    }

    @Test
    void koreanAndEmojiRoundTripAsUtf8(App app) {
        ChatUser alice = app.newUser("utf8");
        long room = alice.createRoomId();
        String content = "안녕하세요, 대화! 👋 ünïcödé — 漢字";

        long id = alice.sendId(room, content);

        JsonObject stored = alice.agent().get("api/messages/" + id).expect(200).json();
        assertEquals(content, stored.getString("content"));
        assertEquals("<p>" + content + "</p>", stored.getString("html"));
    }

    @Test
    void seqCountsPerRoom(App app) {
        ChatUser alice = app.newUser("seq");
        long first = alice.createRoomId();
        long second = alice.createRoomId();

        List<Integer> seqs = List.of(
                alice.send(first, "a").getInt("seq"),
                alice.send(first, "b").getInt("seq"),
                alice.send(second, "c").getInt("seq"),
                alice.send(first, "d").getInt("seq"));

        assertEquals(List.of(1, 2, 1, 3), seqs);
    }

    @Test
    void getMessageAnswersItForAnyMember(App app) {
        ChatUser alice = app.newUser("getmsg");
        ChatUser bob = app.newUser("getmsgbob");
        long room = alice.createRoomId(bob);
        JsonObject sent = alice.send(room, "readable");

        JsonObject read = bob.agent().get("api/messages/" + Jsons.id(sent)).expect(200).json();

        Contract.assertMessage(read);
        assertEquals(Contract.asSeenWith(sent, false, false), read, "the same message, with what bob may do to it");
    }

    @Test
    void historyPagesBackwardsAndForwardsBySeq(App app) {
        ChatUser alice = app.newUser("pages");
        long room = alice.createRoomId();
        IntStream.rangeClosed(1, 7).forEach(i -> alice.send(room, "message " + i));

        assertPage(alice, "api/messages?room=" + room + "&limit=3", List.of(5, 6, 7), true);
        assertPage(alice, "api/messages?room=" + room + "&before=5&limit=3", List.of(2, 3, 4), true);
        assertPage(alice, "api/messages?room=" + room + "&before=2&limit=3", List.of(1), false);
        assertPage(alice, "api/messages?room=" + room + "&after=4&limit=2", List.of(5, 6), true);
        assertPage(alice, "api/messages?room=" + room + "&after=5&limit=2", List.of(6, 7), false);
        assertPage(alice, "api/messages?room=" + room + "&after=7", List.of(), false);
        assertPage(alice, "api/messages?room=" + room, List.of(1, 2, 3, 4, 5, 6, 7), false);
    }

    @Test
    void historyMessagesHaveTheFullShape(App app) {
        ChatUser alice = app.newUser("shape");
        long room = alice.createRoomId();
        alice.send(room, "one");

        List<JsonObject> history = alice.history(room);

        assertEquals(1, history.size());
        Contract.assertMessage(history.getFirst());
    }

    @Test
    void pageSizeDefaultsTo50AndNeverExceeds200(App app) {
        ChatUser alice = app.newUser("limit");
        long room = alice.createRoomId();
        var script = alice.bearerAgent();
        IntStream.rangeClosed(1, 205).forEach(i ->
                script.post("api/messages", object("roomId", room, "content", "bulk " + i)).expect(201));

        JsonObject byDefault = alice.agent().get("api/messages?room=" + room).expect(200).json();
        JsonObject max = alice.agent().get("api/messages?room=" + room + "&limit=200").expect(200).json();
        Response tooMany = alice.agent().get("api/messages?room=" + room + "&limit=500");

        assertEquals(50, byDefault.getJsonArray("messages").size());
        assertTrue(byDefault.getBoolean("hasMore"));
        assertEquals(200, max.getJsonArray("messages").size());
        assertEquals(206 - 200, max.getJsonArray("messages").getJsonObject(0).getInt("seq"));
        assertTrue(max.getBoolean("hasMore"));
        if (tooMany.status() == 400) {
            tooMany.problem(400);
        } else {
            int returned = tooMany.expect(200).json().getJsonArray("messages").size();
            assertTrue(returned <= 200, "limit=500 returned " + returned + " messages");
        }
    }

    @Test
    void senderEditsAMessage(App app) {
        ChatUser alice = app.newUser("editor");
        ChatUser bob = app.newUser("reader");
        long room = alice.createRoomId(bob);
        JsonObject sent = alice.send(room, "tpyo");

        JsonObject edited = alice.agent().patch("api/messages/" + Jsons.id(sent), object("content", "typo <fixed>"))
                .expect(200).json();

        Contract.assertMessage(edited);
        JsonObject seenByBob = bob.agent().get("api/messages/" + Jsons.id(sent)).expect(200).json();
        assertAll(
                () -> assertEquals("typo <fixed>", edited.getString("content")),
                () -> assertEquals("<p>typo &lt;fixed&gt;</p>", edited.getString("html")),
                () -> assertNotEquals(JsonValue.NULL, edited.get("editedAt")),
                () -> Contract.assertUtc(edited, "editedAt"),
                () -> assertEquals(sent.getInt("seq"), edited.getInt("seq")),
                () -> assertEquals(sent.getString("createdAt"), edited.getString("createdAt")),
                () -> assertEquals("typo <fixed>", seenByBob.getString("content")),
                () -> assertEquals(edited.getString("editedAt"), seenByBob.getString("editedAt")),
                () -> assertEquals("typo <fixed>", bob.history(room).getFirst().getString("content")));
    }

    @Test
    void editToBlankContentIs400AndKeepsTheMessage(App app) {
        ChatUser alice = app.newUser("blankedit");
        long room = alice.createRoomId();
        long id = alice.sendId(room, "keep me");

        alice.agent().patch("api/messages/" + id, object("content", "   ")).validationProblem("content");

        JsonObject stored = alice.agent().get("api/messages/" + id).expect(200).json();
        assertEquals("keep me", stored.getString("content"));
        assertEquals(JsonValue.NULL, stored.get("editedAt"));
    }

    @Test
    void deletedMessageDisappearsFromHistoryAndLatestMessage(App app) {
        ChatUser alice = app.newUser("deleter");
        ChatUser bob = app.newUser("witness");
        long room = alice.createRoomId(bob);
        JsonObject first = alice.send(room, "first");
        JsonObject second = alice.send(room, "second");

        alice.agent().delete("api/messages/" + Jsons.id(second)).expect(204);

        assertAll(
                () -> bob.agent().get("api/messages/" + Jsons.id(second)).problem(404),
                () -> assertEquals(List.of(Jsons.id(first)), bob.history(room).stream().map(Jsons::id).toList()),
                () -> assertEquals(Jsons.id(first), Jsons.id(bob.room(room).getJsonObject("latestMessage"))),
                () -> assertEquals(Jsons.id(first), Jsons.id(bob.rooms().getFirst().getJsonObject("latestMessage"))),
                () -> alice.agent().patch("api/messages/" + Jsons.id(second), object("content", "undead")).problem(404),
                () -> alice.agent().delete("api/messages/" + Jsons.id(second)).problem(404));

        alice.agent().delete("api/messages/" + Jsons.id(first)).expect(204);
        assertEquals(JsonValue.NULL, bob.room(room).get("latestMessage"));
        assertTrue(bob.history(room).isEmpty());
    }

    @Test
    void seqIsNeverReusedAfterADelete(App app) {
        ChatUser alice = app.newUser("noreuse");
        long room = alice.createRoomId();
        alice.send(room, "one");
        long two = alice.sendId(room, "two");
        alice.agent().delete("api/messages/" + two).expect(204);

        assertEquals(3, alice.send(room, "three").getInt("seq"));
    }

    @Test
    void retryWithTheSameClientMessageIdAnswersTheOriginal(App app) {
        ChatUser alice = app.newUser("retry");
        long room = alice.createRoomId();
        JsonObject body = object("roomId", room, "content", "only once", "clientMessageId", "c-42");

        JsonObject original = alice.agent().post("api/messages", body).expect(201).json();
        JsonObject retried = alice.agent().post("api/messages", body).expectOneOf(200, 201).json();

        assertEquals(Jsons.id(original), Jsons.id(retried));
        assertEquals("c-42", original.getString("clientMessageId"));
        assertEquals(original.getInt("seq"), retried.getInt("seq"));
        assertEquals(1, alice.history(room).size());
    }

    @Test
    void clientMessageIdBelongsToItsSender(App app) {
        ChatUser alice = app.newUser("cmidA");
        ChatUser bob = app.newUser("cmidB");
        long room = alice.createRoomId(bob);

        JsonObject fromAlice = alice.agent().post("api/messages",
                object("roomId", room, "content", "from alice", "clientMessageId", "same")).expect(201).json();
        JsonObject fromBob = bob.agent().post("api/messages",
                object("roomId", room, "content", "from bob", "clientMessageId", "same")).expect(201).json();

        assertNotEquals(Jsons.id(fromAlice), Jsons.id(fromBob));
        assertEquals("from bob", fromBob.getString("content"));
        assertEquals(2, alice.history(room).size());
    }

    @Test
    void contentOfExactly10000CharactersIsAccepted(App app) {
        ChatUser alice = app.newUser("long");
        long room = alice.createRoomId();
        String content = "가".repeat(5000) + "a".repeat(5000);

        JsonObject message = alice.send(room, content);

        assertEquals(content, alice.agent().get("api/messages/" + Jsons.id(message)).expect(200).json().getString("content"));
    }

    private static void assertPage(ChatUser user, String path, List<Integer> seqs, boolean hasMore) {
        JsonObject page = user.agent().get(path).expect(200).json();
        List<Integer> actual = page.getJsonArray("messages").stream()
                .map(message -> message.asJsonObject().getInt("seq"))
                .toList();
        assertEquals(seqs, actual, path);
        assertEquals(hasMore, page.getBoolean("hasMore"), "hasMore of " + path);
    }

    /**
     * A post's membership check comes before the room's row lock, so someone outside the room can
     * never queue on the lock its members' posts need. Seen in the statements: the outsider's post
     * locks nothing, a member's locks the room.
     */
    @Test
    void aNonMembersPostTakesNoLock(App app) {
        ChatUser alice = app.newUser("locker");
        ChatUser outsider = app.newUser("lockout");
        long room = alice.createRoomId();

        Response refused = outsider.agent().post("api/messages", object("roomId", room, "content", "let me in"));
        Response posted = alice.agent().post("api/messages", object("roomId", room, "content", "members only"));
        Response added = alice.agent().post("api/rooms/" + room + "/users", object("username", alice.username()));
        Response refusedAdd = outsider.agent().post("api/rooms/" + room + "/users", object("username", outsider.username()));

        refused.problem(404);
        posted.expect(201);
        added.expect(200);
        refusedAdd.problem(404);
        assertAll(
                () -> assertEquals(0, refused.sqlLocks(), "a non-member's post locked rows"),
                () -> assertEquals(0, refusedAdd.sqlLocks(), "a non-member's adding locked rows"),
                () -> assertTrue(posted.sqlLocks() >= 1, "a member's post locked nothing: the count is broken"),
                () -> assertTrue(added.sqlLocks() >= 1, "a member's adding locked nothing: the count is broken"),
                () -> assertEquals(1, posted.json().getInt("seq")));
    }
}
