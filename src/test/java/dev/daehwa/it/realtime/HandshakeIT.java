package dev.daehwa.it.realtime;

import static dev.daehwa.it.support.Jsons.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import dev.daehwa.it.support.App;
import dev.daehwa.it.support.ChatUser;
import dev.daehwa.it.support.Contract;
import dev.daehwa.it.support.DaehwaIT;
import dev.daehwa.it.support.Jsons;
import dev.daehwa.it.support.WsClient;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

/**
 * Who may open the WebSocket: the session cookie only together with the app's own Origin (a
 * page of another site must not ride on the cookie), or a live API token.
 */
@DaehwaIT
class HandshakeIT {

    @Test
    void sessionCookieWithTheAppsOriginIsGreetedAsThatUser(App app) {
        ChatUser alice = app.newUser("hello");

        try (WsClient ws = WsClient.open(app, alice)) {
            assertHelloFor(ws.hello(), alice);
        }
    }

    @Test
    void bearerTokenWithoutOriginIsGreetedAsTheTokensOwner(App app) {
        ChatUser alice = app.newUser("hellotok");

        try (WsClient ws = WsClient.openWithToken(app, alice.createToken("script"))) {
            assertHelloFor(ws.hello(), alice);
        }
    }

    @Test
    void noCredentialsIs401(App app) {
        assertEquals(401, WsClient.to(app).refusal(), "a handshake without credentials");
        assertEquals(401, WsClient.to(app).origin(WsClient.origin(app)).refusal(),
                "a handshake with the app's Origin but no credentials");
    }

    @Test
    void madeUpTokenIs401(App app) {
        assertEquals(401, WsClient.to(app).bearer("dhw_thisIsNotARealTokenAtAll0123456789").refusal(),
                "a handshake with a token nobody issued");
    }

    @Test
    void sessionCookieFromAForeignOriginIs403(App app) {
        ChatUser alice = app.newUser("csws");

        int status = WsClient.to(app).cookiesOf(alice).origin("http://evil.example").refusal();

        assertEquals(403, status, "another site's page must not open a WebSocket with the user's cookie");
    }

    @Test
    void sessionCookieWithoutOriginIs403(App app) {
        ChatUser alice = app.newUser("noorigin");

        int status = WsClient.to(app).cookiesOf(alice).refusal();

        assertEquals(403, status, "a cookie-authenticated handshake must carry the app's Origin");
    }

    @Test
    void sessionCookieFromAnotherPortOfTheSameHostIs403(App app) {
        ChatUser alice = app.newUser("otherport");
        String otherPort = app.base().getScheme() + "://" + app.base().getHost() + ":" + (app.base().getPort() + 1);

        int status = WsClient.to(app).cookiesOf(alice).origin(otherPort).refusal();

        assertEquals(403, status, "an Origin is scheme, host and port: " + otherPort + " is another site");
    }

    @Test
    void revokedTokenIs401(App app) {
        ChatUser alice = app.newUser("revokews");
        JsonObject created = alice.agent().post("api/auth/tokens", object("name", "bot")).expect(201).json();
        String token = created.getString("token");
        try (WsClient before = WsClient.openWithToken(app, token)) {
            assertHelloFor(before.hello(), alice);
        }

        alice.agent().delete("api/auth/tokens/" + Jsons.id(created)).expect(204);

        assertEquals(401, WsClient.to(app).bearer(token).refusal(), "a revoked token must no longer open a WebSocket");
    }

    @Test
    void sessionCookieAfterLogoutIs401(App app) {
        ChatUser alice = app.newUser("loggedout");
        WsClient.Handshake withOldCookie = WsClient.to(app).cookiesOf(alice).origin(WsClient.origin(app));

        alice.agent().post("api/auth/logout").expect(204);

        assertEquals(401, withOldCookie.refusal(), "the cookie of a logged-out session is no credential");
    }

    private static void assertHelloFor(JsonObject hello, ChatUser user) {
        JsonObject greeted = hello.getJsonObject("user");
        Contract.assertUser(greeted, user);
        assertEquals(user.displayName(), greeted.getString("displayName"), "displayName in hello");
        Contract.assertType(hello, "serverTime", JsonValue.ValueType.STRING);
        Instant serverTime;
        try {
            serverTime = Instant.parse(hello.getString("serverTime"));
        } catch (DateTimeParseException e) {
            throw new AssertionError("serverTime is not an ISO-8601 instant in " + hello, e);
        }
        Duration skew = Duration.between(Instant.now(), serverTime).abs();
        assertTrue(skew.compareTo(Duration.ofMinutes(1)) < 0,
                () -> "serverTime " + serverTime + " is " + skew + " away from now; the server runs on this machine");
    }
}
