package dev.daehwa.it;

import static dev.daehwa.it.support.Jsons.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;

import dev.daehwa.it.support.Agent;
import dev.daehwa.it.support.App;
import dev.daehwa.it.support.ChatUser;
import dev.daehwa.it.support.DaehwaIT;
import dev.daehwa.it.support.Jsons;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * A cross-site page can make the browser send the session cookie but cannot add a custom header:
 * unsafe session requests without {@code X-Requested-With: XMLHttpRequest} are refused and change nothing.
 */
@DaehwaIT
class CsrfIT {

    @Test
    void sessionPostWithoutHeaderIs403AndCreatesNoRoom(App app) {
        ChatUser alice = app.newUser("csrf");

        alice.agent().withoutCsrfHeader().post("api/rooms", object("name", "forged room")).problem(403);

        assertTrue(alice.rooms().isEmpty(), "a forged request created a room");
    }

    @Test
    void sessionPostWithWrongHeaderValueIs403(App app) {
        ChatUser alice = app.newUser("csrfval");
        HttpRequest forged = HttpRequest.newBuilder(app.base().resolve("api/rooms"))
                .header("Content-Type", "application/json")
                .header("X-Requested-With", "Fetch")
                .POST(BodyPublishers.ofString(object("name", "forged").toString()))
                .build();

        alice.agent().withoutCsrfHeader().exchange(forged).problem(403);

        assertTrue(alice.rooms().isEmpty());
    }

    @Test
    void sessionPostWithHeaderWorks(App app) {
        ChatUser alice = app.newUser("csrfok");

        alice.agent().post("api/rooms", object("name", "legit")).expect(201);

        assertEquals(1, alice.rooms().size());
    }

    @Test
    void sessionMessagePostWithoutHeaderIs403AndStoresNothing(App app) {
        ChatUser alice = app.newUser("csrfmsg");
        long room = alice.createRoomId();

        alice.agent().withoutCsrfHeader().post("api/messages", object("roomId", room, "content", "forged")).problem(403);

        assertTrue(alice.history(room).isEmpty());
    }

    @Test
    void sessionPatchWithoutHeaderIs403AndRenamesNothing(App app) {
        ChatUser alice = app.newUser("csrfpatch");
        long room = Jsons.id(alice.createRoom("original"));

        alice.agent().withoutCsrfHeader().patch("api/rooms/" + room, object("name", "forged")).problem(403);

        assertEquals("original", alice.room(room).getString("name"));
    }

    @Test
    void sessionDeletesWithoutHeaderAre403AndDeleteNothing(App app) {
        ChatUser alice = app.newUser("csrfdel");
        ChatUser bob = app.newUser("csrfbob");
        long room = alice.createRoomId(bob);
        long message = alice.sendId(room, "keep me");
        Agent forged = alice.agent().withoutCsrfHeader();

        forged.delete("api/messages/" + message).problem(403);
        forged.delete("api/rooms/" + room + "/users/" + bob.username()).problem(403);
        forged.delete("api/rooms/" + room).problem(403);

        alice.agent().get("api/messages/" + message).expect(200);
        assertEquals(2, alice.room(room).getJsonArray("members").size());
        bob.room(room);
    }

    @Test
    void sessionTokenCreationWithoutHeaderIs403(App app) {
        ChatUser alice = app.newUser("csrftok");

        alice.agent().withoutCsrfHeader().post("api/auth/tokens", object("name", "stolen")).problem(403);

        assertEquals(0, alice.agent().get("api/auth/tokens").expect(200).jsonArray().size());
    }

    @Test
    void sessionReadWithoutHeaderWorks(App app) {
        ChatUser alice = app.newUser("csrfget");
        alice.createRoomId();

        assertEquals(1, alice.agent().withoutCsrfHeader().get("api/rooms").expect(200).jsonArray().size());
    }

    @Test
    void bearerRequestsNeedNoHeader(App app) {
        ChatUser alice = app.newUser("csrfbearer");
        Agent script = alice.bearerAgent().withoutCsrfHeader();

        long room = Jsons.id(script.post("api/rooms", object("name", "scripted")).expect(201).json());
        JsonObject message = script.post("api/messages", object("roomId", room, "content", "hello")).expect(201).json();
        script.patch("api/messages/" + Jsons.id(message), object("content", "edited")).expect(200);
        script.patch("api/rooms/" + room, object("name", "renamed")).expect(200);
        script.delete("api/messages/" + Jsons.id(message)).expect(204);

        assertEquals("renamed", alice.room(room).getString("name"));
        assertTrue(alice.history(room).isEmpty());
    }

    @Test
    void registerAndLoginNeedNoHeader(App app) {
        String username = App.uniqueUsername("nohdr");
        Agent form = app.anonymous().withoutCsrfHeader();

        form.post("api/auth/register", object("username", username, "password", App.PASSWORD,
                "email", username + "@example.test")).expect(201);
        form.post("api/auth/login", object("username", username, "password", App.PASSWORD)).expect(200);

        assertEquals(username, form.get("api/auth/me").expect(200).json().getString("username"));
    }
}
