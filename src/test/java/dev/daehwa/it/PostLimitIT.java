package dev.daehwa.it;

import static dev.daehwa.it.support.Jsons.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.daehwa.it.support.App;
import dev.daehwa.it.support.ChatUser;
import dev.daehwa.it.support.DaehwaIT;
import dev.daehwa.it.support.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * One user may post a burst and then 10 messages a second (DAEHWA_LIMIT_POSTS_PER_USER); past it,
 * posts are refused with 429 and Retry-After until tokens come back. The suite's server allows a
 * burst of 1,500 ({@link App#POSTS_PER_USER}); this test pushes past exactly that. Every attempt
 * counts, so the burst is spent with empty messages, which the server refuses without storing.
 */
@DaehwaIT
class PostLimitIT {

    private static final int THREADS = 8;

    @Test
    void aFloodFromOneUserIsCutOffAtTheConfiguredLimit(App app) throws Exception {
        app.requireOwnServer();
        String[] limit = App.POSTS_PER_USER.split("/");
        int burst = Integer.parseInt(limit[0]);
        double perSecond = burst / (double) Integer.parseInt(limit[1].replace("s", ""));
        ChatUser bot = app.newUser("bot");
        ChatUser human = app.newUser("human");
        long room = bot.createRoomId(human);

        AtomicInteger accepted = new AtomicInteger();
        AtomicBoolean cutOff = new AtomicBoolean();
        List<Response> refusals = java.util.Collections.synchronizedList(new ArrayList<>());
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                workers.add(pool.submit(() -> {
                    while (!cutOff.get() && accepted.get() < 3 * burst) {
                        Response answer = bot.agent().post("api/messages", object("roomId", room, "content", ""));
                        if (answer.status() == 429) {
                            refusals.add(answer);
                            cutOff.set(true);
                        } else {
                            answer.problem(400);
                            accepted.incrementAndGet();
                        }
                    }
                }));
            }
            for (Future<?> worker : workers) {
                worker.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        assertTrue(cutOff.get(), "no 429 after " + accepted.get() + " posts from one user");
        int allowed = burst + (int) Math.ceil(perSecond * seconds) + THREADS;
        assertTrue(accepted.get() >= burst && accepted.get() <= allowed, accepted.get()
                + " posts went through before the first 429 in " + seconds + " s; the limit allows " + burst
                + " at once and " + perSecond + " a second");
        Response refused = refusals.getFirst();
        assertEquals("urn:daehwa:problem:too-many-attempts", refused.problem(429).getString("type"));
        int retryAfter = Integer.parseInt(refused.header("Retry-After")
                .orElseThrow(() -> new AssertionError("no Retry-After on " + refused)).trim());
        assertTrue(retryAfter >= 1 && retryAfter <= 2, "one token comes back within 0.1 s, yet Retry-After is " + retryAfter);

        Response meanwhile = bot.agent().post("api/messages", object("roomId", room, "content", "a real one, still too fast"));
        if (meanwhile.status() == 429) {
            assertTrue(bot.history(room).isEmpty(), "a refused post was stored");
        }
        human.send(room, "another user is not limited by the bot");
        // Waits exactly what Retry-After promised, in real time: that the promise holds is the point.
        Thread.sleep(1000L * retryAfter);
        bot.send(room, "after Retry-After the bot may post again");
    }
}
