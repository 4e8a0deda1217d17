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
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The queue's ends: a mail server that never answers, until the notification is given up on;
 * and a crash with emails pending. Both restart the suite's server, and leave it with the
 * suite's own settings.
 */
@DaehwaIT
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmailRecoveryIT {

    @Test
    @Order(2)
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
        app.restart(suiteMailSettings(app));

        List<ReceivedEmail> joons = app.mail().awaitEmailsTo(joon.email(), 2, Duration.ofSeconds(60));
        ReceivedEmail soras = exactlyOneEmail(app.mail(), sora);
        assertEquals(2, app.mail().emailsTo(joon.email()).size(), "one per room, none twice");
        assertEquals(2, Notified.messageIds(joons).size());
        assertTrue(joons.stream().anyMatch(email -> email.text().contains("before the crash, team")));
        assertTrue(joons.stream().anyMatch(email -> email.text().contains("before the crash, pair")));
        assertTrue(soras.text().contains("before the crash, team"));
    }

    @Test
    @Order(1)
    void anEmailThatCannotBeSentForTheWholeRetryPeriodIsMarkedFailedAndCounted(App app) throws IOException {
        // Not database-specific: once is enough.
        Assumptions.assumeTrue("h2".equals(app.database()), "runs in the H2 pass only");
        int deadPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            deadPort = probe.getLocalPort(); // nothing listens there once the probe is closed
        }
        // 24 h of retries become 17 s.
        app.restart(Map.of("DAEHWA_SMTP_PORT", Integer.toString(deadPort), "DAEHWA_NOTIFY_TIME_SCALE", "0.0002"));
        try {
            giveUp(app);
        } finally {
            app.restart(suiteMailSettings(app));
        }
    }

    private static void giveUp(App app) {
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
        String metrics = app.anonymous().exchange(java.net.http.HttpRequest.newBuilder(
                app.serverRoot().resolve("metrics?scope=application")).header("Accept", "text/plain").build()).body();
        assertTrue(metrics.contains("daehwa_email_failed{mp_scope=\"application\"} " + (failedBefore + 1)), metrics);
    }

    /** The mail server and timing the suite's server normally runs with. */
    private static Map<String, String> suiteMailSettings(App app) {
        return Map.of("DAEHWA_SMTP_PORT", Integer.toString(app.mail().port()),
                "DAEHWA_NOTIFY_TIME_SCALE", DaehwaServer.NOTIFICATION_TIMING.get("DAEHWA_NOTIFY_TIME_SCALE"));
    }

    private static long failedCount(App app) {
        JsonObject email = app.healthCheck("email");
        assertEquals("UP", email.getString("status"), "mail trouble never takes the node out of service");
        return Long.parseLong(email.getJsonObject("data").get("failed").toString().replace("\"", ""));
    }
}
