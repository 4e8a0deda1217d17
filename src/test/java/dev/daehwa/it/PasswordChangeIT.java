package dev.daehwa.it;

import static dev.daehwa.it.support.Jsons.object;
import static dev.daehwa.it.support.WsClient.carrying;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.daehwa.it.support.Agent;
import dev.daehwa.it.support.App;
import dev.daehwa.it.support.ChatUser;
import dev.daehwa.it.support.DaehwaIT;
import dev.daehwa.it.support.WsClient;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Changing one's password: the current one is required, and the others stay signed in unless asked. */
@DaehwaIT
class PasswordChangeIT {

    private static final String NEW_PASSWORD = "a much longer passphrase";

    @Test
    void theNewPasswordLogsInTheOldOneNoLongerAndOtherLoginsAndTokensStay(App app) {
        ChatUser minji = app.newUser("changer");
        Agent phone = secondLogin(app, minji);
        Agent script = app.anonymous().withBearer(minji.createToken("script"));

        minji.agent().put("api/auth/me/password", object("currentPassword", minji.password(),
                "newPassword", NEW_PASSWORD)).expect(204);

        minji.agent().get("api/auth/me").expect(200);
        phone.get("api/auth/me").expect(200);
        script.get("api/auth/me").expect(200);
        login(app, minji, minji.password()).problem(401);
        login(app, minji, NEW_PASSWORD).expect(200);
    }

    @Test
    void aWrongCurrentPasswordIsRefusedByNameAndChangesNothing(App app) {
        ChatUser minji = app.newUser("wrongcur");

        JsonObject problem = minji.agent().put("api/auth/me/password", object("currentPassword", "not my password",
                "newPassword", NEW_PASSWORD)).validationProblem("currentPassword");

        assertEquals(List.of("wrong"), codes(problem, "currentPassword"));
        login(app, minji, minji.password()).expect(200);
        login(app, minji, NEW_PASSWORD).problem(401);
    }

    @Test
    void theNewPasswordFollowsTheRulesOfRegistration(App app) {
        ChatUser minji = app.newUser("shortnew");

        JsonObject tooShort = minji.agent().put("api/auth/me/password", object("currentPassword", minji.password(),
                "newPassword", "short")).validationProblem("newPassword");
        assertEquals(List.of("too-short"), codes(tooShort, "newPassword"));
        JsonObject nothing = minji.agent().put("api/auth/me/password", object()).validationProblem("newPassword");
        assertEquals(List.of("required"), codes(nothing, "currentPassword"));
        assertEquals(List.of("required"), codes(nothing, "newPassword"));
        minji.agent().put("api/auth/me/password", object("currentPassword", minji.password(),
                "newPassword", "x".repeat(1025))).validationProblem("newPassword");
        minji.agent().send("PUT", "api/auth/me/password", java.net.http.HttpRequest.BodyPublishers.noBody(),
                Agent.JSON).problem(400);

        login(app, minji, minji.password()).expect(200);
    }

    /** Guessing the password through this form is throttled like guessing it at the login. */
    @Test
    void wrongCurrentPasswordsCountAsFailedLogins(App app) {
        ChatUser minji = app.newUser("guessed");
        for (int i = 0; i < 10; i++) {
            minji.agent().put("api/auth/me/password", object("currentPassword", "guess " + i,
                    "newPassword", NEW_PASSWORD)).validationProblem("currentPassword");
        }

        minji.agent().put("api/auth/me/password", object("currentPassword", minji.password(),
                "newPassword", NEW_PASSWORD)).problem(429);
        assertTrue(login(app, minji, minji.password()).problem(429) != null, "the login is throttled as well");
    }

    @Test
    void signingOutTheOthersEndsEveryOtherLoginTokenAndSocketButKeepsThisOne(App app) {
        ChatUser minji = app.newUser("others");
        ChatUser joon = app.newUser("roommate");
        long room = minji.createRoomId(joon);
        Agent phone = secondLogin(app, minji);
        Agent script = app.anonymous().withBearer(minji.createToken("script"));

        try (WsClient here = WsClient.live(app, minji);
             WsClient onPhone = WsClient.live(app, minji.withAgent(phone))) {
            minji.agent().put("api/auth/me/password", object("currentPassword", minji.password(),
                    "newPassword", NEW_PASSWORD, "signOutOthers", true)).expect(204);

            assertEquals(4401, onPhone.awaitClose(Duration.ofSeconds(1)), "the other login's socket is closed");
            long after = joon.sendId(room, "after the change");
            here.awaitFrame("message.created", carrying(after), "the socket of the login that changed it stays");
        }
        minji.agent().get("api/auth/me").expect(200);
        phone.get("api/auth/me").problem(401);
        script.get("api/auth/me").problem(401);
    }

    @Test
    void theChangeNeedsALoginAndTheCsrfHeader(App app) {
        ChatUser minji = app.newUser("csrfpw");
        JsonObject change = object("currentPassword", minji.password(), "newPassword", NEW_PASSWORD);

        app.anonymous().put("api/auth/me/password", change).problem(401);
        minji.agent().withoutCsrfHeader().put("api/auth/me/password", change).problem(403);

        login(app, minji, minji.password()).expect(200);
    }

    private static dev.daehwa.it.support.Response login(App app, ChatUser user, String password) {
        return app.anonymous().post("api/auth/login", object("username", user.username(), "password", password));
    }

    private static Agent secondLogin(App app, ChatUser user) {
        Agent other = app.anonymous();
        other.post("api/auth/login", object("username", user.username(), "password", user.password())).expect(200);
        return other;
    }

    private static List<String> codes(JsonObject problem, String field) {
        return problem.getJsonArray("errors").stream().map(JsonValue::asJsonObject)
                .filter(error -> error.getString("field").equals(field))
                .map(error -> error.getString("code")).toList();
    }
}
