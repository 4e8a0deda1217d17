package dev.daehwa.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.daehwa.it.support.Agent;
import dev.daehwa.it.support.App;
import dev.daehwa.it.support.ChatUser;
import dev.daehwa.it.support.DaehwaIT;
import dev.daehwa.it.support.Jsons;
import dev.daehwa.it.support.Response;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Behind a TLS-terminating proxy (the test server trusts loopback as one): a request the proxy
 * says came over HTTPS gets HSTS and only Secure cookies, the session's and the login's alike.
 * Plain HTTP, the default run at http://localhost, gets neither and still logs in.
 */
@DaehwaIT
class TransportSecurityIT {

    private static Response login(Agent agent, ChatUser user, String forwardedProto) {
        HttpRequest.Builder request = HttpRequest.newBuilder(agent.uri("api/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        Jsons.object("username", user.username(), "password", user.password()).toString()));
        if (forwardedProto != null) {
            request.header("X-Forwarded-Proto", forwardedProto);
        }
        return agent.exchange(request.build()).expect(200);
    }

    private static Response loginPage(Agent agent, String forwardedProto) {
        HttpRequest.Builder request = HttpRequest.newBuilder(agent.uri("login")).header("Accept", "text/html");
        if (forwardedProto != null) {
            request.header("X-Forwarded-Proto", forwardedProto);
        }
        return agent.exchange(request.GET().build()).expect(200);
    }

    private static List<String> cookieNames(Response response) {
        return response.headers("Set-Cookie").stream().map(c -> c.substring(0, c.indexOf('='))).toList();
    }

    private static boolean isSecure(String setCookie) {
        return List.of(setCookie.split(";")).stream().anyMatch(a -> a.strip().toLowerCase(Locale.ROOT).equals("secure"));
    }

    @Test
    void overHttpsEveryCookieIsSecureAndHstsIsSent(App app) {
        ChatUser minji = app.newUser("tls");
        Response page = loginPage(app.anonymous(), "https");
        Response loggedIn = login(app.anonymous(), minji, "https");

        List<Executable> checks = new ArrayList<>();
        checks.add(() -> assertTrue(cookieNames(page).contains("JSESSIONID"), "the page set no session: " + page));
        checks.add(() -> assertTrue(cookieNames(loggedIn).containsAll(List.of("JSESSIONID", "daehwa_login")),
                "the login set " + cookieNames(loggedIn)));
        for (Response response : List.of(page, loggedIn)) {
            checks.add(() -> assertEquals(List.of("max-age=31536000"), response.headers("Strict-Transport-Security"),
                    "HSTS on " + response));
            for (String cookie : response.headers("Set-Cookie")) {
                checks.add(() -> assertTrue(isSecure(cookie), "not Secure over HTTPS: " + cookie));
            }
        }
        assertAll(checks);
    }

    @Test
    void plainHttpHasNoSecureCookiesNoHstsAndStillLogsIn(App app) {
        ChatUser minji = app.newUser("plain");
        Agent browser = app.anonymous();
        Response page = loginPage(browser, null);
        Response loggedIn = login(browser, minji, null);
        // A proxy that says the client used plain HTTP is believed too.
        Response saidHttp = login(app.anonymous(), minji, "http");

        List<Executable> checks = new ArrayList<>();
        checks.add(() -> assertTrue(cookieNames(loggedIn).containsAll(List.of("JSESSIONID", "daehwa_login")),
                "the login set " + cookieNames(loggedIn)));
        for (Response response : List.of(page, loggedIn, saidHttp)) {
            checks.add(() -> assertTrue(response.headers("Strict-Transport-Security").isEmpty(), "HSTS on " + response));
            for (String cookie : response.headers("Set-Cookie")) {
                checks.add(() -> assertFalse(isSecure(cookie), "Secure over plain HTTP: " + cookie));
            }
        }
        // The cookies came back over plain HTTP: the login works.
        checks.add(() -> assertEquals(minji.username(), browser.get("api/auth/me").expect(200).json().getString("username")));
        assertAll(checks);
    }

    @Test
    void errorPagesForwardedPagesAndTheApiCarryHstsOverHttps(App app) {
        ChatUser minji = app.newUser("hsts");
        long room = minji.createRoomId();
        Response roomPage = minji.agent().exchange(HttpRequest.newBuilder(minji.agent().uri("rooms/" + room))
                .header("Accept", "text/html").header("X-Forwarded-Proto", "https").GET().build()).expect(200);
        Agent anonymous = app.anonymous();
        Response missingPage = anonymous.exchange(HttpRequest.newBuilder(anonymous.uri("no-such-page"))
                .header("Accept", "text/html").header("X-Forwarded-Proto", "https").GET().build()).expect(404);
        Response problem = anonymous.exchange(HttpRequest.newBuilder(anonymous.uri("api/auth/me"))
                .header("X-Forwarded-Proto", "https").GET().build()).expect(401);

        assertAll(
                () -> assertEquals(List.of("max-age=31536000"), roomPage.headers("Strict-Transport-Security")),
                () -> assertEquals(List.of("max-age=31536000"), missingPage.headers("Strict-Transport-Security")),
                () -> assertEquals(List.of("max-age=31536000"), problem.headers("Strict-Transport-Security")),
                () -> missingPage.headers("Set-Cookie").forEach(c -> assertTrue(isSecure(c), "not Secure: " + c)));
    }
}
