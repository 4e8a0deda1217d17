package dev.daehwa.it.realtime;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.daehwa.it.support.App;
import dev.daehwa.it.support.ChatUser;
import dev.daehwa.it.support.DaehwaIT;
import dev.daehwa.it.support.Pause;
import dev.daehwa.it.support.WsClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The server pings every socket and closes one that stops answering, so sockets of vanished
 * clients do not pile up (and their users show as offline); a client that answers stays
 * connected. The test server pings every 2 s and gives up after 25 s of silence (PayaraMicro
 * sets DAEHWA_WS_PING_SECONDS and DAEHWA_WS_DEAD_SECONDS); a paused JDK client does not read the
 * pings, so it does not answer.
 *
 * <p>The test waits for the silent user's offline presence rather than sleeping a fixed time, so
 * a slow machine costs time, not a false failure; and it checks that the close did not come
 * before the limit.
 */
@DaehwaIT
class HeartbeatIT {

    private static final Duration DEAD_AFTER = Duration.ofSeconds(25);
    private static final Duration PING_EVERY = Duration.ofSeconds(2);
    /** The limit, a ping round to notice, and generous slack for a loaded CI machine. */
    private static final Duration CLOSED_WITHIN = Duration.ofSeconds(45);

    @Test
    void aSocketThatStopsAnsweringPingsIsClosedWhileOneThatAnswersStays(App app) {
        ChatUser silentUser = app.newUser("silent");
        ChatUser answeringUser = app.newUser("answering");
        silentUser.createRoomId(answeringUser);
        try (WsClient silent = WsClient.live(app, silentUser); WsClient answering = WsClient.live(app, answeringUser)) {
            silent.stopReading();
            long stoppedAt = System.nanoTime();

            answering.awaitFrame("presence", WsClient.wentOffline(silentUser), CLOSED_WITHIN,
                    "the server lets go of a socket silent for longer than the limit");
            Duration silentFor = Duration.ofNanos(System.nanoTime() - stoppedAt);
            boolean answeringStillOpen = answering.isOpen();
            silent.readAgain();
            // The silent client then finds the connection closed: by a close frame, or, since it
            // owes pongs it can no longer send, by an error; either way it is no longer open.
            Pause.until(WsClient.WAIT, Duration.ofMillis(50), () -> !silent.isOpen());

            assertAll(
                    // its last answer may have come up to a ping round before it stopped reading
                    () -> assertTrue(silentFor.compareTo(DEAD_AFTER.minus(PING_EVERY)) >= 0,
                            "the silent socket was let go after " + silentFor + ", before the limit of " + DEAD_AFTER),
                    () -> assertTrue(answeringStillOpen, "a socket that answers pings was closed"),
                    () -> assertFalse(silent.isOpen(), "the silent socket is still open"));
        }
    }
}
