package dev.daehwa.it;

import static dev.daehwa.it.support.Jsons.object;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.daehwa.it.support.App;
import dev.daehwa.it.support.ChatUser;
import dev.daehwa.it.support.DaehwaIT;
import dev.daehwa.it.support.Jsons;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * Read markers and unread counts: unread means seq above my marker, not mine, not deleted; the
 * marker moves forward only, and never past the room's last seq.
 */
@DaehwaIT
class ReadMarkerIT {

    @Test
    void othersMessagesAreUnreadInTheRoomAndTheList(App app) {
        ChatUser alice = app.newUser("reader");
        ChatUser bob = app.newUser("writer");
        long room = alice.createRoomId(bob);
        for (int i = 1; i <= 3; i++) {
            bob.send(room, "news " + i);
        }

        assertMarker(alice, room, 0, 3);
        assertEquals(3, alice.rooms().getFirst().getInt("unreadCount"));
        assertMarker(bob, room, 3, 0);
    }

    @Test
    void sendingMovesMyMarkerToMyMessage(App app) {
        ChatUser alice = app.newUser("sender");
        ChatUser bob = app.newUser("chatty");
        long room = alice.createRoomId(bob);
        bob.send(room, "one");
        bob.send(room, "two");

        JsonObject mine = alice.send(room, "three");

        assertEquals(3, mine.getInt("seq"));
        assertMarker(alice, room, 3, 0);
        assertMarker(bob, room, 2, 1);
    }

    @Test
    void markerMovesForwardButNeverBack(App app) {
        ChatUser alice = app.newUser("forward");
        ChatUser bob = app.newUser("fwdbob");
        long room = alice.createRoomId(bob);
        for (int i = 1; i <= 3; i++) {
            bob.send(room, "m" + i);
        }

        alice.agent().post("api/rooms/" + room + "/read", object("seq", 2)).expect(204);
        assertMarker(alice, room, 2, 1);

        alice.agent().post("api/rooms/" + room + "/read", object("seq", 1)).expect(204);
        assertMarker(alice, room, 2, 1);
    }

    @Test
    void markerIsClampedToTheRoomsLastSeq(App app) {
        ChatUser alice = app.newUser("clamp");
        ChatUser bob = app.newUser("clampbob");
        long room = alice.createRoomId(bob);
        bob.send(room, "a");
        bob.send(room, "b");

        alice.agent().post("api/rooms/" + room + "/read", object("seq", 999)).expect(204);
        assertMarker(alice, room, 2, 0);

        bob.send(room, "c");
        assertMarker(alice, room, 2, 1);
    }

    @Test
    void negativeOrMissingSeqIs400AndMovesNothing(App app) {
        ChatUser alice = app.newUser("badseq");
        ChatUser bob = app.newUser("badseqbob");
        long room = alice.createRoomId(bob);
        bob.send(room, "a");
        bob.send(room, "b");
        alice.agent().post("api/rooms/" + room + "/read", object("seq", 1)).expect(204);

        alice.agent().post("api/rooms/" + room + "/read", object("seq", -1)).validationProblem("seq");
        alice.agent().post("api/rooms/" + room + "/read", object()).validationProblem("seq");

        assertMarker(alice, room, 1, 1);
    }

    @Test
    void deletedMessagesAreNotUnread(App app) {
        ChatUser alice = app.newUser("delunread");
        ChatUser bob = app.newUser("delbob");
        long room = alice.createRoomId(bob);
        bob.send(room, "keep");
        JsonObject regret = bob.send(room, "regret");
        assertMarker(alice, room, 0, 2);

        bob.agent().delete("api/messages/" + Jsons.id(regret)).expect(204);

        assertMarker(alice, room, 0, 1);
        assertEquals(1, alice.rooms().getFirst().getInt("unreadCount"));
    }

    @Test
    void markersArePerUser(App app) {
        ChatUser alice = app.newUser("peruser");
        ChatUser bob = app.newUser("perbob");
        ChatUser carol = app.newUser("percarol");
        long room = alice.createRoomId(bob, carol);
        bob.send(room, "x");
        bob.send(room, "y");

        alice.agent().post("api/rooms/" + room + "/read", object("seq", 2)).expect(204);

        assertMarker(alice, room, 2, 0);
        assertMarker(carol, room, 0, 2);
    }

    private static void assertMarker(ChatUser user, long room, int lastReadSeq, int unread) {
        JsonObject seen = user.room(room);
        assertAll(user.username() + " in room " + room,
                () -> assertEquals(lastReadSeq, seen.getInt("lastReadSeq"), "lastReadSeq"),
                () -> assertEquals(unread, seen.getInt("unreadCount"), "unreadCount"));
    }
}
