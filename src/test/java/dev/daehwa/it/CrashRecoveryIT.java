package dev.daehwa.it;

import static dev.daehwa.it.support.Jsons.object;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import dev.daehwa.it.support.Agent;
import dev.daehwa.it.support.App;
import dev.daehwa.it.support.ChatUser;
import dev.daehwa.it.support.DaehwaIT;
import dev.daehwa.it.support.Jsons;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

/**
 * Every acknowledged message survives a crash: messages answered with 201 are all there after
 * the server is killed with SIGKILL (no graceful shutdown, no database close) and restarted, and
 * seq carries on from where it stopped.
 */
@DaehwaIT
class CrashRecoveryIT {

    @Test
    void acknowledgedMessagesSurviveAKilledServer(App app) {
        ChatUser minji = app.newUser("crash");
        long room = minji.createRoomId();
        List<Long> acknowledged = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            JsonObject sent = minji.agent().post("api/messages", object("roomId", room, "content", "before crash " + i))
                    .expect(201).json();
            acknowledged.add(Jsons.id(sent));
        }
        // Sessions live in memory and die with the process; an API token lives in the database.
        Agent survivor = minji.bearerAgent();

        app.crashAndRestart();

        List<JsonObject> history = survivor.get("api/messages?room=" + room + "&limit=200").expect(200)
                .json().getJsonArray("messages").stream().map(JsonValue::asJsonObject).toList();
        assertEquals(acknowledged, history.stream().map(Jsons::id).toList(), "every acknowledged message, in order");
        assertEquals(IntStream.rangeClosed(1, 30).boxed().toList(),
                history.stream().map(m -> m.getInt("seq")).toList(), "seq 1..30 after the restart");
        JsonObject next = survivor.post("api/messages", object("roomId", room, "content", "after restart"))
                .expect(201).json();
        assertEquals(31, next.getInt("seq"), "seq continues without a gap or a reuse");
    }
}
