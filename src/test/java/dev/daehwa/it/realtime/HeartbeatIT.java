package dev.daehwa.it.realtime;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.daehwa.it.support.App;
import dev.daehwa.it.support.ChatUser;
import dev.daehwa.it.support.DaehwaIT;
import dev.daehwa.it.support.WsClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The server pings every socket and closes one that stops answering, so sockets of vanished
 * clients do not pile up (and their users show as offline); a client that answers stays
 * connected. The test server pings
 * every 2 s and gives up after 25 s of silence (PayaraMicro sets DAEHWA_WS_PING_SECONDS and
 * DAEHWA_WS_DEAD_SECONDS); a paused JDK client does not read the pings, so it does not answer.
 */
@DaehwaIT
class HeartbeatIT {

    private static final Duration LONGER_THAN_DEAD = Duration.ofSeconds(31);

    @Test
    void aSocketThatStopsAnsweringPingsIsClosedWhileOneThatAnswersStays(App app) throws InterruptedException {
        ChatUser silentUser = app.newUser("silent");
        ChatUser answeringUser = app.newUser("answering");
        silentUser.createRoomId(answeringUser);
        try (WsClient silent = WsClient.live(app, silentUser); WsClient answering = WsClient.live(app, answeringUser)) {
            silent.stopReading();

            Thread.sleep(LONGER_THAN_DEAD.toMillis());
            boolean answeringStillOpen = answering.isOpen();
            boolean silentGoneOffline = answering.framesOf("presence").stream()
                    .anyMatch(frame -> WsClient.byUser(silentUser).test(frame) && "offline".equals(frame.getString("status", "")));
            silent.readAgain();
            // The silent client then finds the connection closed: by a close frame, or, since it
            // owes pongs it can no longer send, by an error; either way it is no longer open.
            long deadline = System.nanoTime() + WsClient.WAIT.toNanos();
            while (silent.isOpen() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }

            assertAll(
                    () -> assertTrue(answeringStillOpen, "a socket that answers pings was closed"),
                    () -> assertTrue(silentGoneOffline, "the server did not let go of a socket silent for longer than the limit"),
                    () -> assertFalse(silent.isOpen(), "the silent socket is still open"));
        }
    }
}
