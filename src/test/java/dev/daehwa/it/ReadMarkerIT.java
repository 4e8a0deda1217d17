package dev.daehwa.it;

import static dev.daehwa.it.support.Jsons.object;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.daehwa.it.support.App;
import dev.daehwa.it.support.ChatUser;
import dev.daehwa.it.support.DaehwaIT;
import dev.daehwa.it.support.Jsons;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.stream.IntStream;
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

    /** A GET changes nothing: the page marks read from its script, with the API's CSRF header. */
    @Test
    void openingTheRoomPageDoesNotMoveTheMarker(App app) {
        ChatUser alice = app.newUser("looker");
        ChatUser bob = app.newUser("lookbob");
        long room = alice.createRoomId(bob);
        bob.send(room, "one");
        bob.send(room, "two");

        alice.agent().exchange(HttpRequest.newBuilder(alice.agent().uri("rooms/" + room))
                .header("Accept", "text/html").GET().build()).expect(200);
        alice.agent().exchange(HttpRequest.newBuilder(alice.agent().uri("rooms/" + room + "?at=1"))
                .header("Accept", "text/html").GET().build()).expect(200);

        assertMarker(alice, room, 0, 2);
        assertEquals(2, alice.rooms().getFirst().getInt("unreadCount"));
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

    /**
     * Only a room's newest 100 messages are counted, so a room list never reads a backlog; beyond
     * that the count says it is a floor, in the room, the list, and the badge's "100+".
     */
    @Test
    void farBehindTheCountCoversTheNewestHundredAndSaysItIsCapped(App app) {
        ChatUser alice = app.newUser("behind");
        ChatUser bob = app.newUser("prolific");
        long room = alice.createRoomId(bob);
        List<Long> sent = IntStream.rangeClosed(1, 130).mapToObj(i -> bob.sendId(room, "update " + i)).toList();
        bob.agent().delete("api/messages/" + sent.getLast()).expect(204);

        JsonObject far = alice.room(room);
        JsonObject listed = alice.rooms().getFirst();
        assertAll(
                () -> assertEquals(99, far.getInt("unreadCount"), "seqs 31..130 counted, one deleted"),
                () -> assertTrue(far.getBoolean("unreadCountCapped"), "seqs 1..30 were not counted"),
                () -> assertEquals(99, listed.getInt("unreadCount"), "in the list"),
                () -> assertTrue(listed.getBoolean("unreadCountCapped"), "capped in the list"));

        alice.agent().post("api/rooms/" + room + "/read", object("seq", 40)).expect(204);
        JsonObject near = alice.room(room);
        assertAll(
                () -> assertEquals(89, near.getInt("unreadCount"), "seqs 41..130, one deleted"),
                () -> assertFalse(near.getBoolean("unreadCountCapped"), "everything unread was counted"),
                () -> assertEquals(89, alice.rooms().getFirst().getInt("unreadCount"), "from the marker on in the list"),
                () -> assertFalse(alice.rooms().getFirst().getBoolean("unreadCountCapped"), "not capped in the list"));
    }

    private static void assertMarker(ChatUser user, long room, int lastReadSeq, int unread) {
        JsonObject seen = user.room(room);
        assertAll(user.username() + " in room " + room,
                () -> assertEquals(lastReadSeq, seen.getInt("lastReadSeq"), "lastReadSeq"),
                () -> assertEquals(unread, seen.getInt("unreadCount"), "unreadCount"));
    }
}
