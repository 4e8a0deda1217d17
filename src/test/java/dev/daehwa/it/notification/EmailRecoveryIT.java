package dev.daehwa.it.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.daehwa.it.support.App;
import dev.daehwa.it.support.ChatUser;
import dev.daehwa.it.support.DaehwaIT;
import dev.daehwa.it.support.Pause;
import dev.daehwa.it.support.DaehwaServer;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The end of the retries: the suite's server restarted against a mail server that never
 * answers, until the notification is given up on; then back to the suite's settings. (Emails
 * pending across a crash: CrashRecoveryIT, which shares one crash among everything that must
 * survive it.)
 */
@DaehwaIT
class EmailRecoveryIT {

    @Test
    void anEmailThatCannotBeSentForTheWholeRetryPeriodIsMarkedFailedAndCounted(App app) throws IOException {
        // Not database-specific: once is enough.
        Assumptions.assumeTrue("h2".equals(app.database()), "runs in the H2 pass only");
        int deadPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            deadPort = probe.getLocalPort(); // nothing listens there once the probe is closed
        }
        // Confirmed while the mail server still answers; a token outlives the restart.
        ChatUser minji = app.newUser("giveup");
        ChatUser joon = app.newConfirmedUser("giveup");
        joon.chooseEmail("immediate");
        long room = minji.createRoomId(joon);
        ChatUser sender = minji.withAgent(minji.bearerAgent());
        // 24 h of retries become 17 s.
        app.restart(Map.of("DAEHWA_SMTP_PORT", Integer.toString(deadPort), "DAEHWA_NOTIFY_TIME_SCALE", "0.0002"));
        try {
            giveUp(app, sender, room);
        } finally {
            app.restart(suiteMailSettings(app));
        }
    }

    private static void giveUp(App app, ChatUser minji, long room) {
        long failedBefore = failedCount(app);
        int logBefore = app.serverLog().length();
        minji.send(room, "nobody will ever carry this");

        Pause.until(Duration.ofSeconds(90), Duration.ofMillis(500), () -> failedCount(app) > failedBefore);
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
