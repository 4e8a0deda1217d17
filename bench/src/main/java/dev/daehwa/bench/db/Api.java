package dev.daehwa.bench.db;

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
 * The few calls of Daehwa's REST API the scenarios need (register, login for a Bearer token,
 * create a room, post, list, read history), over loopback only.
 */
final class Api {

    static final String JSON = "application/json";
    static final String PASSWORD = "bench-password-1234";
    static final String SQL_HEADER = "X-Daehwa-Sql-Statements";

    final URI api;
    final HttpClient http;

    Api(String baseUrl) throws IOException {
        requireLoopback(baseUrl);
        String base = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
        this.api = URI.create(base).resolve("api/");
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    static void requireLoopback(String baseUrl) throws IOException {
        String host = URI.create(baseUrl).getHost();
        if (host == null) {
            throw new IllegalArgumentException("No host in " + baseUrl);
        }
        for (InetAddress address : InetAddress.getAllByName(host)) {
            if (!address.isLoopbackAddress()) {
                throw new IllegalArgumentException("The scenarios talk to loopback addresses only; " + host + " is " + address);
            }
        }
    }

    /** A response, or status -1 with the exception's text for an I/O failure or a timeout. */
    record Answer(int status, String body, HttpResponse<String> response) {
        JsonObject object() {
            try (JsonReader r = Json.createReader(new StringReader(body))) {
                return r.readObject();
            }
        }

        JsonArray array() {
            try (JsonReader r = Json.createReader(new StringReader(body))) {
                return r.readArray();
            }
        }
    }

    Answer send(HttpRequest request) {
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

    Answer must(HttpRequest request, int expected) {
        Answer a = send(request);
        if (a.status() != expected) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " answered " + a.status() + ": "
                    + (a.body() == null ? "" : a.body().substring(0, Math.min(400, a.body().length()))));
        }
        return a;
    }

    HttpRequest.Builder postJson(String path, String json) {
        return HttpRequest.newBuilder(api.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", JSON)
                .header("Accept", JSON)
                .POST(HttpRequest.BodyPublishers.ofString(json));
    }

    HttpRequest get(String path, String token, Duration timeout) {
        return HttpRequest.newBuilder(api.resolve(path))
                .timeout(timeout)
                .header("Accept", JSON)
                .header("Authorization", "Bearer " + token)
                .GET()
                .build();
    }

    void register(String name) {
        String body = Json.createObjectBuilder()
                .add("username", name)
                .add("password", PASSWORD)
                .add("email", name + "@bench.example")
                .add("displayName", "부하 " + name)
                .build().toString();
        must(postJson("auth/register", body).build(), 201);
    }

    /** Session login, then the session traded for a Bearer token (the CSRF header is needed with a cookie). */
    String token(String name) {
        String body = Json.createObjectBuilder().add("username", name).add("password", PASSWORD).build().toString();
        Answer login = must(postJson("auth/login", body).build(), 200);
        List<String> cookies = new ArrayList<>();
        for (String setCookie : login.response().headers().allValues("Set-Cookie")) {
            cookies.add(setCookie.split(";", 2)[0].trim());
        }
        if (cookies.isEmpty()) {
            throw new IllegalStateException("Login set no cookie");
        }
        HttpRequest tokenRequest = postJson("auth/tokens", Json.createObjectBuilder().add("name", "bench").build().toString())
                .header("Cookie", String.join("; ", cookies))
                .header("X-Requested-With", "XMLHttpRequest")
                .build();
        return must(tokenRequest, 201).object().getString("token");
    }

    long createRoom(String token, String name, List<String> members) {
        JsonArrayBuilder m = Json.createArrayBuilder();
        members.forEach(m::add);
        String body = Json.createObjectBuilder()
                .add("name", name)
                .add("description", "bench")
                .add("members", m)
                .build().toString();
        HttpRequest request = postJson("rooms", body).header("Authorization", "Bearer " + token).build();
        return must(request, 201).object().getJsonNumber("id").longValue();
    }

    /** POST /api/messages: Korean text with a link (so the HTML rendering runs) and a fresh clientMessageId. */
    HttpRequest post(String token, long room, Duration timeout) {
        long n = ThreadLocalRandom.current().nextLong(1_000_000);
        String body = Json.createObjectBuilder()
                .add("roomId", room)
                .add("content", "부하 시험 메시지 " + n + " — notes: https://example.com/notes/" + n)
                .add("clientMessageId", UUID.randomUUID().toString())
                .build().toString();
        return postJson("messages", body).timeout(timeout).header("Authorization", "Bearer " + token).build();
    }
}
