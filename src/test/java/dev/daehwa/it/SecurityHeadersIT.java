package dev.daehwa.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.daehwa.it.support.Agent;
import dev.daehwa.it.support.App;
import dev.daehwa.it.support.ChatUser;
import dev.daehwa.it.support.DaehwaIT;
import dev.daehwa.it.support.Response;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Every page, error pages included, carries one Content-Security-Policy: PrimeFaces' script nonce
 * plus no plugins, no framing by other sites, no foreign base and no foreign form targets; and
 * X-Frame-Options for browsers that predate frame-ancestors. Everything else allows nothing.
 */
@DaehwaIT
class SecurityHeadersIT {

    private static final List<String> PAGE_DIRECTIVES = List.of(
            "object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'self'");
    private static final Pattern NONCE_IN_POLICY = Pattern.compile("script-src 'self' 'nonce-([^']+)'");
    private static final Pattern NONCE_IN_PAGE = Pattern.compile("<script[^>]* nonce=\"([^\"]+)\"");

    private static Response page(Agent agent, String path) {
        return agent.exchange(HttpRequest.newBuilder(agent.uri(path)).header("Accept", "text/html").GET().build());
    }

    @Test
    void everyKindOfPageCarriesTheFullPolicyOnce(App app) throws IOException, InterruptedException {
        ChatUser minji = app.newUser("headers");
        ChatUser joon = app.newUser("framed");
        long room = minji.createRoomId(joon);
        minji.send(room, "hello");
        Agent anonymous = app.anonymous();

        List<Response> pages = List.of(
                page(anonymous, "login").expect(200),
                page(anonymous, "join").expect(200),
                page(anonymous, "unsubscribe").expect(200),
                page(minji.agent(), "").expect(200),
                page(minji.agent(), "rooms").expect(200),
                page(minji.agent(), "rooms/" + room).expect(200),
                page(minji.agent(), "search?q=hello").expect(200),
                page(minji.agent(), "profile").expect(200),
                page(anonymous, "no-such-page").expect(404),
                page(minji.agent(), "rooms/999999999").expect(404),
                page(minji.agent(), "rooms/abc").expect(404),
                page(anonymous, "errors/server.xhtml"),
                page(anonymous, "errors/expired.xhtml"));

        List<Executable> checks = new ArrayList<>();
        for (Response response : pages) {
            checks.add(() -> assertPagePolicy(response.toString(), response::headers, response.body()));
        }
        HttpResponse<String> expired = expiredView(app);
        checks.add(() -> assertPagePolicy("an expired view", name -> expired.headers().allValues(name), expired.body()));
        assertAll(checks);
    }

    /**
     * A form posted with a view the server does not have (it expired): the expired page, with a
     * status of 500, which is why it is not fetched through an Agent (that fails on any 5xx).
     */
    private static HttpResponse<String> expiredView(App app) throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> expired = http.send(HttpRequest.newBuilder(app.base().resolve("login"))
                    .header("Accept", "text/html")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("login=login&jakarta.faces.ViewState=-123%3A456"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(expired.body().contains("id=\"error-title\"") && expired.body().contains("expired"),
                    "not the expired page: " + expired.body());
            return expired;
        }
    }

    private static void assertPagePolicy(String page, Function<String, List<String>> headers, String body) {
        List<String> policies = headers.apply("Content-Security-Policy");
        assertEquals(1, policies.size(), "policies of " + page + ": " + policies);
        String policy = policies.getFirst();
        for (String directive : PAGE_DIRECTIVES) {
            assertTrue(policy.contains(directive), directive + " missing from " + policy + " on " + page);
        }
        Matcher nonce = NONCE_IN_POLICY.matcher(policy);
        assertTrue(nonce.find(), "no script nonce in " + policy + " on " + page);
        // The page's scripts carry the header's nonce: the header is the one this page was made with.
        Matcher scripts = NONCE_IN_PAGE.matcher(body);
        assertTrue(scripts.find(), "no script with a nonce on " + page);
        do {
            assertEquals(nonce.group(1), scripts.group(1), "a script's nonce on " + page);
        } while (scripts.find());
        assertEquals(List.of("SAMEORIGIN"), headers.apply("X-Frame-Options"), "X-Frame-Options of " + page);
        assertEquals(List.of("nosniff"), headers.apply("X-Content-Type-Options"), "X-Content-Type-Options of " + page);
        assertEquals(List.of("same-origin"), headers.apply("Referrer-Policy"), "Referrer-Policy of " + page);
    }

    @Test
    void apiAnswersAndProblemsAllowNothing(App app) {
        ChatUser minji = app.newUser("apihead");
        List<Response> answers = List.of(
                minji.agent().get("api/rooms").expect(200),
                minji.agent().get("api/rooms/999999999").expect(404),
                app.anonymous().get("no-such-page").expect(404));
        List<Executable> checks = new ArrayList<>();
        for (Response answer : answers) {
            checks.add(() -> assertEquals(List.of("default-src 'none'; frame-ancestors 'none'"),
                    answer.headers("Content-Security-Policy"), "policy of " + answer));
            checks.add(() -> assertEquals(List.of("SAMEORIGIN"), answer.headers("X-Frame-Options"), "of " + answer));
        }
        assertAll(checks);
    }
}
