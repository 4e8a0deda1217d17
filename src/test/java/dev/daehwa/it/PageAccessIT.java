package dev.daehwa.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;

import dev.daehwa.it.support.Agent;
import dev.daehwa.it.support.App;
import dev.daehwa.it.support.DaehwaIT;
import dev.daehwa.it.support.Response;
import org.junit.jupiter.api.Test;

/** Pages need a login (deny by default); errors are pages for browsers and problems for the API. */
@DaehwaIT
class PageAccessIT {

    private static Response page(Agent agent, String path) {
        return agent.exchange(HttpRequest.newBuilder(agent.uri(path)).header("Accept", "text/html").GET().build());
    }

    @Test
    void anonymousVisitorsAreSentToLoginAndBroughtBack(App app) {
        Response response = page(app.anonymous(), "logout");

        response.expect(302);
        String location = response.header("Location").orElseThrow();
        assertTrue(location.endsWith(app.base().getPath() + "login?continue=%2Flogout"), location);
    }

    @Test
    void loginAndJoinPagesAreOpenToEveryone(App app) {
        assertTrue(page(app.anonymous(), "login").expect(200).body().contains("id=\"login\""));
        assertTrue(page(app.anonymous(), "join").expect(200).body().contains("id=\"join\""));
    }

    @Test
    void anUnknownPageIsA404PageForBrowsersAndAProblemForOthers(App app) {
        Agent minji = app.newUser("pages").agent();

        Response html = page(minji, "no-such-page");
        html.expect(404);
        assertTrue(html.contentType().startsWith("text/html"), html.contentType());
        assertTrue(html.body().contains("id=\"error-title\""), html.body());

        minji.get("no-such-page").problem(404);
    }

    @Test
    void pagesCarryAContentSecurityPolicyWithANonce(App app) {
        Response login = page(app.anonymous(), "login").expect(200);
        String policy = login.header("Content-Security-Policy").orElseThrow();
        assertTrue(policy.contains("script-src 'self' 'nonce-"), policy);
        assertEquals("nosniff", login.header("X-Content-Type-Options").orElseThrow());
    }
}
