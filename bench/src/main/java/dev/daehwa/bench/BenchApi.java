package dev.daehwa.bench;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The calls of Daehwa's REST API that every load generator needs, in one place: register, the
 * session login traded for a Bearer token, create a room, post, and JSON GET/POST requests, over
 * loopback only.
 *
 * <p>Requests are built apart from sending them, so that a generator that times its calls (ChatLoad
 * per operation, OpenLoop from the planned send time) sends them its own way; {@link #token(String,
 * String, Exchange)} takes such a sender for the two requests of the login.
 */
public final class BenchApi {

    public static final String JSON = "application/json";
    /** The password of every account the benchmarks register. */
    public static final String PASSWORD = "bench-password-1234";
    /** Sent by the server when it runs with DAEHWA_SQL_STATEMENT_HEADER=true. */
    public static final String SQL_HEADER = "X-Daehwa-Sql-Statements";
    public static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI root;
    private final URI api;
    private final HttpClient http;

    /** An HTTP/1.1 client for {@code baseUrl} (the app at its context root), refused unless it is a loopback address. */
    public BenchApi(String baseUrl) throws IOException {
        this(URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/"), HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build());
    }

    /** The API at {@code root} (ending in "/") through the caller's client; refused unless it is a loopback address. */
    public BenchApi(URI root, HttpClient http) throws IOException {
        requireLoopback(root);
        this.root = root;
        this.api = root.resolve("api/");
        this.http = http;
    }

    public static void requireLoopback(String baseUrl) throws IOException {
        requireLoopback(URI.create(baseUrl));
    }

    /** The benchmarks never load another machine. */
    public static void requireLoopback(URI uri) throws IOException {
        String host = uri.getHost();
        if (host == null) {
            throw new IllegalArgumentException("No host in " + uri);
        }
        for (InetAddress address : InetAddress.getAllByName(host)) {
            if (!address.isLoopbackAddress()) {
                throw new IllegalArgumentException("The benchmarks talk to loopback addresses only; " + host + " is " + address);
            }
        }
    }

    /** The app's context root, e.g. for {@code /health}. */
    public URI root() {
        return root;
    }

    /** A path under {@code /api/}. */
    public URI resolve(String apiPath) {
        return api.resolve(apiPath);
    }

    /** An answer, or status -1 with the exception's text for an I/O failure, a timeout or an interrupt. */
    public record Answer(int status, String body, HttpResponse<String> response) {
        public JsonObject object() {
            try (JsonReader r = Json.createReader(new StringReader(body))) {
                return r.readObject();
            }
        }

        public JsonArray array() {
            try (JsonReader r = Json.createReader(new StringReader(body))) {
                return r.readArray();
            }
        }
    }

    /** Sends a request the caller's way (timed, counted) and insists on the status; {@code op} names it. */
    @FunctionalInterface
    public interface Exchange {
        Answer send(String op, HttpRequest request, int expectedStatus);
    }

    public Answer send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body(), r);
        } catch (IOException e) {
            return new Answer(-1, e.toString(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, e.toString(), null);
        }
    }

    /** Sends, and throws unless the answer has the expected status. */
    public Answer must(HttpRequest request, int expectedStatus) {
        Answer a = send(request);
        if (a.status() != expectedStatus) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " answered " + a.status() + ": "
                    + (a.body() == null ? "" : a.body().substring(0, Math.min(400, a.body().length()))));
        }
        return a;
    }

    public HttpRequest.Builder postJson(String apiPath, String json) {
        return HttpRequest.newBuilder(api.resolve(apiPath))
                .timeout(TIMEOUT)
                .header("Content-Type", JSON)
                .header("Accept", JSON)
                .POST(HttpRequest.BodyPublishers.ofString(json));
    }

    public HttpRequest get(String apiPath, String token) {
        return get(apiPath, token, TIMEOUT);
    }

    public HttpRequest get(String apiPath, String token, Duration timeout) {
        return HttpRequest.newBuilder(api.resolve(apiPath))
                .timeout(timeout)
                .header("Accept", JSON)
                .header("Authorization", "Bearer " + token)
                .GET()
                .build();
    }

    public HttpRequest registerRequest(String username, String displayName) {
        String body = Json.createObjectBuilder()
                .add("username", username)
                .add("password", PASSWORD)
                .add("email", username + "@bench.example")
                .add("displayName", displayName)
                .build().toString();
        return postJson("auth/register", body).build();
    }

    /** Registers an account shown as "부하 NAME". */
    public void register(String username) {
        register(username, "부하 " + username);
    }

    public void register(String username, String displayName) {
        must(registerRequest(username, displayName), 201);
    }

    /** A Bearer token named {@code tokenName} for the account (see {@link #token(String, String, Exchange)}). */
    public String token(String username, String tokenName) {
        return token(username, tokenName, (op, request, expected) -> must(request, expected));
    }

    /**
     * Logs in with a session ({@code POST /api/auth/login}, op "login") and trades the session for
     * a Bearer token ({@code POST /api/auth/tokens}, op "token"; the CSRF header is needed with a
     * cookie), both through {@code exchange}.
     */
    public String token(String username, String tokenName, Exchange exchange) {
        String credentials = Json.createObjectBuilder().add("username", username).add("password", PASSWORD).build().toString();
        Answer login = exchange.send("login", postJson("auth/login", credentials).build(), 200);
        List<String> cookies = new ArrayList<>();
        for (String setCookie : login.response().headers().allValues("Set-Cookie")) {
            cookies.add(setCookie.split(";", 2)[0].trim());
        }
        if (cookies.isEmpty()) {
            throw new IllegalStateException("the login of " + username + " set no cookie");
        }
        HttpRequest tokenRequest = postJson("auth/tokens", Json.createObjectBuilder().add("name", tokenName).build().toString())
                .header("Cookie", String.join("; ", cookies))
                .header("X-Requested-With", "XMLHttpRequest")
                .build();
        return exchange.send("token", tokenRequest, 201).object().getString("token");
    }

    public HttpRequest createRoomRequest(String token, String name, String description, List<String> members) {
        JsonArrayBuilder m = Json.createArrayBuilder();
        members.forEach(m::add);
        String body = Json.createObjectBuilder()
                .add("name", name)
                .add("description", description)
                .add("members", m)
                .build().toString();
        return postJson("rooms", body).header("Authorization", "Bearer " + token).build();
    }

    /** Creates a room with the given members besides its owner (the token's user); returns its id. */
    public long createRoom(String token, String name, String description, List<String> members) {
        return must(createRoomRequest(token, name, description, members), 201).object().getJsonNumber("id").longValue();
    }

    /** POST /api/messages: Korean text with a link (so the HTML rendering runs) and a fresh clientMessageId. */
    public HttpRequest postMessage(String token, long room, Duration timeout) {
        long n = ThreadLocalRandom.current().nextLong(1_000_000);
        String body = Json.createObjectBuilder()
                .add("roomId", room)
                .add("content", "부하 시험 메시지 " + n + " — notes: https://example.com/notes/" + n)
                .add("clientMessageId", UUID.randomUUID().toString())
                .build().toString();
        return postJson("messages", body).timeout(timeout).header("Authorization", "Bearer " + token).build();
    }
}
