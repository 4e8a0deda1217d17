package dev.daehwa.bench.fanout;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One server under test, as the load generator sees it: how to make accounts and rooms, how to
 * open a socket and bring it live, how to post, and how to recognise a delivered message in a
 * text frame. Both peers are driven by the same {@link Conn} and the same load code; only this
 * protocol layer differs.
 *
 * <p>Every message the benchmark posts carries {@code clientMessageId = "fo<key>"}; both peers
 * echo it in the delivered Message JSON, and {@link #key(String)} finds it without parsing JSON,
 * so that the client's cost per frame stays small and equal for both.
 */
abstract class Peer {

    /** An account the benchmark made, with its Bearer token. */
    record Account(int index, String username, String token) {
    }

    static final String KEY_MARK = "\"clientMessageId\":\"fo";
    static final Duration HTTP_TIMEOUT = Duration.ofSeconds(30);

    final URI base;
    final HttpClient http;

    Peer(URI base) {
        this.base = base;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    static Peer of(String name, URI base) throws IOException {
        return switch (name) {
            case "daehwa" -> new DaehwaPeer(base);
            case "socketio" -> new SocketIoPeer(base);
            default -> throw new IllegalArgumentException("unknown peer " + name + " (daehwa or socketio)");
        };
    }

    abstract String name();

    /** Creates one account and returns it with a Bearer token. */
    abstract Account createAccount(String username) throws IOException, InterruptedException;

    /** Creates a room owned by {@code owner} with the others as members; returns its id. */
    abstract long createRoom(Account owner, String name, List<Account> others) throws IOException, InterruptedException;

    /** The WebSocket endpoint. */
    abstract URI socketUri();

    /** The handshake's headers: the Bearer token and the page's Origin. */
    Map<String, String> socketHeaders(Account account) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + account.token());
        headers.put("Origin", base.getScheme() + "://" + base.getRawAuthority());
        return headers;
    }

    /**
     * Handles one complete text frame: moves the connection towards live (answering as the
     * protocol needs), answers keep-alives, and returns the key of a delivered benchmark message,
     * or -1 for any other frame.
     */
    abstract long onFrame(Conn conn, String text);

    /** The request that posts one message. */
    abstract HttpRequest post(Account sender, long roomId, long key, String content);

    /** The status a successful post answers. */
    int postedStatus() {
        return 201;
    }

    /** The key of a frame that carries clientMessageId "fo<key>", else -1. */
    static long key(String text) {
        int at = text.indexOf(KEY_MARK);
        if (at < 0) {
            return -1;
        }
        long key = 0;
        int digits = 0;
        for (int i = at + KEY_MARK.length(); i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                break;
            }
            key = key * 10 + (c - '0');
            digits++;
        }
        return digits == 0 ? -1 : key;
    }

    static String clientMessageId(long key) {
        return "fo" + key;
    }

    // ------------------------------------------------------------------------------ plumbing

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(HTTP_TIMEOUT).header("Accept", "application/json");
    }

    static HttpRequest.BodyPublisher json(JsonObject body) {
        return HttpRequest.BodyPublishers.ofString(body.toString());
    }

    /** Sends and insists on the status; answers the body. */
    String call(HttpRequest request, int expected) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            String body = response.body();
            throw new IOException(request.method() + " " + request.uri() + " answered " + response.statusCode() + ": "
                    + body.substring(0, Math.min(300, body.length())));
        }
        return response.body();
    }

    static JsonObject object(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    static JsonArrayBuilder names(List<Account> accounts) {
        JsonArrayBuilder names = Json.createArrayBuilder();
        accounts.forEach(a -> names.add(a.username()));
        return names;
    }
}
