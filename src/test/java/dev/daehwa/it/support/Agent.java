package dev.daehwa.it.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.json.JsonValue;

/**
 * One HTTP "user agent": its own cookie jar (so its own session), optionally a Bearer token, and
 * by default the {@code X-Requested-With: XMLHttpRequest} header a browser script would send.
 * All agents share one {@link HttpClient}; cookies are handled here, per agent.
 *
 * <p>Each new agent is its own internet client: it sends an {@code X-Forwarded-For} address of
 * its own (from 198.18.0.0/15, a range for tests), which the server believes because the suite
 * lists 127.0.0.1 as a trusted proxy. So the per-address limits count each simulated person
 * apart, as behind a real reverse proxy, and a suite of thousands of users never hits them.
 *
 * <p>Every answer is checked for the things no request may ever produce: a 5xx, or a stack trace
 * in an error body.
 */
public final class Agent {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    public static final String JSON = "application/json";

    private final URI base;
    private final CookieManager cookies;
    private final String bearer;
    private final boolean csrfHeader;
    /** A 503 the test expects (a feature switched off), not a server failure. */
    private final boolean unavailableExpected;
    /** The client address a trusted proxy would report for this agent; null sends none. */
    private final String forwardedFor;

    Agent(URI base) {
        this(base, new CookieManager(null, CookiePolicy.ACCEPT_ALL), null, true, false, someClientAddress());
    }

    private Agent(URI base, CookieManager cookies, String bearer, boolean csrfHeader, boolean unavailableExpected,
                  String forwardedFor) {
        this.base = base;
        this.cookies = cookies;
        this.bearer = bearer;
        this.csrfHeader = csrfHeader;
        this.unavailableExpected = unavailableExpected;
        this.forwardedFor = forwardedFor;
    }

    /** A new agent without cookies that authenticates with this API token, from the same client. */
    public Agent withBearer(String token) {
        return new Agent(base, new CookieManager(null, CookiePolicy.ACCEPT_ALL), token, csrfHeader, false, forwardedFor);
    }

    /** The same agent (its cookies and token) talking to another node of the app. */
    public Agent at(URI otherBase) {
        return new Agent(otherBase, cookies, bearer, csrfHeader, unavailableExpected, forwardedFor);
    }

    /** The same session (shared cookie jar) but without the anti-CSRF header: what a forged cross-site form sends. */
    public Agent withoutCsrfHeader() {
        return new Agent(base, cookies, bearer, false, unavailableExpected, forwardedFor);
    }

    /** The same agent, for a test that expects a 503 problem rather than treating it as a crash. */
    public Agent expectingUnavailable() {
        return new Agent(base, cookies, bearer, csrfHeader, true, forwardedFor);
    }

    /** The same agent, as a trusted proxy would forward it from this client address (null: no header). */
    public Agent from(String clientAddress) {
        return new Agent(base, cookies, bearer, csrfHeader, unavailableExpected, clientAddress);
    }

    /** The address this agent's requests are forwarded for, or null. */
    public String clientAddress() {
        return forwardedFor;
    }

    /** A random address in 198.18.0.0/15, reserved for network tests, for a new simulated client. */
    public static String someClientAddress() {
        return "198." + (18 + CLIENTS.nextInt(2)) + "." + CLIENTS.nextInt(256) + "." + (1 + CLIENTS.nextInt(254));
    }

    private static final java.util.Random CLIENTS = new java.security.SecureRandom();

    public URI base() {
        return base;
    }

    public URI uri(String path) {
        if (path.startsWith("/")) {
            throw new IllegalArgumentException("use paths relative to the context root, not " + path);
        }
        return base.resolve(path);
    }

    public Response get(String path) {
        return send("GET", uri(path), BodyPublishers.noBody(), null);
    }

    public Response post(String path, JsonValue body) {
        return send("POST", uri(path), json(body), JSON);
    }

    public Response post(String path) {
        return send("POST", uri(path), BodyPublishers.noBody(), null);
    }

    public Response patch(String path, JsonValue body) {
        return send("PATCH", uri(path), json(body), JSON);
    }

    public Response put(String path, JsonValue body) {
        return send("PUT", uri(path), json(body), JSON);
    }

    public Response delete(String path) {
        return send("DELETE", uri(path), BodyPublishers.noBody(), null);
    }

    /** Sends raw bytes (malformed JSON, odd content types, chunked streams…). */
    public Response send(String method, String path, BodyPublisher body, String contentType) {
        return send(method, uri(path), body, contentType);
    }

    public Response send(String method, URI uri, BodyPublisher body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).method(method, body);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return exchange(request.build());
    }

    /** Sends a request built by the test, adding this agent's cookies and headers. */
    public Response exchange(HttpRequest prepared) {
        HttpRequest.Builder request = HttpRequest.newBuilder(prepared, (name, value) -> true)
                .timeout(prepared.timeout().orElse(REQUEST_TIMEOUT));
        if (prepared.headers().firstValue("Accept").isEmpty()) {
            request.header("Accept", "application/json");
        }
        if (csrfHeader) {
            request.header("X-Requested-With", "XMLHttpRequest");
        }
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (forwardedFor != null && prepared.headers().firstValue("X-Forwarded-For").isEmpty()) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        URI uri = prepared.uri();
        try {
            cookies.get(uri, Map.of()).forEach((name, values) -> values.forEach(value -> request.header(name, value)));
            HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            cookies.put(uri, response.headers().map());
            Response answer = new Response(prepared.method() + " " + uri, response.statusCode(), response.headers(),
                    new String(response.body(), StandardCharsets.UTF_8), response.body());
            checkNeverLeaks(answer, unavailableExpected);
            return answer;
        } catch (IOException e) {
            return fail(prepared.method() + " " + uri + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted during " + prepared.method() + " " + uri, e);
        }
    }

    /** The value of a cookie this agent holds for the app, e.g. JSESSIONID. */
    public Optional<String> cookie(String name) {
        return cookies.getCookieStore().get(base).stream()
                .filter(cookie -> cookie.getName().equals(name))
                .map(HttpCookie::getValue)
                .findFirst();
    }

    public List<HttpCookie> cookies() {
        return cookies.getCookieStore().get(base);
    }

    private static void checkNeverLeaks(Response response, boolean unavailableExpected) {
        if (response.status() >= 500 && !(unavailableExpected && response.status() == 503)) {
            fail("the server failed: " + response);
        }
        if (response.status() >= 400) {
            String body = response.body();
            if (body.contains("Exception") || body.contains("at dev.") || body.contains("\tat ")) {
                fail("an error body leaks internals: " + response);
            }
        }
    }

    private static BodyPublisher json(JsonValue body) {
        return BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8);
    }
}
