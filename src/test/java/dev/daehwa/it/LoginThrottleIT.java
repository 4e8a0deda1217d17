package dev.daehwa.it;

import static dev.daehwa.it.support.Jsons.object;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;

import dev.daehwa.it.support.App;
import dev.daehwa.it.support.ChatUser;
import dev.daehwa.it.support.DaehwaIT;
import dev.daehwa.it.support.Response;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/** Ten failed logins for one username within five minutes lock that username, and only that one. */
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
