package dev.daehwa.it.notification;

import static dev.daehwa.it.notification.Notified.choose;
import static dev.daehwa.it.notification.Notified.exactlyOneEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.daehwa.it.support.App;
import dev.daehwa.it.support.ChatUser;
import dev.daehwa.it.support.DaehwaIT;
import dev.daehwa.it.support.DaehwaServer;
import dev.daehwa.it.support.ReceivedEmail;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The queue across a crash, and its end: the suite's server is killed with emails pending, and
 * started with a mail server that never answers. Restarts are slow, so this class keeps to two.
 */
@DaehwaIT
class EmailRecoveryIT {

    @Test
    void emailsPendingWhenTheServerIsKilledAreAllSentOnceAfterTheRestart(App app) {
        ChatUser minji = app.newUser("crash");
        ChatUser joon = app.newUser("crash");
        ChatUser sora = app.newUser("crash");
        // 15m is 18 s in the tests' time scale: still pending when the server dies a moment later.
        choose(joon, "15m");
        choose(sora, "15m");
        long team = minji.createRoomId(joon, sora);
        long pair = minji.createRoomId(joon);
        minji.send(team, "before the crash, team");
        minji.send(pair, "before the crash, pair");

        app.kill();
        app.restart(Map.of());

        List<ReceivedEmail> joons = app.mail().awaitEmailsTo(joon.email(), 2, Duration.ofSeconds(60));
        ReceivedEmail soras = exactlyOneEmail(app.mail(), sora);
        assertEquals(2, app.mail().emailsTo(joon.email()).size(), "one per room, none twice");
        assertEquals(2, Notified.messageIds(joons).size());
        assertTrue(joons.stream().anyMatch(email -> email.text().contains("before the crash, team")));
        assertTrue(joons.stream().anyMatch(email -> email.text().contains("before the crash, pair")));
        assertTrue(soras.text().contains("before the crash, team"));
    }

    @Test
    void anEmailThatCannotBeSentForTheWholeRetryPeriodIsMarkedFailedAndCounted(App app) throws IOException {
        // Not database-specific, and two restarts: once is enough.
        Assumptions.assumeTrue("h2".equals(app.database()), "runs in the H2 pass only");
        int deadPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            deadPort = probe.getLocalPort(); // nothing listens there once the probe is closed
        }
        // 24 h of retries become 17 s.
        app.restart(Map.of("DAEHWA_SMTP_PORT", Integer.toString(deadPort), "DAEHWA_NOTIFY_TIME_SCALE", "0.0002"));
        try {
            long failedBefore = failedCount(app);
            ChatUser minji = app.newUser("giveup");
            ChatUser joon = app.newUser("giveup");
            choose(joon, "immediate");
            long room = minji.createRoomId(joon);
            int logBefore = app.serverLog().length();
            minji.send(room, "nobody will ever carry this");

            Instant deadline = Instant.now().plusSeconds(90);
            while (failedCount(app) <= failedBefore && Instant.now().isBefore(deadline)) {
                Notified.pause(Duration.ofMillis(500));
            }
            assertEquals(failedBefore + 1, failedCount(app), "/health counts the notification given up on");
            assertTrue(app.serverLog().substring(logBefore).contains("Gave up on notification"), "and the log says so");
        } finally {
            app.restart(Map.of("DAEHWA_SMTP_PORT", Integer.toString(app.mail().port()),
                    "DAEHWA_NOTIFY_TIME_SCALE", DaehwaServer.NOTIFICATION_TIMING.get("DAEHWA_NOTIFY_TIME_SCALE")));
        }
    }

    private static long failedCount(App app) {
        JsonObject email = app.healthCheck("email");
        assertEquals("UP", email.getString("status"), "mail trouble never takes the node out of service");
        return Long.parseLong(email.getJsonObject("data").get("failed").toString().replace("\"", ""));
    }
}
