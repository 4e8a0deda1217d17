package dev.daehwa.it;

import static dev.daehwa.it.support.Jsons.object;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.daehwa.it.support.App;
import dev.daehwa.it.support.ChatUser;
import dev.daehwa.it.support.DaehwaIT;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GET and PUT /api/auth/me/notifications: the settings are stored whole or not at all. */
@DaehwaIT
class NotificationSettingsIT {

    private static final String PATH = "api/auth/me/notifications";

    @Test
    void aUserWhoNeverChoseHasTheServersDefaultAndNoMutedRooms(App app) {
        JsonObject settings = app.newUser("notify").agent().get(PATH).expect(200).json();
        assertEquals("never", settings.getString("email"), "the test server runs with DAEHWA_NOTIFY_DEFAULT=never");
        assertEquals(0, settings.getJsonArray("mutedRooms").size());
    }

    @Test
    void everyCadenceIsStoredAndReadBack(App app) {
        ChatUser minji = app.newUser("cadence");
        long team = minji.createRoomId();
        long random = minji.createRoomId();
        minji.createRoomId();
        for (String cadence : List.of("immediate", "15m", "1h", "never", "2m")) {
            JsonObject stored = minji.agent().put(PATH, object("email", cadence, "mutedRooms", List.of(random, team)))
                    .expect(200).json();
            assertEquals(cadence, stored.getString("email"));
            assertEquals(List.of(Math.min(team, random), Math.max(team, random)), ids(stored));
            assertEquals(stored, minji.agent().get(PATH).expect(200).json(), "GET answers what PUT stored");
        }
        JsonObject unmuted = minji.agent().put(PATH, object("email", "never", "mutedRooms", List.of())).expect(200).json();
        assertEquals(List.of(), ids(unmuted));
    }

    @Test
    void badInputIsRefusedAndChangesNothing(App app) {
        ChatUser minji = app.newUser("badnotify");
        ChatUser joon = app.newUser("badnotify");
        long mine = minji.createRoomId();
        long notMine = joon.createRoomId();
        minji.agent().put(PATH, object("email", "15m", "mutedRooms", List.of(mine))).expect(200);
        JsonObject before = minji.agent().get(PATH).expect(200).json();

        minji.agent().put(PATH, object("email", "weekly", "mutedRooms", List.of())).validationProblem("email");
        minji.agent().put(PATH, object("email", "", "mutedRooms", List.of())).validationProblem("email");
        minji.agent().put(PATH, object("mutedRooms", List.of())).validationProblem("email");
        minji.agent().put(PATH, object("email", "1h")).validationProblem("mutedRooms");
        JsonObject refused = minji.agent().put(PATH, object("email", "1h", "mutedRooms", List.of(mine, notMine)))
                .validationProblem("mutedRooms");
        assertEquals("unknown-room", refused.getJsonArray("errors").getJsonObject(0).getString("code"));
        minji.agent().put(PATH, object("email", "1h", "mutedRooms", List.of(999_999_999L))).validationProblem("mutedRooms");
        minji.agent().send("PUT", PATH, HttpRequest.BodyPublishers.ofString("{\"email\":\"1h\",\"mutedRooms\":[\"x\"]}"),
                "application/json").problem(400);
        minji.agent().send("PUT", PATH, HttpRequest.BodyPublishers.ofString("{"), "application/json").problem(400);

        assertEquals(before, minji.agent().get(PATH).expect(200).json(), "nothing half-stored");
    }

    @Test
    void leavingARoomForgetsItsMute(App app) {
        ChatUser minji = app.newUser("leave");
        ChatUser joon = app.newUser("leave");
        long room = minji.createRoomId(joon);
        joon.agent().put(PATH, object("email", "immediate", "mutedRooms", List.of(room))).expect(200);

        joon.agent().delete("api/rooms/" + room + "/users/" + joon.username()).expectOneOf(200, 204);
        assertEquals(List.of(), ids(joon.agent().get(PATH).expect(200).json()));
        minji.addMember(room, joon);
        assertEquals(List.of(), ids(joon.agent().get(PATH).expect(200).json()), "a new membership starts unmuted");
    }

    @Test
    void settingsNeedALoginAndTheCsrfHeader(App app) {
        app.anonymous().get(PATH).problem(401);
        ChatUser minji = app.newUser("csrfnotify");
        minji.agent().withoutCsrfHeader().put(PATH, object("email", "1h", "mutedRooms", List.of())).problem(403);
        assertEquals("never", minji.agent().get(PATH).expect(200).json().getString("email"), "unchanged");
    }

    private static List<Long> ids(JsonObject settings) {
        return settings.getJsonArray("mutedRooms").getValuesAs(JsonNumber.class).stream()
                .map(JsonNumber::longValue).toList();
    }
}
