package dev.daehwa.it.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.daehwa.it.support.App;
import dev.daehwa.it.support.ChatUser;
import dev.daehwa.it.support.DaehwaIT;
import dev.daehwa.it.support.Pause;
import dev.daehwa.it.support.WsClient;
import org.junit.jupiter.api.Test;

/**
 * What one user's sockets may cost a node: at most 20 sockets (the oldest gives way, 4008), and
 * resume frames rationed per socket (6 a minute) and per user (60 a minute); a resume beyond
 * them closes its socket with 4029.
 */
@DaehwaIT
class SocketLimitsIT {

    private static final int MAX_SOCKETS = 20;
    private static final int RESUMES_PER_SOCKET = 6;
    private static final int RESUMES_PER_USER = 60;
    private static final Duration CLOSED_WITHIN = Duration.ofSeconds(5);

    @Test
    void aUsersTwentyFirstSocketClosesTheOldestWith4008AndTheOtherTwentyWork(App app) {
        ChatUser alice = app.newUser("many");
        ChatUser bob = app.newUser("tabs");
        long room = alice.createRoomId(bob);
        List<WsClient> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < MAX_SOCKETS; i++) {
                sockets.add(WsClient.live(app, bob));
            }
            long beforeCap = alice.sendId(room, "to twenty sockets");
            sockets.forEach(ws -> ws.awaitFrame("message.created", WsClient.carrying(beforeCap),
                    "each of twenty sockets works"));
            assertTrue(sockets.getFirst().isOpen(), "twenty sockets are within the cap");

            sockets.add(WsClient.live(app, bob));

            assertEquals(4008, sockets.getFirst().awaitClose(CLOSED_WITHIN), "the oldest socket gives way to the 21st");
            long afterCap = alice.sendId(room, "to the newest twenty");
            for (WsClient ws : sockets.subList(1, sockets.size())) {
                ws.awaitFrame("message.created", WsClient.carrying(afterCap), "the other twenty sockets still work");
                assertTrue(ws.isOpen(), "only the oldest socket is closed");
            }
        } finally {
            sockets.forEach(WsClient::close);
        }
    }

    @Test
    void aSocketsSeventhResumeWithinAMinuteClosesItWith4029(App app) {
        ChatUser bob = app.newUser("resumer");
        bob.createRoomId();

        try (WsClient ws = WsClient.open(app, bob)) {
            ws.hello();
            for (int i = 1; i <= RESUMES_PER_SOCKET; i++) {
                ws.resume(Map.of());
                ws.awaitFrames("resumed", frame -> true, i, WsClient.WAIT, "resume " + i + " of " + RESUMES_PER_SOCKET
                        + " is answered");
            }
            ws.resume(Map.of());

            assertEquals(4029, ws.awaitClose(CLOSED_WITHIN), "one resume too many on one socket");
            assertEquals(RESUMES_PER_SOCKET, ws.framesOf("resumed").size(), "the refused resume is not answered");
        }
    }

    @Test
    void aUsersResumesAreCountedAcrossTheirSockets(App app) {
        ChatUser bob = app.newUser("spreader");
        bob.createRoomId();
        List<WsClient> sockets = new ArrayList<>();
        long started = System.nanoTime();
        try {
            for (int socket = 0; socket < RESUMES_PER_USER / RESUMES_PER_SOCKET; socket++) {
                WsClient ws = WsClient.open(app, bob);
                sockets.add(ws);
                ws.hello();
                for (int i = 1; i <= RESUMES_PER_SOCKET; i++) {
                    ws.resume(Map.of());
                    ws.awaitFrames("resumed", frame -> true, i, WsClient.WAIT, "a resume within the allowances");
                }
            }
            WsClient fresh = WsClient.open(app, bob);
            sockets.add(fresh);
            fresh.hello();
            int answered = 0;
            while (fresh.isOpen() && answered < RESUMES_PER_SOCKET) {
                fresh.resume(Map.of());
                int asked = answered + 1;
                Pause.until(WsClient.WAIT, Duration.ofMillis(10),
                        () -> fresh.framesOf("resumed").size() == asked || !fresh.isOpen());
                answered = fresh.framesOf("resumed").size();
            }
            long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();

            assertEquals(4029, fresh.awaitClose(CLOSED_WITHIN), "a user past their allowance is refused with 4029");
            // The user's allowance refills at one a second meanwhile; a socket's own allowance is six.
            assertTrue(answered < RESUMES_PER_SOCKET, "a new socket brings no new allowance for a user who used"
                    + " up theirs: it was answered " + answered + " times, " + seconds + " s after the first resume");
            assertTrue(sockets.getFirst().isOpen(), "the sockets within the allowance stay open");
        } finally {
            sockets.forEach(WsClient::close);
        }
    }
}
