package dev.daehwa.it;

import static dev.daehwa.it.support.Jsons.object;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import dev.daehwa.it.support.Agent;
import dev.daehwa.it.support.App;
import dev.daehwa.it.support.ChatUser;
import dev.daehwa.it.support.Contract;
import dev.daehwa.it.support.DaehwaIT;
import dev.daehwa.it.support.Jsons;
import dev.daehwa.it.support.Response;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

/** Personal API tokens: created once, listed without secrets, usable as Bearer, revoked at once. */
@DaehwaIT
class ApiTokenIT {

    @Test
    void createdTokenIsShownOnceAndListedWithoutItsSecret(App app) {
        ChatUser alice = app.newUser("tok");

        JsonObject created = alice.agent().post("api/auth/tokens", object("name", "laptop script")).expect(201).json();
        Response list = alice.agent().get("api/auth/tokens").expect(200);

        String secret = created.getString("token");
        assertAll(
                () -> assertTrue(Jsons.id(created) > 0),
                () -> assertEquals("laptop script", created.getString("name")),
                () -> assertTrue(secret.startsWith("dhw_"), secret),
                () -> assertTrue(secret.length() >= 24, "a guessable token: " + secret),
                () -> Contract.assertUtc(created, "createdAt"));
        List<JsonObject> tokens = list.jsonArray().stream().map(JsonValue::asJsonObject).toList();
        assertEquals(1, tokens.size(), list::toString);
        JsonObject listed = tokens.getFirst();
        assertAll(
                () -> assertEquals(Jsons.id(created), Jsons.id(listed)),
                () -> assertEquals("laptop script", listed.getString("name")),
                () -> Contract.assertUtc(listed, "createdAt"),
                () -> assertFalse(listed.containsKey("token"), "the list shows the secret"),
                () -> assertFalse(list.body().contains(secret), "the list leaks the secret"),
                () -> assertFalse(list.body().contains(secret.substring(4)), "the list leaks the secret"));
    }

    @Test
    void tokensAreUniquePerCreation(App app) {
        ChatUser alice = app.newUser("tok2");
        String first = alice.createToken("one");
        String second = alice.createToken("two");

        assertFalse(first.equals(second));
        assertEquals(2, alice.agent().get("api/auth/tokens").expect(200).jsonArray().size());
    }

    @Test
    void bearerTokenAuthenticatesAsItsOwner(App app) {
        ChatUser alice = app.newUser("bearer");
        Agent script = app.anonymous().withBearer(alice.createToken("script"));

        JsonObject me = script.get("api/auth/me").expect(200).json();
        JsonObject room = script.withoutCsrfHeader().post("api/rooms", object("name", "made by a script")).expect(201).json();

        assertEquals(alice.id(), Jsons.id(me));
        assertEquals(alice.username(), room.getJsonObject("owner").getString("username"));
        assertTrue(alice.rooms().stream().anyMatch(r -> Jsons.id(r) == Jsons.id(room)));
    }

    @Test
    void deletedTokenStopsWorkingImmediately(App app) {
        ChatUser alice = app.newUser("revoke");
        JsonObject created = alice.agent().post("api/auth/tokens", object("name", "ci")).expect(201).json();
        Agent script = app.anonymous().withBearer(created.getString("token"));
        script.get("api/rooms").expect(200);

        alice.agent().delete("api/auth/tokens/" + Jsons.id(created)).expect(204);

        script.get("api/rooms").problem(401);
        script.get("api/auth/me").problem(401);
        assertEquals(0, alice.agent().get("api/auth/tokens").expect(200).jsonArray().size());
    }

    @Test
    void anotherUsersTokenIdIs404AndTheTokenSurvives(App app) {
        ChatUser alice = app.newUser("owner");
        ChatUser mallory = app.newUser("mallory");
        JsonObject created = alice.agent().post("api/auth/tokens", object("name", "mine")).expect(201).json();

        mallory.agent().delete("api/auth/tokens/" + Jsons.id(created)).problem(404);

        app.anonymous().withBearer(created.getString("token")).get("api/auth/me").expect(200);
        assertEquals(0, mallory.agent().get("api/auth/tokens").expect(200).jsonArray().size(),
                "one user's list shows another's tokens");
    }

    @Test
    void unknownTokenIdIs404(App app) {
        app.newUser("unknowntok").agent().delete("api/auth/tokens/987654321").problem(404);
    }

    @Test
    void madeUpBearerTokenIs401(App app) {
        Agent forger = app.anonymous().withBearer("dhw_thisIsNotARealTokenAtAll0123456789");

        forger.get("api/auth/me").problem(401);
        forger.withoutCsrfHeader().post("api/rooms", object("name", "forged")).problem(401);
    }

    @Test
    void tokensNeedAnAuthenticatedUser(App app) {
        Agent anonymous = app.anonymous();

        anonymous.post("api/auth/tokens", object("name", "x")).problem(401);
        anonymous.get("api/auth/tokens").problem(401);
        anonymous.delete("api/auth/tokens/1").problem(401);
    }

    @Test
    void tokenWithoutNameIs400(App app) {
        ChatUser alice = app.newUser("noname");

        alice.agent().post("api/auth/tokens", object()).validationProblem("name");

        assertEquals(0, alice.agent().get("api/auth/tokens").expect(200).jsonArray().size());
    }
}
