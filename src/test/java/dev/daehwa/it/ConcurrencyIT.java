package dev.daehwa.it;

import static dev.daehwa.it.support.Jsons.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import dev.daehwa.it.support.Agent;
import dev.daehwa.it.support.App;
import dev.daehwa.it.support.ChatUser;
import dev.daehwa.it.support.DaehwaIT;
import dev.daehwa.it.support.Jsons;
import dev.daehwa.it.support.Response;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/** Many writers at the same instant: seq stays 1..N without gaps or duplicates, retries stay single. */
@DaehwaIT
class ConcurrencyIT {

    private static final int THREADS = 20;
    private static final int MESSAGES_PER_THREAD = 5;

    @Test
    void twentyThreadsPostingAtOnceGetSeqOneToNWithoutGapsOrDuplicates(App app) throws Exception {
        ChatUser owner = app.newUser("crowd");
        List<ChatUser> writers = IntStream.range(0, 4).mapToObj(i -> app.newUser("writer")).toList();
        long room = owner.createRoomId(writers.toArray(ChatUser[]::new));
        List<Agent> agents = new ArrayList<>();
        agents.add(owner.agent());
        writers.forEach(writer -> agents.add(writer.agent()));

        List<List<JsonObject>> answers = runAtOnce(THREADS, thread -> {
            Agent agent = agents.get(thread % agents.size());
            List<JsonObject> sent = new ArrayList<>();
            for (int i = 0; i < MESSAGES_PER_THREAD; i++) {
                sent.add(agent.post("api/messages", object("roomId", room, "content", "t" + thread + "-m" + i))
                        .expect(201).json());
            }
            return sent;
        });

        int total = THREADS * MESSAGES_PER_THREAD;
        List<Integer> answeredSeqs = answers.stream().flatMap(List::stream).map(m -> m.getInt("seq")).sorted().toList();
        List<JsonObject> history = owner.history(room);
        List<Integer> storedSeqs = history.stream().map(m -> m.getInt("seq")).toList();
        List<Integer> oneToN = IntStream.rangeClosed(1, total).boxed().toList();

        assertEquals(oneToN, answeredSeqs, "seqs handed out to the writers");
        assertEquals(oneToN, storedSeqs, "seqs in the stored history");
        assertEquals(total, history.stream().map(Jsons::id).distinct().count(), "distinct message ids");
        assertEquals(total, history.stream().map(m -> m.getString("content")).distinct().count(), "every message stored once");
        for (List<JsonObject> thread : answers) {
            List<Integer> seqs = thread.stream().map(m -> m.getInt("seq")).toList();
            assertEquals(seqs.stream().sorted().toList(), seqs, "one writer's messages must keep their order");
        }
        JsonObject seen = owner.room(room);
        assertEquals(Jsons.id(history.getLast()), Jsons.id(seen.getJsonObject("latestMessage")),
                "latestMessage is the message with the highest seq");
    }

    @Test
    void concurrentRetriesWithOneClientMessageIdStoreOneMessage(App app) throws Exception {
        ChatUser alice = app.newUser("retrier");
        long room = alice.createRoomId();
        JsonObject body = object("roomId", room, "content", "sent over a flaky network", "clientMessageId", "flaky-1");

        List<Response> answers = runAtOnce(10, thread -> alice.agent().post("api/messages", body));

        Set<Long> ids = new HashSet<>();
        int created = 0;
        for (Response answer : answers) {
            answer.expectOneOf(200, 201);
            ids.add(Jsons.id(answer.json()));
            if (answer.status() == 201) {
                created++;
            }
        }
        assertEquals(1, ids.size(), "every retry must answer the same message: " + ids);
        assertTrue(created >= 1, "the first answer must be 201 Created");
        List<JsonObject> history = alice.history(room);
        assertEquals(1, history.size(), "history holds the message once");
        assertEquals(1, history.getFirst().getInt("seq"));
        assertEquals(2, alice.send(room, "next").getInt("seq"), "no seq was burnt by the retries");
    }

    @Test
    void addingTheSamePersonFromManyRequestsAtOnceMakesOneMembership(App app) throws Exception {
        ChatUser owner = app.newUser("adder");
        ChatUser guest = app.newUser("guest");
        long room = owner.createRoomId();

        List<Response> answers = runAtOnce(10, thread ->
                owner.agent().post("api/rooms/" + room + "/users", object("username", guest.username())));

        answers.forEach(answer -> answer.expect(200));
        List<String> members = owner.room(room).getJsonArray("members").stream()
                .map(m -> m.asJsonObject().getString("username")).toList();
        assertEquals(List.of(owner.username(), guest.username()), members, "the guest is a member exactly once");
    }

    /** Runs the task on that many threads, released together by one latch; DirectMessageIT races with it too. */
    static <T> List<T> runAtOnce(int threads, IndexedTask<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch ready = new CountDownLatch(threads);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int index = i;
                Callable<T> call = () -> {
                    ready.countDown();
                    go.await();
                    return task.run(index);
                };
                futures.add(pool.submit(call));
            }
            assertTrue(ready.await(30, TimeUnit.SECONDS), "threads did not start");
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(180, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @FunctionalInterface
    interface IndexedTask<T> {
        T run(int index) throws Exception;
    }
}
