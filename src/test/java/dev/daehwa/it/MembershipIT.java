package dev.daehwa.it;

import static dev.daehwa.it.support.Jsons.object;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

import dev.daehwa.it.support.App;
import dev.daehwa.it.support.ChatUser;
import dev.daehwa.it.support.Contract;
import dev.daehwa.it.support.DaehwaIT;
import dev.daehwa.it.support.Jsons;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/** Who may add and remove whom, and what a new member sees. */
@DaehwaIT
class MembershipIT {

    @Test
    void anyMemberMayAddAUserWhoThenSeesTheRoom(App app) {
        ChatUser alice = app.newUser("owner");
        ChatUser bob = app.newUser("member");
        ChatUser carol = app.newUser("newcomer");
        long room = alice.createRoomId(bob);

        JsonObject answered = bob.agent().post("api/rooms/" + room + "/users", object("username", carol.username()))
                .expect(200).json();

        Contract.assertRoom(answered);
        assertEquals(sorted(alice, bob, carol), Contract.memberNames(answered));
        assertTrue(carol.rooms().stream().anyMatch(r -> Jsons.id(r) == room));
        assertEquals(sorted(alice, bob, carol), Contract.memberNames(carol.room(room)));
    }

    @Test
    void addingAnExistingMemberIsANoOp(App app) {
        ChatUser alice = app.newUser("noop");
        ChatUser bob = app.newUser("noopbob");
        long room = alice.createRoomId(bob);
        alice.send(room, "hi");
        bob.agent().post("api/rooms/" + room + "/read", object("seq", 1)).expect(204);

        JsonObject answered = alice.agent().post("api/rooms/" + room + "/users", object("username", bob.username()))
                .expect(200).json();
        alice.agent().post("api/rooms/" + room + "/users", object("username", alice.username())).expect(200);

        assertEquals(sorted(alice, bob), Contract.memberNames(answered));
        assertEquals(sorted(alice, bob), Contract.memberNames(alice.room(room)));
        assertEquals(1, bob.room(room).getInt("lastReadSeq"), "re-adding must not reset the read marker");
    }

    @Test
    void addingAnUnknownUsernameIs404(App app) {
        ChatUser alice = app.newUser("addunk");
        long room = alice.createRoomId();

        alice.agent().post("api/rooms/" + room + "/users", object("username", App.uniqueUsername("nobody"))).problem(404);

        assertEquals(List.of(alice.username()), Contract.memberNames(alice.room(room)));
    }

    @Test
    void newMemberStartsAtTheRoomsLastSeqWithNothingUnread(App app) {
        ChatUser alice = app.newUser("history");
        ChatUser carol = app.newUser("late");
        long room = alice.createRoomId();
        for (int i = 1; i <= 3; i++) {
            alice.send(room, "before carol " + i);
        }

        alice.addMember(room, carol);

        JsonObject seen = carol.room(room);
        JsonObject listed = carol.rooms().getFirst();
        assertAll(
                () -> assertEquals(3, seen.getInt("lastReadSeq")),
                () -> assertEquals(0, seen.getInt("unreadCount")),
                () -> assertEquals(3, listed.getInt("lastReadSeq")),
                () -> assertEquals(0, listed.getInt("unreadCount")));
        alice.send(room, "after carol");
        assertEquals(1, carol.room(room).getInt("unreadCount"));
    }

    @Test
    void ownerRemovesAMemberWhoThenLosesTheRoom(App app) {
        ChatUser alice = app.newUser("remover");
        ChatUser bob = app.newUser("removed");
        long room = alice.createRoomId(bob);

        alice.agent().delete("api/rooms/" + room + "/users/" + bob.username()).expect(204);

        assertAll(
                () -> assertEquals(List.of(alice.username()), Contract.memberNames(alice.room(room))),
                () -> assertTrue(bob.rooms().isEmpty()),
                () -> bob.agent().get("api/rooms/" + room).problem(404),
                () -> bob.agent().post("api/messages", object("roomId", room, "content", "still here?")).problem(404));
    }

    @Test
    void memberCannotRemoveAnotherMember(App app) {
        ChatUser alice = app.newUser("own");
        ChatUser bob = app.newUser("bully");
        ChatUser carol = app.newUser("target");
        long room = alice.createRoomId(bob, carol);

        bob.agent().delete("api/rooms/" + room + "/users/" + carol.username()).problem(403);
        bob.agent().delete("api/rooms/" + room + "/users/" + alice.username()).problem(403);

        assertEquals(sorted(alice, bob, carol), Contract.memberNames(carol.room(room)));
    }

    @Test
    void memberMayLeave(App app) {
        ChatUser alice = app.newUser("stay");
        ChatUser bob = app.newUser("leaver");
        long room = alice.createRoomId(bob);

        bob.agent().delete("api/rooms/" + room + "/users/" + bob.username()).expect(204);

        assertTrue(bob.rooms().isEmpty());
        bob.agent().get("api/rooms/" + room).problem(404);
        assertEquals(List.of(alice.username()), Contract.memberNames(alice.room(room)));
    }

    @Test
    void ownerCannotLeaveWithoutArchiving(App app) {
        ChatUser alice = app.newUser("captain");
        ChatUser bob = app.newUser("crew");
        long room = alice.createRoomId(bob);

        alice.agent().delete("api/rooms/" + room + "/users/" + alice.username()).problem(409);

        assertEquals(sorted(alice, bob), Contract.memberNames(alice.room(room)));
        Contract.assertUser(bob.room(room).getJsonObject("owner"), alice);
    }

    @Test
    void roomShowsNoEmailOfItsMembers(App app) {
        ChatUser alice = app.newUser("private");
        ChatUser bob = app.newUser("privbob");
        long room = alice.createRoomId(bob);
        bob.send(room, "hello");

        String body = bob.agent().get("api/rooms/" + room).expect(200).body();
        String list = bob.agent().get("api/rooms").expect(200).body();
        String history = bob.agent().get("api/messages?room=" + room).expect(200).body();

        for (String answer : List.of(body, list, history)) {
            assertFalse(answer.contains(alice.email()) || answer.contains(bob.email()) || answer.contains("\"email\""),
                    "a room answer leaks an email: " + answer);
        }
    }

    private static List<String> sorted(ChatUser... users) {
        return Stream.of(users).map(ChatUser::username).sorted().toList();
    }
}
