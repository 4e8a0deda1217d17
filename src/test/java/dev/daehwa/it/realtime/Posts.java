package dev.daehwa.it.realtime;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import dev.daehwa.it.support.App;
import dev.daehwa.it.support.ChatUser;
import dev.daehwa.it.support.Jsons;
import dev.daehwa.it.support.WsClient;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * Messages posted over REST from several threads at once, each remembered with the moment its
 * POST returned, so that a test can measure how long the push took from there.
 */
final class Posts {

    private static final long TIMEOUT_SECONDS = 180;

    /** Who posts what where. */
    record Post(ChatUser sender, long roomId, String content) {
    }

    /** A Message as the POST answered it, and when that answer arrived ({@link System#nanoTime()}). */
    record Posted(JsonObject message, long returnedNanos) {

        long id() {
            return Jsons.id(message);
        }

        long roomId() {
            return message.getJsonNumber("roomId").longValue();
        }
    }

    private Posts() {
    }

    /** Posts {@code count} messages from {@code threads} threads; {@code post.apply(i)} is the i-th. */
    static List<Posted> inParallel(int threads, int count, IntFunction<Post> post) {
        return await(inBackground(threads, count, post));
    }

    /** The same, without waiting: the test goes on while the messages are posted. */
    static CompletableFuture<List<Posted>> inBackground(int threads, int count, IntFunction<Post> post) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        List<Posted> posted = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<?>[] workers = IntStream.range(0, threads)
                .mapToObj(thread -> CompletableFuture.runAsync(() -> {
                    try {
                        for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                            Post p = post.apply(i);
                            JsonObject message = p.sender().send(p.roomId(), p.content());
                            posted.add(new Posted(message, System.nanoTime()));
                        }
                    } catch (RuntimeException | Error e) {
                        next.set(count);
                        throw e;
                    }
                }, pool))
                .toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(workers)
                .whenComplete((done, error) -> pool.shutdown())
                .thenApply(done -> List.copyOf(posted));
    }

    /** Waits for a background batch; a failed POST fails the test with the POST's own message. */
    static List<Posted> await(CompletableFuture<List<Posted>> posting) {
        try {
            return posting.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            while (cause instanceof CompletionException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (cause instanceof Error error) {
                throw error;
            }
            return fail("posting failed: " + cause, cause);
        } catch (TimeoutException e) {
            return fail("posting did not finish within " + TIMEOUT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted while posting", e);
        }
    }

    /** Every message of the room, ascending by seq, paging forward 200 at a time. */
    static List<JsonObject> history(ChatUser member, long roomId) {
        List<JsonObject> all = new ArrayList<>();
        boolean more = true;
        while (more) {
            long after = all.isEmpty() ? 0 : all.getLast().getInt("seq");
            JsonObject page = member.agent().get("api/messages?room=" + roomId + "&after=" + after + "&limit=200")
                    .expect(200).json();
            page.getJsonArray("messages").stream().map(JsonValue::asJsonObject).forEach(all::add);
            more = page.getBoolean("hasMore");
        }
        return all;
    }

    /** About 27 kB of UTF-8 (9,000 Hangul syllables, under the 10,000 limit), numbered so each is unique. */
    static String big(int number) {
        String head = "큰 메시지 " + number + " ";
        return head + "대화".repeat((9_000 - head.length()) / 2);
    }

    /** A session handshake whose client keeps only the type and ids of each message, not its 54 kB. */
    static WsClient.Handshake keepingIdsOnly(App app, ChatUser user) {
        return WsClient.to(app).cookiesOf(user).origin(WsClient.origin(app)).keeping(Posts::idsOnly);
    }

    private static JsonObject idsOnly(JsonObject frame) {
        if (!"message.created".equals(frame.getString("type", "")) || !(frame.get("message") instanceof JsonObject message)) {
            return frame;
        }
        return Jsons.object("type", "message.created",
                "message", Jsons.object("id", message.get("id"), "roomId", message.get("roomId"), "seq", message.get("seq")));
    }
}
