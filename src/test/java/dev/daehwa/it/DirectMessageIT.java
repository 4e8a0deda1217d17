package dev.daehwa.it;

import static dev.daehwa.it.support.Jsons.object;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.daehwa.it.support.App;
import dev.daehwa.it.support.ChatUser;
import dev.daehwa.it.support.Contract;
import dev.daehwa.it.support.DaehwaIT;
import dev.daehwa.it.search.Searcher;
import dev.daehwa.it.support.Jsons;
import dev.daehwa.it.support.WsClient;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

/** POST /api/direct: two people's one conversation, named for the other, ownerless, closed to everyone else. */
@DaehwaIT
class DirectMessageIT {

    @Test
    void theFirstCallOpensTheRoomAndEveryLaterOneFromEitherSideGetsTheSame(App app) {
        ChatUser alice = app.newUser("dmopen");
        ChatUser bob = app.newUser("dmother");

        JsonObject opened = open(alice, bob).expect(201).json();
        JsonObject again = open(alice, bob).expect(200).json();
        JsonObject fromBob = open(bob, alice).expect(200).json();

        Contract.assertRoom(opened);
        assertAll(
                () -> assertEquals(Jsons.id(opened), Jsons.id(again)),
                () -> assertEquals(Jsons.id(opened), Jsons.id(fromBob)),
                () -> assertEquals("direct", opened.getString("kind")),
                () -> assertEquals(List.of(alice.username(), bob.username()).stream().sorted().toList(),
                        Contract.memberNames(opened)),
                () -> assertEquals(JsonValue.NULL, opened.get("owner"), "nobody owns a direct room"),
                () -> assertEquals(1, alice.rooms().size()),
                () -> assertEquals(1, bob.rooms().size(), "the other person has it too, without asking"));
    }

    @Test
    void eachPersonSeesTheRoomNamedForTheOtherEverywhere(App app) {
        ChatUser alice = app.newUser(App.uniqueUsername("dmnames"), "앨리스 김");
        ChatUser bob = app.newUser(App.uniqueUsername("dmnames"), "Bob Park");
        long room = Jsons.id(open(alice, bob).expect(201).json());
        long sent = alice.sendId(room, "서울에서 만나요 directly");
        new Searcher(bob).awaitExactly("서울", Duration.ofSeconds(20), Set.of(sent));

        JsonObject aliceSees = alice.room(room);
        JsonObject bobSees = bob.room(room);
        JsonObject bobLists = bob.rooms().getFirst();
        JsonObject found = bob.agent().get("api/search?q=" + URLEncoder.encode("서울", StandardCharsets.UTF_8))
                .expect(200).json().getJsonArray("results").getJsonObject(0);
        assertAll(
                () -> assertEquals("Bob Park", aliceSees.getString("name")),
                () -> Contract.assertUser(aliceSees.getJsonObject("with"), bob),
                () -> assertEquals("앨리스 김", bobSees.getString("name")),
                () -> Contract.assertUser(bobSees.getJsonObject("with"), alice),
                () -> assertEquals("앨리스 김", bobLists.getString("name")),
                () -> assertEquals("direct", bobLists.getString("kind")),
                () -> assertEquals("앨리스 김", found.getJsonObject("room").getString("name")));
    }

    @Test
    void eachPersonsLiveFramesNameTheRoomForTheOther(App app) {
        ChatUser alice = app.newUser(App.uniqueUsername("dmlive"), "Alice Live");
        ChatUser bob = app.newUser(App.uniqueUsername("dmliveb"), "밥 실시간");
        try (WsClient aliceWs = WsClient.live(app, alice); WsClient bobWs = WsClient.live(app, bob)) {
            long room = alice.openDirectId(bob);
            alice.send(room, "ping");
            alice.send(room, "pong");

            JsonObject bobGets = bobWs.awaitFrame("room.updated", frame -> Jsons.id(frame.getJsonObject("room")) == room,
                    "the other person learns of the room").json().getJsonObject("room");
            JsonObject aliceGets = aliceWs.awaitFrame("room.updated", frame -> Jsons.id(frame.getJsonObject("room")) == room,
                    "the opener learns of the room").json().getJsonObject("room");
            bob.agent().post("api/rooms/" + room + "/read", object("seq", 1)).expect(204);
            JsonObject unread = bobWs.awaitFrame("unread", frame -> frame.getJsonNumber("roomId").longValue() == room
                    && frame.getInt("lastReadSeq") == 1, "bob read the first message").json();
            bob.agent().post("api/rooms/" + room + "/read", object("seq", 2)).expect(204);
            JsonObject read = bobWs.awaitFrame("unread", frame -> frame.getJsonNumber("roomId").longValue() == room
                    && frame.getInt("lastReadSeq") == 2, "bob read both").json();

            assertAll(
                    () -> assertEquals("Alice Live", bobGets.getString("name")),
                    () -> Contract.assertUser(bobGets.getJsonObject("with"), alice),
                    () -> assertEquals("밥 실시간", aliceGets.getString("name")),
                    () -> assertEquals("direct", aliceGets.getString("kind")),
                    () -> assertEquals(1, unread.getInt("unreadCount")),
                    () -> assertEquals(1, unread.getInt("mentionCount"), "an unread direct message is a mention: " + unread),
                    () -> assertEquals(0, read.getInt("mentionCount")));
        }
    }

    @Test
    void aGroupRoomSaysItIsOneAndHasNobodyInWith(App app) {
        ChatUser alice = app.newUser("dmgroup");
        JsonObject room = alice.createRoom("Just a room");

        assertAll(
                () -> assertEquals("group", room.getString("kind")),
                () -> assertEquals(JsonValue.NULL, room.get("with")),
                () -> assertEquals("group", alice.rooms().getFirst().getString("kind")));
    }

    @Test
    void nobodyOpensOneWithThemselvesOrWithSomeoneWhoDoesNotExist(App app) {
        ChatUser alice = app.newUser("dmself");

        open(alice, alice.username()).validationProblem("username");
        open(alice, alice.username().toUpperCase(java.util.Locale.ROOT)).validationProblem("username");
        open(alice, App.uniqueUsername("nobody")).problem(404);
        alice.agent().post("api/direct", object("username", "")).validationProblem("username");
        alice.agent().post("api/direct").problem(400);

        assertTrue(alice.rooms().isEmpty(), "nothing half-stored");
    }

    @Test
    void anAnonymousCallerIsAskedToAuthenticate(App app) {
        ChatUser bob = app.newUser("dmanon");

        app.anonymous().post("api/direct", object("username", bob.username())).problem(401);
    }

    @Test
    void nobodyJoinsLeavesOrIsAddedToOrRemovedFromADirectRoom(App app) {
        ChatUser alice = app.newUser("dmclosed");
        ChatUser bob = app.newUser("dmclosedb");
        ChatUser carol = app.newUser("dmcarol");
        long room = Jsons.id(open(alice, bob).expect(201).json());
        String path = "api/rooms/" + room + "/users";

        assertAll(
                () -> alice.agent().post(path, object("username", carol.username())).problem(409),
                () -> alice.agent().post(path, object("username", bob.username())).problem(409),
                () -> bob.agent().post(path, object("username", bob.username())).problem(409),
                () -> alice.agent().delete(path + "/" + bob.username()).problem(409),
                () -> alice.agent().delete(path + "/" + alice.username()).problem(409),
                () -> bob.agent().delete(path + "/" + bob.username()).problem(409),
                () -> carol.agent().post(path, object("username", carol.username())).problem(404));
        assertEquals(List.of(alice.username(), bob.username()).stream().sorted().toList(),
                Contract.memberNames(alice.room(room)));
        assertTrue(carol.rooms().isEmpty());
    }

    @Test
    void nobodyHasOwnerPowersInADirectRoom(App app) {
        ChatUser alice = app.newUser("dmowner");
        ChatUser bob = app.newUser("dmownerb");
        long room = Jsons.id(open(alice, bob).expect(201).json());
        long bobsMessage = bob.sendId(room, "only I may delete this");
        JsonObject alicesMessage = alice.send(room, "mine");

        assertAll(
                () -> alice.agent().patch("api/rooms/" + room, object("name", "Renamed")).problem(409),
                () -> bob.agent().patch("api/rooms/" + room, object("description", "ours")).problem(409),
                () -> alice.agent().delete("api/rooms/" + room).problem(409),
                () -> alice.agent().delete("api/messages/" + bobsMessage).problem(403),
                () -> Contract.assertMayDo(alicesMessage, true, true, "its sender"),
                () -> Contract.assertMayDo(alice.history(room).getFirst(), false, false, "the opener"));
        assertEquals(2, bob.history(room).size());
        assertEquals(bob.displayName(), alice.room(room).getString("name"));
    }

    @Test
    void twoFirstCallsAtTheSameMomentMakeOneRoom(App app) throws Exception {
        for (int round = 0; round < 3; round++) {
            ChatUser alice = app.newUser("dmrace");
            ChatUser bob = app.newUser("dmraceb");

            List<JsonObject> answers = ConcurrencyIT.runAtOnce(8, thread -> {
                var answer = thread % 2 == 0 ? open(alice, bob) : open(bob, alice);
                return object("status", answer.expectOneOf(200, 201).status(), "id", Jsons.id(answer.json()));
            });

            Set<Long> ids = answers.stream().map(a -> a.getJsonNumber("id").longValue()).collect(Collectors.toSet());
            long created = answers.stream().filter(a -> a.getInt("status") == 201).count();
            assertEquals(1, ids.size(), "one room for both people: " + answers);
            assertEquals(1, created, "exactly one call opened it: " + answers);
            assertEquals(1, alice.rooms().size());
            assertEquals(1, bob.rooms().size());
        }
    }

    @Test
    void everyUnreadMessageInADirectRoomCountsAsAMention(App app) {
        ChatUser alice = app.newUser("dmmention");
        ChatUser bob = app.newUser("dmmentionb");
        long room = Jsons.id(open(alice, bob).expect(201).json());
        alice.send(room, "one");
        alice.send(room, "two");

        JsonObject listed = bob.rooms().getFirst();
        assertAll(
                () -> assertEquals(2, listed.getInt("unreadCount")),
                () -> assertEquals(2, listed.getInt("mentionCount")),
                () -> assertEquals(2, bob.room(room).getInt("mentionCount")),
                () -> assertEquals(0, alice.room(room).getInt("mentionCount")));
        bob.agent().post("api/rooms/" + room + "/read", object("seq", 2)).expect(204);
        assertEquals(0, bob.rooms().getFirst().getInt("mentionCount"));
        assertFalse(bob.rooms().isEmpty());
    }

    @Test
    void theOpenApiDocumentDescribesDirectRooms(App app) {
        String document = app.anonymous().exchange(java.net.http.HttpRequest.newBuilder(app.serverRoot().resolve("openapi"))
                .header("Accept", "application/yaml, application/json, text/plain, */*").GET().build()).expect(200).body();

        assertAll(
                () -> assertTrue(document.contains("/api/direct"), "no /api/direct in:\n" + document),
                () -> assertTrue(document.matches("(?s).*(\\bwith:|\"with\" ?:).*"), "no with property in:\n" + document),
                () -> assertFalse(document.contains("withUser"), "the Java name leaks into the schema:\n" + document),
                () -> assertTrue(document.matches("(?s).*(- direct\\b|\"direct\" ?\\]).*"), "kind's values are not listed"));
    }

    private static dev.daehwa.it.support.Response open(ChatUser caller, ChatUser other) {
        return open(caller, other.username());
    }

    private static dev.daehwa.it.support.Response open(ChatUser caller, String username) {
        return caller.agent().post("api/direct", object("username", username));
    }
}
