package dev.daehwa.it;

import static dev.daehwa.it.support.Jsons.object;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.daehwa.it.support.App;
import dev.daehwa.it.support.ChatUser;
import dev.daehwa.it.support.DaehwaIT;
import dev.daehwa.it.support.Response;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * Ten login attempts per username per five minutes; a success starts the count again. Each
 * attempt takes its slot in the database before the password is checked, so no burst of parallel
 * guesses gets more than ten checked. Every request comes from its own client address here, so
 * that only the username throttle is at work.
 */
@DaehwaIT
class LoginThrottleIT {

    private static final int ALLOWED_FAILURES = 10;

    @Test
    void eleventhAttemptIs429EvenWithTheRightPassword(App app) {
        ChatUser alice = app.newUser("throttle");
        failLogins(app, alice.username(), ALLOWED_FAILURES);

        Response locked = login(app, alice.username(), alice.password());

        JsonObject problem = locked.problem(429);
        assertRetryAfter(locked);
        assertTrue(problem.getString("detail").length() > 0);
    }

    @Test
    void unknownUsernameIsThrottledTheSameWay(App app) {
        ChatUser alice = app.newUser("known");
        String ghost = App.uniqueUsername("ghost");
        failLogins(app, alice.username(), ALLOWED_FAILURES);
        failLogins(app, ghost, ALLOWED_FAILURES);

        Response known = login(app, alice.username(), "still wrong");
        Response unknown = login(app, ghost, "still wrong");

        JsonObject knownProblem = known.problem(429);
        JsonObject unknownProblem = unknown.problem(429);
        assertRetryAfter(unknown);
        assertAll("the answers must not tell existing from unknown usernames",
                () -> assertEquals(knownProblem.getString("title"), unknownProblem.getString("title")),
                () -> assertEquals(knownProblem.getString("type"), unknownProblem.getString("type")),
                () -> assertEquals(known.header("Retry-After").isPresent(), unknown.header("Retry-After").isPresent()));
    }

    @Test
    void fortyParallelWrongPasswordsGetAtMostTenChecked(App app) throws Exception {
        ChatUser alice = app.newUser("parallel");
        int guesses = 40;
        ExecutorService pool = Executors.newFixedThreadPool(guesses);
        List<Response> answers = new ArrayList<>();
        try {
            CountDownLatch ready = new CountDownLatch(guesses);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Response>> pending = new ArrayList<>();
            for (int i = 0; i < guesses; i++) {
                String guess = "guess " + i;
                Callable<Response> attempt = () -> {
                    ready.countDown();
                    go.await();
                    return login(app, alice.username(), guess);
                };
                pending.add(pool.submit(attempt));
            }
            assertTrue(ready.await(30, TimeUnit.SECONDS), "threads did not start");
            go.countDown();
            for (Future<Response> answer : pending) {
                answers.add(answer.get(120, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }

        long checked = answers.stream().filter(answer -> answer.status() == 401).count();
        List<Response> refused = answers.stream().filter(answer -> answer.status() != 401).toList();
        // A 401 is the only answer that comes from a password check; 10 slots, 10 checks at most.
        assertTrue(checked >= 1 && checked <= ALLOWED_FAILURES,
                checked + " of " + guesses + " parallel guesses had their password checked, allowed " + ALLOWED_FAILURES);
        refused.forEach(answer -> {
            answer.problem(429);
            assertRetryAfter(answer);
        });
        login(app, alice.username(), alice.password()).problem(429);
    }

    @Test
    void tenFailuresAreAllowed(App app) {
        ChatUser alice = app.newUser("nine");
        failLogins(app, alice.username(), ALLOWED_FAILURES - 1);

        login(app, alice.username(), alice.password()).expect(200);
    }

    @Test
    void otherUsernamesAreUnaffected(App app) {
        ChatUser victim = app.newUser("victim");
        ChatUser bystander = app.newUser("bystander");
        failLogins(app, victim.username(), ALLOWED_FAILURES);
        login(app, victim.username(), victim.password()).problem(429);

        login(app, bystander.username(), bystander.password()).expect(200);
    }

    @Test
    void changingTheCaseOfTheUsernameDoesNotDodgeTheThrottle(App app) {
        // Usernames are unique case-insensitively, so "Alice" and "alice" are one account.
        ChatUser alice = app.newUser("casethrottle");
        failLogins(app, alice.username(), ALLOWED_FAILURES / 2);
        failLogins(app, alice.username().toUpperCase(Locale.ROOT), ALLOWED_FAILURES / 2);

        login(app, alice.username(), alice.password()).problem(429);
    }

    private static void failLogins(App app, String username, int times) {
        for (int i = 0; i < times; i++) {
            login(app, username, "wrong password " + i).problem(401);
        }
    }

    private static Response login(App app, String username, String password) {
        return app.anonymous().post("api/auth/login", object("username", username, "password", password));
    }

    private static void assertRetryAfter(Response response) {
        String retryAfter = response.header("Retry-After")
                .orElseThrow(() -> new AssertionError("no Retry-After header on " + response));
        int seconds = Integer.parseInt(retryAfter.trim());
        assertTrue(seconds > 0 && seconds <= 300, "Retry-After should be within the 5-minute window: " + retryAfter);
    }
}
