package dev.daehwa.it;

import static dev.daehwa.it.support.Jsons.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import dev.daehwa.it.search.Searcher;
import dev.daehwa.it.support.Agent;
import dev.daehwa.it.support.App;
import dev.daehwa.it.support.ChatUser;
import dev.daehwa.it.support.DaehwaIT;
import dev.daehwa.it.support.Jsons;
import dev.daehwa.it.support.ReceivedEmail;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

/**
 * Nothing acknowledged is lost in a crash. The server is killed with SIGKILL straight after the
 * last 201 (no graceful shutdown, no database close, no index commit, emails still waiting for
 * their delay) and restarted. Afterwards every message is there in order, seq carries on,
 * search finds every message, the queued email arrives once, and browsers are still logged in.
 * One crash serves all five checks, because a restart is the slowest thing a test can do.
 */
@DaehwaIT
class CrashRecoveryIT {

    private static final Duration RECOVERED = Duration.ofSeconds(60);

    @Test
    void aKilledServerLosesNothingItAcknowledged(App app) {
        ChatUser minji = app.newUser("crash");
        ChatUser joon = app.newConfirmedUser("crash");
        // "15m" is 18 s in the tests' time scale: still waiting when the server dies.
        joon.chooseEmail("15m");
        long room = minji.createRoomId(joon);
        // HTTP sessions die with the process; the login cookie and API tokens live in the database.
        Agent survivor = minji.bearerAgent();
        List<Long> acknowledged = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            JsonObject sent = minji.agent().post("api/messages", object("roomId", room, "content", "충돌 직전 " + i))
                    .expect(201).json();
            acknowledged.add(Jsons.id(sent));
        }

        app.crashAndRestart();

        ReceivedEmail email = app.mail().awaitEmailsTo(joon.email(), 1, RECOVERED).getFirst();
        assertTrue(email.subject().startsWith("30 new messages"), email.subject());

        List<JsonObject> history = survivor.get("api/messages?room=" + room + "&limit=200").expect(200)
                .json().getJsonArray("messages").stream().map(JsonValue::asJsonObject).toList();
        assertEquals(acknowledged, history.stream().map(Jsons::id).toList(), "every acknowledged message, in order");
        assertEquals(IntStream.rangeClosed(1, 30).boxed().toList(),
                history.stream().map(m -> m.getInt("seq")).toList(), "seq 1..30 after the restart");

        // Killed straight after the last 201: some of these cannot have reached an index commit.
        new Searcher(minji.withAgent(survivor)).awaitExactly("충돌", RECOVERED, Set.copyOf(acknowledged));

        assertEquals(1, app.mail().emailsTo(joon.email()).size(), "the queued email arrived once");
        assertEquals(minji.id(), Jsons.id(minji.agent().get("api/auth/me").expect(200).json()),
                "a browser's login outlives the process that made it (the login cookie, not the HTTP session)");
        JsonObject next = survivor.post("api/messages", object("roomId", room, "content", "after restart"))
                .expect(201).json();
        assertEquals(31, next.getInt("seq"), "seq continues without a gap or a reuse");
    }
}
