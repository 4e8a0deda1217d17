package dev.daehwa.it.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.daehwa.it.realtime.Posts.Post;
import dev.daehwa.it.realtime.Posts.Posted;
import dev.daehwa.it.support.App;
import dev.daehwa.it.support.ChatUser;
import dev.daehwa.it.support.DaehwaIT;
import dev.daehwa.it.support.Jsons;
import dev.daehwa.it.support.Pause;
import dev.daehwa.it.support.WsClient;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A member who opens sockets, asks each to replay three full rooms of large messages from the
 * start and never reads costs the server a bounded queue per socket, not the 3,000 rendered
 * messages (over 100 MB a socket) the resumes ask for. Read from outside: the queued bytes the
 * server reports in /health and its heap after a full collection, over JMX. When live messages
 * then pile up behind the stalled replays, those sockets are closed, while a member reading
 * normally in the same rooms gets every message within a second.
 */
@DaehwaIT
class ReplayMemoryIT {

    private static final int ROOMS = 3;
    /**
     * Enough that one replay (200 frames of about 54 kB in memory per room) is many times its
     * socket's bound, and that six unbounded replays (about 190 MB) would break the heap check.
     */
    private static final int FULL_ROOM = 200;
    private static final int STALLED_SOCKETS = 6;
    /** The server's default DAEHWA_WS_QUEUE_BYTES. */
    private static final long QUEUE_BYTES = 4L << 20;
    /** Beyond the queues, what the collector may find grown: the database's page cache, the container's buffers. */
    private static final long SLACK = 64L << 20;
    private static final int LIVE_BATCH = 15;
    private static final int LIVE_AT_MOST = 600;
    private static final Duration DELIVERED_WITHIN = Duration.ofSeconds(1);

    @Test
    void stalledResumesHoldBoundedQueuesAndAreClosedWhileAReaderInTheSameRoomsKeepsUp(App app) {
        // 600 messages of 27 kB: spent once, in the H2 pass, as ResumeIT's long replay is.
        Assumptions.assumeTrue("h2".equals(app.database()), "runs in the H2 pass only");
        ChatUser alice = app.newUser("filler");
        ChatUser hoarder = app.newUser("hoarder");
        ChatUser reader = app.newUser("bystander");
        long indexedBefore = indexed(app);
        long started = System.nanoTime();
        List<Long> rooms = IntStream.range(0, ROOMS).mapToObj(i -> alice.createRoomId(hoarder, reader)).toList();
        for (long room : rooms) {
            Posts.inParallel(4, FULL_ROOM, i -> new Post(alice, room, Posts.big(i)));
        }
        long filledNanos = System.nanoTime() - started;
        // The search indexer's buffers would otherwise grow between the two heap readings.
        Pause.until(Duration.ofSeconds(60), Duration.ofMillis(250), () -> indexed(app) >= indexedBefore + ROOMS * FULL_ROOM);
        Map<Long, Long> fromTheStart = rooms.stream().collect(Collectors.toMap(Function.identity(), room -> 0L));
        long heapBefore = app.usedHeapAfterGc();

        List<WsClient> stalled = new ArrayList<>();
        try (WsClient bystander = Posts.keepingIdsOnly(app, reader).openLive()) {
            for (int i = 0; i < STALLED_SOCKETS; i++) {
                WsClient ws = Posts.keepingIdsOnly(app, hoarder).open();
                stalled.add(ws);
                ws.hello();
                ws.stopReading();
                ws.resume(fromTheStart);
            }
            // Each replay goes as far as the TCP buffers and half its socket's queue take, then waits.
            Pause.until(Duration.ofSeconds(30), Duration.ofMillis(250),
                    () -> waitingBytes(app) >= STALLED_SOCKETS * QUEUE_BYTES / 2 * 9 / 10);
            // A fixed wait: what it shows is that the waiting bytes stop there rather than keep growing.
            Pause.of(Duration.ofSeconds(2));
            long waiting = waitingBytes(app);
            long heapGrowth = app.usedHeapAfterGc() - heapBefore;
            System.err.printf("[daehwa-it] %d stalled resumes of %d messages (posted in %d s): %d kB waiting for"
                    + " sockets, heap %+d kB after a full GC%n", STALLED_SOCKETS, ROOMS * FULL_ROOM,
                    Duration.ofNanos(filledNanos).toSeconds(), waiting >> 10, heapGrowth >> 10);

            assertTrue(waiting <= STALLED_SOCKETS * QUEUE_BYTES, "what waits for the stalled sockets is bounded by"
                    + " their queues: " + waiting + " bytes");
            assertTrue(heapGrowth <= 2 * STALLED_SOCKETS * QUEUE_BYTES + SLACK, "the stalled resumes grew the heap by "
                    + (heapGrowth >> 20) + " MB; their queues are bounded by " + (STALLED_SOCKETS * QUEUE_BYTES >> 20) + " MB");

            List<Posted> live = new ArrayList<>();
            while (live.size() < LIVE_AT_MOST && !wentOffline(bystander, hoarder)) {
                int from = live.size();
                live.addAll(Posts.inParallel(2, LIVE_BATCH,
                        i -> new Post(alice, rooms.get((from + i) % ROOMS), Posts.big(FULL_ROOM + from + i))));
            }
            assertTrue(wentOffline(bystander, hoarder), "the stalled sockets were never closed though "
                    + live.size() + " live messages piled up behind their replays");
            long slowest = slowestDelivery(bystander, live);
            System.err.printf("[daehwa-it] the stalled sockets closed after %d live messages; slowest delivery to the"
                    + " reader %d ms%n", live.size(), slowest);
            assertTrue(slowest <= DELIVERED_WITHIN.toMillis(), "a reader in the same rooms got a message " + slowest
                    + " ms after its POST (bound " + DELIVERED_WITHIN.toMillis() + " ms)");

            for (WsClient ws : stalled) {
                ws.readAgain();
                Integer code = ws.awaitEnd(Duration.ofSeconds(60));
                // 1013 after the frame in flight, or a reset if the container gave up on a full buffer
                assertTrue(code == null || code == 1013, "a stalled socket past its bound is closed with 1013, not " + code);
            }
            Pause.until(Duration.ofSeconds(10), Duration.ofMillis(100), () -> waitingBytes(app) < QUEUE_BYTES / 4);
            assertTrue(waitingBytes(app) < QUEUE_BYTES / 4, "what waited for the closed sockets is let go: "
                    + waitingBytes(app) + " bytes still wait");
        } finally {
            stalled.forEach(WsClient::close);
        }
    }

    private static long indexed(App app) {
        return number(app.healthCheck("search").getJsonObject("data").get("messages"));
    }

    /** What waits for this node's sockets, as /health reports it. */
    private static long waitingBytes(App app) {
        return number(app.healthCheck("websockets").getJsonObject("data").get("waitingBytes"));
    }

    /** /health data are numbers, or strings of them. */
    private static long number(JsonValue value) {
        return value instanceof JsonNumber number ? number.longValue() : Long.parseLong(((JsonString) value).getString());
    }

    private static boolean wentOffline(WsClient reader, ChatUser user) {
        return reader.framesOf("presence").stream().anyMatch(WsClient.wentOffline(user));
    }

    /** The latest arrival after its POST returned, in ms; fails unless the reader got each message once. */
    private static long slowestDelivery(WsClient reader, List<Posted> posted) {
        Map<Long, Long> returnedAt = posted.stream().collect(Collectors.toMap(Posted::id, Posted::returnedNanos));
        List<WsClient.Frame> frames = reader.awaitFrames("message.created",
                frame -> returnedAt.containsKey(Jsons.id(frame.getJsonObject("message"))), posted.size(),
                Duration.ofSeconds(30), "the reader gets every live message");
        List<Long> ids = frames.stream().map(frame -> Jsons.id(frame.message())).toList();
        assertEquals(returnedAt.keySet(), Set.copyOf(ids), "the reader got each message once");
        return frames.stream().mapToLong(frame -> frame.arrivedNanos() - returnedAt.get(Jsons.id(frame.message())))
                .max().orElse(0) / 1_000_000;
    }
}
