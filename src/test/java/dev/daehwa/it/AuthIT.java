package dev.daehwa.it;

import static dev.daehwa.it.support.Jsons.object;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Registration, session login and logout, and the session cookie itself. */
@DaehwaIT
class AuthIT {

    @Test
    void registerAnswersTheUserWithEmailAndNoPassword(App app) {
        String username = App.uniqueUsername("reg");
        Response response = app.anonymous().post("api/auth/register", object(
                "username", username, "password", App.PASSWORD, "email", username + "@example.test",
                "displayName", "김철수 Chulsoo"));

        JsonObject user = response.expect(201).json();
        assertAll(
                () -> assertTrue(response.contentType().startsWith("application/json"), response::toString),
                () -> assertTrue(Jsons.id(user) > 0),
                () -> assertEquals(username, user.getString("username")),
                () -> assertEquals("김철수 Chulsoo", user.getString("displayName")),
                () -> assertEquals(username + "@example.test", user.getString("email")),
                () -> assertFalse(response.body().contains(App.PASSWORD), "the password is echoed back"),
                () -> assertFalse(user.containsKey("password") || user.containsKey("passwordHash")));
    }

    @Test
    void displayNameIsOptional(App app) {
        String username = App.uniqueUsername("nodisp");
        JsonObject user = app.anonymous().post("api/auth/register", object(
                "username", username, "password", App.PASSWORD, "email", username + "@example.test"))
                .expect(201).json();

        Contract.assertType(user, "displayName", JsonValue.ValueType.STRING);
        assertFalse(user.getString("displayName").isBlank());
    }

    @Test
    void usernamesOfThreeAndThirtyCharactersWithPunctuationAreAccepted(App app) {
        String thirty = App.uniqueUsername("a.b-c_d").concat("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx").substring(0, 30);
        String three = App.uniqueUsername("").substring(1, 4);
        for (String username : List.of(thirty, three)) {
            app.anonymous().post("api/auth/register", object(
                    "username", username, "password", "12345678", "email", username + "@example.test"))
                    .expect(201);
        }
    }

    static Stream<Arguments> invalidRegistrations() {
        String u = App.uniqueUsername("inv");
        return Stream.of(
                Arguments.of("username too short", object("username", "ab", "password", App.PASSWORD, "email", u + "1@example.test"), "username"),
                Arguments.of("username too long", object("username", "x".repeat(31), "password", App.PASSWORD, "email", u + "2@example.test"), "username"),
                Arguments.of("username with a space", object("username", "bad name", "password", App.PASSWORD, "email", u + "3@example.test"), "username"),
                Arguments.of("username with a slash", object("username", "bad/name", "password", App.PASSWORD, "email", u + "4@example.test"), "username"),
                Arguments.of("username with markup", object("username", "<b>x</b>", "password", App.PASSWORD, "email", u + "5@example.test"), "username"),
                Arguments.of("username missing", object("password", App.PASSWORD, "email", u + "6@example.test"), "username"),
                Arguments.of("password of 7 characters", object("username", u + "a", "password", "1234567", "email", u + "7@example.test"), "password"),
                Arguments.of("password missing", object("username", u + "b", "email", u + "8@example.test"), "password"),
                Arguments.of("email missing", object("username", u + "c", "password", App.PASSWORD), "email"),
                Arguments.of("email not an address", object("username", u + "d", "password", App.PASSWORD, "email", "not-an-email"), "email"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRegistrations")
    void invalidRegistrationIs400NamingTheFieldAndCreatesNoUser(String why, JsonObject body, String field, App app) {
        app.anonymous().post("api/auth/register", body).validationProblem(field);

        if (body.containsKey("username") && body.containsKey("password")) {
            app.anonymous().post("api/auth/login", object("username", body.getString("username"), "password",
                    body.getString("password"))).problem(401);
        }
    }

    @Test
    void takenUsernameIs409EvenInAnotherCase(App app) {
        ChatUser alice = app.newUser("Taken");
        Response again = app.anonymous().post("api/auth/register", object(
                "username", alice.username().toUpperCase(Locale.ROOT), "password", App.PASSWORD,
                "email", "other-" + alice.email()));

        again.problem(409);
    }

    @Test
    void anEmailAnotherAccountConfirmedIs409(App app) {
        ChatUser alice = app.newConfirmedUser("mail");
        app.anonymous().post("api/auth/register", object(
                "username", App.uniqueUsername("mail2"), "password", App.PASSWORD, "email", alice.email()))
                .problem(409);
    }

    @Test
    void loginAnswersTheUserWithEmailAndMeKnowsTheSession(App app) {
        ChatUser alice = app.newUser("login");
        Agent browser = app.anonymous();

        JsonObject loggedIn = browser.post("api/auth/login",
                object("username", alice.username(), "password", alice.password())).expect(200).json();
        JsonObject me = browser.get("api/auth/me").expect(200).json();

        assertAll(
                () -> assertEquals(alice.id(), Jsons.id(loggedIn)),
                () -> assertEquals(alice.email(), loggedIn.getString("email")),
                () -> assertEquals(alice.id(), Jsons.id(me)),
                () -> assertEquals(alice.username(), me.getString("username")),
                () -> assertEquals(alice.displayName(), me.getString("displayName")),
                () -> assertEquals(alice.email(), me.getString("email")));
    }

    static Stream<Arguments> protectedEndpoints() {
        JsonObject none = object();
        return Stream.of(
                Arguments.of("GET", "api/auth/me", null),
                Arguments.of("GET", "api/auth/tokens", null),
                Arguments.of("POST", "api/auth/tokens", object("name", "x")),
                Arguments.of("DELETE", "api/auth/tokens/1", null),
                Arguments.of("GET", "api/users?q=a&limit=20", null),
                Arguments.of("GET", "api/rooms", null),
                Arguments.of("POST", "api/rooms", object("name", "x")),
                Arguments.of("GET", "api/rooms/1", null),
                Arguments.of("PATCH", "api/rooms/1", object("name", "x")),
                Arguments.of("DELETE", "api/rooms/1", null),
                Arguments.of("POST", "api/rooms/1/users", object("username", "someone")),
                Arguments.of("DELETE", "api/rooms/1/users/someone", null),
                Arguments.of("POST", "api/rooms/1/read", object("seq", 1)),
                Arguments.of("GET", "api/messages?room=1", null),
                Arguments.of("POST", "api/messages", object("roomId", 1, "content", "x")),
                Arguments.of("GET", "api/messages/1", null),
                Arguments.of("PATCH", "api/messages/1", object("content", "x")),
                Arguments.of("DELETE", "api/messages/1", none));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("protectedEndpoints")
    void anonymousGets401Problem(String method, String path, JsonObject body, App app) {
        Agent anonymous = app.anonymous();
        Response response = body == null || body.isEmpty()
                ? anonymous.send(method, path, HttpRequest.BodyPublishers.noBody(), null)
                : anonymous.send(method, path, HttpRequest.BodyPublishers.ofString(body.toString()), Agent.JSON);

        response.problem(401);
    }

    @Test
    void wrongPasswordAndUnknownUserAreTheSame401(App app) {
        ChatUser alice = app.newUser("wrongpw");

        JsonObject wrongPassword = app.anonymous().post("api/auth/login",
                object("username", alice.username(), "password", "not the password")).problem(401);
        JsonObject unknownUser = app.anonymous().post("api/auth/login",
                object("username", App.uniqueUsername("ghost"), "password", "not the password")).problem(401);

        assertEquals(wrongPassword.getString("title"), unknownUser.getString("title"));
        assertEquals(wrongPassword.getString("detail"), unknownUser.getString("detail"),
                "the answer must not reveal whether the username exists");
    }

    @Test
    void failedLoginDoesNotAuthenticate(App app) {
        ChatUser alice = app.newUser("nologin");
        Agent browser = app.anonymous();
        browser.post("api/auth/login", object("username", alice.username(), "password", "wrong password")).problem(401);

        browser.get("api/auth/me").problem(401);
        browser.get("api/rooms").problem(401);
    }

    @Test
    void sessionCookieIsHttpOnlyAndSameSiteLax(App app) {
        ChatUser alice = app.newUser("cookie");
        Response login = app.anonymous().post("api/auth/login",
                object("username", alice.username(), "password", alice.password())).expect(200);

        String setCookie = sessionSetCookie(login)
                .orElseThrow(() -> new AssertionError("login sets no JSESSIONID cookie: " + login.headers("Set-Cookie")));
        String lower = setCookie.toLowerCase(Locale.ROOT);
        assertAll(setCookie,
                () -> assertTrue(lower.contains("httponly"), "HttpOnly"),
                () -> assertTrue(lower.replace(" ", "").contains("samesite=lax"), "SameSite=Lax"),
                () -> assertTrue(lower.contains("path=" + cookiePath(app) + ";") || lower.endsWith("path=" + cookiePath(app)),
                        "Path=" + cookiePath(app)));
    }

    @Test
    void loginRotatesTheSessionIdAndTheOldIdIsWorthless(App app) {
        ChatUser alice = app.newUser("rotate");
        Agent browser = app.anonymous();
        // Whatever session an anonymous visitor (or an attacker planting an id) may have had.
        browser.get("api/auth/me");
        browser.post("api/auth/login", object("username", alice.username(), "password", "wrong password"));
        Optional<String> beforeLogin = browser.cookie("JSESSIONID");

        Response first = browser.post("api/auth/login", object("username", alice.username(), "password", alice.password()))
                .expect(200);
        String firstId = sessionId(first);
        beforeLogin.ifPresent(old -> assertNotEquals(old, firstId, "the pre-login session id survived the login"));
        beforeLogin.ifPresent(old -> meWithSessionId(app, old).problem(401));

        Response second = browser.post("api/auth/login", object("username", alice.username(), "password", alice.password()))
                .expect(200);
        String secondId = sessionId(second);

        assertNotEquals(firstId, secondId, "logging in again within a session must rotate its id");
        meWithSessionId(app, secondId).expect(200);
        meWithSessionId(app, firstId).problem(401);
    }

    @Test
    void logoutInvalidatesTheSession(App app) {
        ChatUser alice = app.newUser("logout");
        String sessionId = alice.agent().cookie("JSESSIONID").orElseThrow();
        alice.agent().get("api/auth/me").expect(200);

        alice.agent().post("api/auth/logout").expect(204);

        alice.agent().get("api/auth/me").problem(401);
        meWithSessionId(app, sessionId).problem(401);
    }

    /**
     * The login cookie is what lets another node, or this one after a restart, recognise the
     * browser: alone it logs in, it is out of scripts' and other sites' reach, and logout ends it.
     */
    @Test
    void theLoginCookieAloneLogsInUntilLogout(App app) {
        ChatUser alice = app.newUser("durable");
        Response login = app.anonymous().post("api/auth/login",
                object("username", alice.username(), "password", alice.password())).expect(200);
        String setCookie = login.headers("Set-Cookie").stream().filter(h -> h.startsWith("daehwa_login="))
                .findFirst().orElseThrow(() -> new AssertionError("no login cookie: " + login.headers("Set-Cookie")));
        String lower = setCookie.toLowerCase(Locale.ROOT);
        assertAll(setCookie,
                () -> assertTrue(lower.contains("httponly"), "HttpOnly"),
                () -> assertTrue(lower.replace(" ", "").contains("samesite=lax"), "SameSite=Lax"),
                () -> assertTrue(lower.contains("max-age=2592000") || lower.contains("expires="), "lasts 30 days"));
        String loginCookie = setCookie.split(";", 2)[0];

        Response alone = meWithCookie(app, loginCookie);
        alone.expect(200);
        assertTrue(alone.headers("Set-Cookie").stream().anyMatch(h -> h.startsWith("JSESSIONID=")),
                "a session is set up again from the login cookie");

        app.anonymous().exchange(HttpRequest.newBuilder(app.base().resolve("api/auth/logout"))
                .header("Cookie", loginCookie).POST(HttpRequest.BodyPublishers.noBody()).build()).expect(204);
        meWithCookie(app, loginCookie).problem(401);
        meWithCookie(app, "daehwa_login=dhw_forged").problem(401);
    }

    @Test
    void logoutWithoutSessionIs204(App app) {
        app.anonymous().post("api/auth/logout").expect(204);
    }

    /** The context path the session cookie is scoped to: "/" at the root, "/daehwa" under /daehwa/. */
    private static String cookiePath(App app) {
        String path = app.base().getPath();
        return path.length() > 1 ? path.substring(0, path.length() - 1).toLowerCase(Locale.ROOT) : "/";
    }

    private static Optional<String> sessionSetCookie(Response response) {
        return response.headers("Set-Cookie").stream()
                .filter(header -> header.startsWith("JSESSIONID="))
                .filter(header -> !header.startsWith("JSESSIONID=;"))
                .findFirst();
    }

    private static String sessionId(Response login) {
        String header = sessionSetCookie(login)
                .orElseThrow(() -> new AssertionError("login did not issue a new JSESSIONID: " + login.headers("Set-Cookie")));
        return header.substring("JSESSIONID=".length()).split(";", 2)[0];
    }

    private static Response meWithCookie(App app, String cookie) {
        return app.anonymous().exchange(HttpRequest.newBuilder(app.base().resolve("api/auth/me"))
                .header("Cookie", cookie).GET().build());
    }

    private static Response meWithSessionId(App app, String sessionId) {
        return meWithCookie(app, "JSESSIONID=" + sessionId);
    }
}
