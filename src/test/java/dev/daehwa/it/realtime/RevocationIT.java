package dev.daehwa.it.realtime;

import static dev.daehwa.it.support.Jsons.object;
import static dev.daehwa.it.support.WsClient.carrying;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.daehwa.it.support.Agent;
import dev.daehwa.it.support.App;
import dev.daehwa.it.support.ChatUser;
import dev.daehwa.it.support.DaehwaIT;
import dev.daehwa.it.support.Jsons;
import dev.daehwa.it.support.WsClient;
import jakarta.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Ending a credential ends its sockets: a revoked token, a logout and a sign-out everywhere close
 * (4401) every socket that credential opened, within a second, and leave the others open.
 */
@DaehwaIT
class RevocationIT {

    private static final int REVOKED = 4401;
    private static final Duration WITHIN = Duration.ofSeconds(1);

    @Test
    void revokingATokenClosesItsSocketsAndNoOthers(App app) {
        ChatUser minji = app.newUser("revoker");
        ChatUser joon = app.newUser("talker");
        long room = minji.createRoomId(joon);
        JsonObject revoked = minji.agent().post("api/auth/tokens", object("name", "old script")).expect(201).json();
        String kept = minji.createToken("new script");

        try (WsClient ofRevoked = WsClient.openWithToken(app, revoked.getString("token")).live();
             WsClient ofRevokedToo = WsClient.openWithToken(app, revoked.getString("token")).live();
             WsClient ofKept = WsClient.openWithToken(app, kept).live();
             WsClient ofBrowser = WsClient.live(app, minji)) {
            minji.agent().delete("api/auth/tokens/" + Jsons.id(revoked)).expect(204);

            assertEquals(REVOKED, ofRevoked.awaitClose(WITHIN), "the revoked token's socket is closed at once");
            assertEquals(REVOKED, ofRevokedToo.awaitClose(WITHIN), "every socket of the revoked token is closed");
            long after = joon.sendId(room, "posted after the revocation");
            ofKept.awaitFrame("message.created", carrying(after), "a socket of another token stays open");
            ofBrowser.awaitFrame("message.created", carrying(after), "the browser's socket stays open");
        }
    }

    @Test
    void loggingOutClosesTheSocketsOfThatLoginOnly(App app) {
        ChatUser minji = app.newUser("leaving");
        ChatUser joon = app.newUser("staying");
        long room = minji.createRoomId(joon);
        ChatUser minjiOnPhone = secondLogin(app, minji);
        String token = minji.createToken("script");

        try (WsClient laptop = WsClient.live(app, minji);
             WsClient phone = WsClient.live(app, minjiOnPhone);
             WsClient script = WsClient.openWithToken(app, token).live()) {
            minji.agent().post("api/auth/logout").expect(204);

            assertEquals(REVOKED, laptop.awaitClose(WITHIN), "the socket of the login that logged out is closed");
            long after = joon.sendId(room, "after the logout on the laptop");
            phone.awaitFrame("message.created", carrying(after), "the socket of her other login stays open");
            script.awaitFrame("message.created", carrying(after), "the token's socket stays open");
        }
    }

    @Test
    void signingOutEverywhereClosesEverySocketOfTheUserAndKeepsTokensUnlessAsked(App app) {
        ChatUser minji = app.newUser("everywhere");
        ChatUser joon = app.newUser("bystander");
        long room = minji.createRoomId(joon);
        ChatUser minjiOnPhone = secondLogin(app, minji);
        String token = minji.createToken("script");

        try (WsClient laptop = WsClient.live(app, minji);
             WsClient phone = WsClient.live(app, minjiOnPhone);
             WsClient script = WsClient.openWithToken(app, token).live();
             WsClient joonSocket = WsClient.live(app, joon)) {
            minjiOnPhone.agent().post("api/auth/sign-out-everywhere").expect(204);

            assertEquals(REVOKED, laptop.awaitClose(WITHIN), "the other login's socket is closed");
            assertEquals(REVOKED, phone.awaitClose(WITHIN), "the socket of the login that asked is closed too");
            assertEquals(REVOKED, script.awaitClose(WITHIN), "every socket of hers goes, a token's too");
            long after = minji.withAgent(app.anonymous().withBearer(token)).sendId(room, "the token still works");
            joonSocket.awaitFrame("message.created", carrying(after), "someone else's socket stays open");
        }
        minji.agent().get("api/auth/me").problem(401);
        minjiOnPhone.agent().get("api/auth/me").problem(401);
        app.anonymous().withBearer(token).get("api/auth/me").expect(200);
    }

    @Test
    void signingOutEverywhereWithTokensRevokesTheTokens(App app) {
        ChatUser minji = app.newUser("alltokens");
        String token = minji.createToken("script");
        Agent script = app.anonymous().withBearer(token);

        try (WsClient socket = WsClient.openWithToken(app, token).live()) {
            script.post("api/auth/sign-out-everywhere", object("tokens", true)).expect(204);
            assertEquals(REVOKED, socket.awaitClose(WITHIN), "the token's socket is closed");
        }
        script.get("api/auth/me").problem(401);
        minji.agent().get("api/auth/me").problem(401);
        assertEquals(401, WsClient.to(app).bearer(token).refusal(), "the revoked token opens no socket");
    }

    @Test
    void signingOutEverywhereNeedsTheCsrfHeaderWithTheCookie(App app) {
        ChatUser minji = app.newUser("forged");

        minji.agent().withoutCsrfHeader().post("api/auth/sign-out-everywhere").problem(403);

        minji.agent().get("api/auth/me").expect(200);
    }

    /** The same user logged in again on another agent: a second browser. */
    private static ChatUser secondLogin(App app, ChatUser user) {
        Agent other = app.anonymous();
        other.post("api/auth/login", object("username", user.username(), "password", user.password())).expect(200);
        ChatUser again = user.withAgent(other);
        assertTrue(!other.cookies().isEmpty(), "the second login has cookies of its own");
        return again;
    }
}
