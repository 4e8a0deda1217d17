package dev.daehwa.it;

import static dev.daehwa.it.support.Jsons.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.daehwa.it.support.Agent;
import dev.daehwa.it.support.App;
import dev.daehwa.it.support.ChatUser;
import dev.daehwa.it.support.DaehwaIT;
import dev.daehwa.it.support.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Per client address, with the default limits: 30 logins at once then one per 2 s, 30 sign-ups
 * then one per 20 s, 20 API tokens then one per 30 s; past them, 429 with Retry-After. The
 * suite's server trusts 127.0.0.1 as a proxy, so each request here names its client in
 * X-Forwarded-For, as nginx would; a connection from anywhere else is its own client whatever it
 * forwards.
 */
@DaehwaIT
class ClientLimitIT {

    private static final int LOGINS = 30;
    private static final Duration LOGIN_REFILL = Duration.ofSeconds(2);
    private static final int SIGNUPS = 30;
    private static final Duration SIGNUP_REFILL = Duration.ofSeconds(20);
    private static final int TOKENS = 20;
    private static final Duration TOKEN_REFILL = Duration.ofSeconds(30);

    @Test
    void thirtyLoginsFromOneAddressThenTooManyRequests(App app) {
        Agent client = app.anonymous().from("203.0.113.11");

        // a new unknown username each time, so that the per-username throttle never applies
        Response refused = spendUntilRefused(LOGINS, LOGIN_REFILL, 401,
                i -> login(client, App.uniqueUsername("spray"), "guess"));

        assertRetryAfter(refused, 2);
        login(app.anonymous().from("203.0.113.12"), App.uniqueUsername("spray"), "guess").problem(401);
    }

    @Test
    void thirtySignUpsFromOneAddressThenTooManyRequestsAndNothingStored(App app) {
        Agent client = app.anonymous().from("203.0.113.31");
        String[] lastName = new String[1];

        Response refused = spendUntilRefused(SIGNUPS, SIGNUP_REFILL, 201, i -> {
            lastName[0] = App.uniqueUsername("mass");
            return register(client, lastName[0]);
        });

        assertRetryAfter(refused, 20);
        register(app.anonymous().from("203.0.113.32"), lastName[0]).expect(201);
    }

    @Test
    void twentyTokensFromOneAddressThenTooManyRequests(App app) {
        ChatUser alice = app.newUser("tokens");
        Agent here = alice.agent().from("203.0.113.41");

        Response refused = spendUntilRefused(TOKENS, TOKEN_REFILL, 201,
                i -> here.post("api/auth/tokens", object("name", "t" + i)));

        assertRetryAfter(refused, 30);
        int stored = here.get("api/auth/tokens").expect(200).jsonArray().size();
        alice.agent().from("203.0.113.42").post("api/auth/tokens", object("name", "elsewhere")).expect(201);
        assertEquals(stored + 1, here.get("api/auth/tokens").expect(200).jsonArray().size(),
                "the limit is per address, not per user");
    }

    @Test
    void forwardedForFromAnUntrustedPeerIsIgnored(App app) throws Exception {
        // 127.0.0.2 is loopback too, but not in DAEHWA_TRUSTED_PROXIES: its X-Forwarded-For is
        // written by the client itself, and a new address per request must not dodge the limit.
        HttpClient untrusted = HttpClient.newBuilder()
                .localAddress(InetAddress.getByName("127.0.0.2"))
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        URI login = app.base().resolve("api/auth/login");

        Response refused = spendUntilRefused(LOGINS, LOGIN_REFILL, 401, i -> {
            HttpRequest request = HttpRequest.newBuilder(login)
                    .header("Content-Type", "application/json")
                    .header("X-Requested-With", "XMLHttpRequest")
                    .header("X-Forwarded-For", "198.51.100." + (i + 1))
                    .POST(HttpRequest.BodyPublishers.ofString(
                            object("username", App.uniqueUsername("forged"), "password", "guess").toString()))
                    .build();
            try {
                HttpResponse<String> answer = untrusted.send(request, HttpResponse.BodyHandlers.ofString());
                return new Response("POST " + login + " from 127.0.0.2", answer.statusCode(), answer.headers(),
                        answer.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });

        assertRetryAfter(refused, 2);
        // The same addresses, forwarded by the trusted proxy, are clients of their own.
        login(app.anonymous().from("198.51.100.5"), App.uniqueUsername("forged"), "guess").problem(401);
    }

    /**
     * Makes attempts until the first 429 and returns it. The ones before must number at least the
     * burst, and no more than the burst plus what came back while the attempts ran (the machine
     * may be slow), so neither a missing limit nor a wrong one passes.
     */
    private static Response spendUntilRefused(int burst, Duration refillEach, int acceptedStatus,
                                              IntFunction<Response> attempt) {
        long started = System.nanoTime();
        for (int i = 0; i < 3 * burst + 10; i++) {
            Response answer = attempt.apply(i);
            if (answer.status() == 429) {
                long refilled = Duration.ofNanos(System.nanoTime() - started).dividedBy(refillEach) + 1;
                assertTrue(i >= burst && i <= burst + refilled, i + " attempts went through before the first 429; "
                        + "the limit allows " + burst + " at once and " + refilled + " came back meanwhile");
                answer.problem(429);
                return answer;
            }
            answer.expect(acceptedStatus);
        }
        return fail("never refused: " + (3 * burst + 10) + " attempts from one client, burst " + burst);
    }

    private static Response login(Agent agent, String username, String password) {
        return agent.post("api/auth/login", object("username", username, "password", password));
    }

    private static Response register(Agent agent, String username) {
        return agent.post("api/auth/register", object("username", username, "password", App.PASSWORD,
                "email", username + "@example.test", "displayName", username));
    }

    private static void assertRetryAfter(Response response, int atMostSeconds) {
        String header = response.header("Retry-After")
                .orElseThrow(() -> new AssertionError("no Retry-After on " + response));
        int seconds = Integer.parseInt(header.trim());
        assertTrue(seconds >= 1 && seconds <= atMostSeconds, "Retry-After " + header + " on " + response);
    }
}
