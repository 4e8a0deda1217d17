package dev.daehwa.it.realtime;

import static dev.daehwa.it.support.Jsons.object;
import static dev.daehwa.it.support.WsClient.aboutRoom;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import dev.daehwa.it.realtime.Posts.Post;
import dev.daehwa.it.realtime.Posts.Posted;
import dev.daehwa.it.support.App;
import dev.daehwa.it.support.ChatUser;
import dev.daehwa.it.support.DaehwaIT;
import dev.daehwa.it.support.Jsons;
import dev.daehwa.it.support.WsClient;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * One connection that stops reading must not hold up the others: its bounded queue overflows and
 * the server closes it with 1013 (try again later), while fifty readers in the same room keep
 * getting every message promptly.
 *
 * <p>The server bounds the queue by frames (about 1,000). Big messages (≈54 kB a frame: content
 * and html) first fill the TCP buffers between the server and the stalled client; small ones then
 * fill the queue cheaply. The stalled user's presence going "offline" for the readers is the sign
 * that the server let go of it; posting stops there, or at a cap.
 */
@DaehwaIT
class SlowConsumerIT {

    private static final int READERS = 50;
    private static final int POSTING_THREADS = 4;
    private static final int BIG_POSTS = 150;
    private static final int SMALL_BATCH = 100;
    private static final int SMALL_POSTS_AT_MOST = 2_500;
    private static final Duration DELIVERY_BOUND = Duration.ofSeconds(5);
    private static final Duration DRAIN = Duration.ofSeconds(60);

    @Test
    void aClientThatStopsReadingIsClosedWith1013WhileFiftyOthersGetEverythingPromptly(App app) {
        ChatUser alice = app.newUser("poster");
        ChatUser stalled = app.newUser("stalled");
        List<ChatUser> readers = IntStream.range(0, READERS).mapToObj(i -> app.newUser("reader")).toList();
        long room = alice.createRoomId(Stream.concat(Stream.of(stalled), readers.stream()).toArray(ChatUser[]::new));
        List<WsClient> readerWs = new ArrayList<>();
        try {
            readers.forEach(reader -> readerWs.add(keepingIdsOnly(app, reader)));
            try (WsClient slow = keepingIdsOnly(app, stalled)) {
                slow.stopReading();

                List<Posted> posted = postUntilCutOff(alice, room, readerWs.getFirst(), stalled);

                long slowest = slowestDelivery(readerWs, room, posted);
                long slowestMillis = Duration.ofNanos(slowest).toMillis();
                System.err.printf("[daehwa-it] slow consumer: %d messages (%d big) to %d readers, slowest delivery %d ms"
                        + " after its POST; the stalled client %s offline%n", posted.size(), BIG_POSTS, READERS,
                        slowestMillis, wentOffline(readerWs.getFirst(), stalled) ? "went" : "did not go");
                assertTrue(slowestMillis <= DELIVERY_BOUND.toMillis(), "a stalled client must not slow the others:"
                        + " a message took " + slowestMillis + " ms to reach a reader (bound " + DELIVERY_BOUND.toMillis() + " ms)");

                slow.readAgain();
                int code = slow.awaitClose(DRAIN);
                int got = slow.messagesCreated(room).size();
                assertEquals(1013, code, "a client that stopped reading is closed with 1013 once its queue overflows;"
                        + " it got " + got + " of " + posted.size() + " messages");
                assertTrue(got < posted.size(), "the stalled client was cut off, so it cannot have got all "
                        + posted.size() + " messages");
            }
        } finally {
            readerWs.forEach(WsClient::close);
        }
    }

    /** Big messages to fill the TCP buffers, then small ones until a reader sees the stalled user go offline. */
    private static List<Posted> postUntilCutOff(ChatUser poster, long room, WsClient reader, ChatUser stalled) {
        List<Posted> posted = new ArrayList<>(Posts.inParallel(POSTING_THREADS, BIG_POSTS,
                i -> new Post(poster, room, Posts.big(i))));
        for (int small = 0; small < SMALL_POSTS_AT_MOST && !wentOffline(reader, stalled); small += SMALL_BATCH) {
            posted.addAll(Posts.inParallel(POSTING_THREADS, SMALL_BATCH, i -> new Post(poster, room, "small " + i)));
        }
        return posted;
    }

    /**
     * The latest arrival minus the POST's return, over every message and reader; fails unless
     * every reader got every message exactly once.
     */
    private static long slowestDelivery(List<WsClient> readers, long room, List<Posted> posted) {
        Map<Long, Long> returnedAt = posted.stream().collect(Collectors.toMap(Posted::id, Posted::returnedNanos));
        long slowest = Long.MIN_VALUE;
        for (WsClient reader : readers) {
            List<WsClient.Frame> frames = reader.awaitFrames("message.created", aboutRoom(room), posted.size(), DRAIN,
                    "every reading client gets every message");
            List<Long> ids = frames.stream().map(frame -> Jsons.id(frame.message())).toList();
            assertEquals(returnedAt.keySet(), Set.copyOf(ids), "a reader got other messages than were posted");
            assertEquals(ids.size(), Set.copyOf(ids).size(), "a reader got a message twice");
            for (WsClient.Frame frame : frames) {
                slowest = Math.max(slowest, frame.arrivedNanos() - returnedAt.get(Jsons.id(frame.message())));
            }
        }
        return slowest;
    }

    private static boolean wentOffline(WsClient reader, ChatUser stalled) {
        return reader.framesOf("presence").stream()
                .anyMatch(frame -> WsClient.byUser(stalled).test(frame) && "offline".equals(frame.getString("status", "")));
    }

    /** A live session connection that keeps only the type and ids of each message, not its 54 kB. */
    private static WsClient keepingIdsOnly(App app, ChatUser user) {
        return WsClient.to(app).cookiesOf(user).origin(WsClient.origin(app)).keeping(SlowConsumerIT::idsOnly).openLive();
    }

    private static JsonObject idsOnly(JsonObject frame) {
        if (!"message.created".equals(frame.getString("type", "")) || !(frame.get("message") instanceof JsonObject message)) {
            return frame;
        }
        return object("type", "message.created",
                "message", object("id", message.get("id"), "roomId", message.get("roomId"), "seq", message.get("seq")));
    }
}
