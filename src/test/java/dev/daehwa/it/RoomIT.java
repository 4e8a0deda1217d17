package dev.daehwa.it;

import static dev.daehwa.it.support.Jsons.object;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import dev.daehwa.it.support.App;
import dev.daehwa.it.support.ChatUser;
import dev.daehwa.it.support.Contract;
import dev.daehwa.it.support.DaehwaIT;
import dev.daehwa.it.support.Jsons;
import dev.daehwa.it.support.Response;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

/** Creating, listing, reading, renaming and archiving rooms. */
@DaehwaIT
class RoomIT {

    @Test
    void createdRoomHasMeAsOwnerAndMemberWithTheListedMembers(App app) {
        ChatUser alice = app.newUser("alice");
        ChatUser bob = app.newUser("bob");

        Response created = alice.agent().post("api/rooms", object(
                "name", "프로젝트 Daehwa", "description", "where we talk", "members", List.of(bob.username())));

        JsonObject room = created.expect(201).json();
        Contract.assertRoom(room);
        assertAll(
                () -> assertEquals("프로젝트 Daehwa", room.getString("name")),
                () -> assertEquals("where we talk", room.getString("description")),
                () -> Contract.assertUser(room.getJsonObject("owner"), alice),
                () -> assertEquals(List.of(alice.username(), bob.username()).stream().sorted().toList(), Contract.memberNames(room)),
                () -> assertEquals(JsonValue.NULL, room.get("latestMessage")),
                () -> assertEquals(0, room.getInt("unreadCount")),
                () -> assertEquals(0, room.getInt("lastReadSeq")));
    }

    @Test
    void descriptionAndMembersAreOptional(App app) {
        ChatUser alice = app.newUser("minimal");

        JsonObject room = alice.agent().post("api/rooms", object("name", "just a name")).expect(201).json();

        Contract.assertRoom(room);
        assertEquals(List.of(alice.username()), Contract.memberNames(room));
    }

    @Test
    void roomWithoutNameIs400AndNotCreated(App app) {
        ChatUser alice = app.newUser("noname");

        alice.agent().post("api/rooms", object("description", "nameless")).validationProblem("name");

        assertTrue(alice.rooms().isEmpty());
    }

    @Test
    void unknownUsernameInMembersIs400AndCreatesNothing(App app) {
        ChatUser alice = app.newUser("unk");
        ChatUser bob = app.newUser("unkbob");
        alice.createRoomId(bob);

        alice.agent().post("api/rooms", object("name", "half valid",
                "members", List.of(bob.username(), App.uniqueUsername("nobody")))).validationProblem("members");

        assertEquals(1, alice.rooms().size(), "a room was created despite the 400");
        assertEquals(1, bob.rooms().size(), "bob was added to a room despite the 400");
    }

    @Test
    void getRoomAnswersTheRoom(App app) {
        ChatUser alice = app.newUser("get");
        ChatUser bob = app.newUser("getbob");
        JsonObject created = alice.createRoom("readable", bob);

        JsonObject asOwner = alice.room(Jsons.id(created));
        JsonObject asMember = bob.room(Jsons.id(created));

        Contract.assertRoom(asOwner);
        Contract.assertRoom(asMember);
        assertEquals("readable", asMember.getString("name"));
        assertEquals(created.getString("createdAt"), asOwner.getString("createdAt"));
        Contract.assertUser(asMember.getJsonObject("owner"), alice);
    }

    @Test
    void listShowsOnlyMyRoomsWithTheirShape(App app) {
        ChatUser alice = app.newUser("mine");
        ChatUser bob = app.newUser("minebob");
        ChatUser carol = app.newUser("outsider");
        long shared = alice.createRoomId(bob);
        long private_ = alice.createRoomId();
        long carols = carol.createRoomId();

        List<JsonObject> alices = alice.rooms();
        List<JsonObject> bobs = bob.rooms();

        alices.forEach(Contract::assertRoom);
        assertEquals(List.of(private_, shared).stream().sorted().toList(), ids(alices).stream().sorted().toList());
        assertEquals(List.of(shared), ids(bobs));
        assertFalse(ids(alices).contains(carols));
    }

    @Test
    void listIsOrderedByMostRecentActivity(App app) {
        ChatUser alice = app.newUser("order");
        long first = alice.createRoomId();
        long second = alice.createRoomId();
        long third = alice.createRoomId();

        assertEquals(List.of(third, second, first), ids(alice.rooms()), "newest room first");

        alice.send(first, "wake up");
        assertEquals(List.of(first, third, second), ids(alice.rooms()), "a new message moves its room to the top");
    }

    @Test
    void listAndRoomShowTheLatestMessage(App app) {
        ChatUser alice = app.newUser("latest");
        ChatUser bob = app.newUser("latestbob");
        long room = alice.createRoomId(bob);
        alice.send(room, "first");
        JsonObject last = bob.send(room, "second");

        JsonObject inList = alice.rooms().getFirst().getJsonObject("latestMessage");
        JsonObject inRoom = alice.room(room).getJsonObject("latestMessage");

        Contract.assertMessage(inList);
        assertEquals(Jsons.id(last), Jsons.id(inList));
        assertEquals("second", inList.getString("content"));
        assertEquals(Jsons.id(last), Jsons.id(inRoom));
    }

    @Test
    void ownerRenamesAndRedescribesTheRoom(App app) {
        ChatUser alice = app.newUser("rename");
        ChatUser bob = app.newUser("renamebob");
        JsonObject created = alice.agent().post("api/rooms", object("name", "old", "description", "old text",
                "members", List.of(bob.username()))).expect(201).json();
        long room = Jsons.id(created);

        JsonObject renamed = alice.agent().patch("api/rooms/" + room, object("name", "new")).expect(200).json();
        JsonObject redescribed = alice.agent().patch("api/rooms/" + room, object("description", "new text")).expect(200).json();

        Contract.assertRoom(renamed);
        assertAll(
                () -> assertEquals("new", renamed.getString("name")),
                () -> assertEquals("old text", renamed.getString("description"), "an absent field must stay unchanged"),
                () -> assertEquals("new", redescribed.getString("name")),
                () -> assertEquals("new text", redescribed.getString("description")),
                () -> assertEquals("new", bob.room(room).getString("name"), "members see the new name"),
                () -> assertFalse(Instant.parse(redescribed.getString("updatedAt"))
                        .isBefore(Instant.parse(created.getString("updatedAt")))));
    }

    @Test
    void archivedRoomIsGoneForEveryone(App app) {
        ChatUser alice = app.newUser("archive");
        ChatUser bob = app.newUser("archivebob");
        long room = alice.createRoomId(bob);
        long message = bob.sendId(room, "before the end");

        alice.agent().delete("api/rooms/" + room).expect(204);

        assertAll(
                () -> assertFalse(ids(alice.rooms()).contains(room)),
                () -> assertFalse(ids(bob.rooms()).contains(room)),
                () -> alice.agent().get("api/rooms/" + room).problem(404),
                () -> bob.agent().get("api/rooms/" + room).problem(404),
                () -> bob.agent().get("api/messages?room=" + room).problem(404),
                () -> bob.agent().get("api/messages/" + message).problem(404),
                () -> bob.agent().post("api/messages", object("roomId", room, "content", "anyone?")).problem(404),
                () -> alice.agent().delete("api/rooms/" + room).problem(404));
    }

    @Test
    void nonexistentRoomIs404(App app) {
        app.newUser("nothing").agent().get("api/rooms/987654321").problem(404);
    }

    private static List<Long> ids(List<JsonObject> rooms) {
        return rooms.stream().map(Jsons::id).toList();
    }
}
