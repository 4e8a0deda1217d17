package dev.daehwa.bench.fanout;

import jakarta.json.Json;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * Daehwa: accounts through POST /api/auth/register, /login and /tokens (the session traded for a
 * Bearer token), rooms through POST /api/rooms, posts through POST /api/messages, live events on
 * /ws after hello and an empty resume (README, "Real time: the WebSocket protocol").
 */
final class DaehwaPeer extends Peer {

    private static final String PASSWORD = "bench-password-1234";
    private static final String HELLO = "{\"type\":\"hello\"";
    private static final String RESUMED = "{\"type\":\"resumed\"";
    private static final String CREATED = "{\"type\":\"message.created\"";
    private static final String ERROR = "{\"type\":\"error\"";

    DaehwaPeer(URI base) {
        super(base);
    }

    @Override
    String name() {
        return "daehwa";
    }

    @Override
    Account createAccount(String username) throws IOException, InterruptedException {
        call(request("api/auth/register").header("Content-Type", "application/json")
                .POST(json(Json.createObjectBuilder().add("username", username).add("password", PASSWORD)
                        .add("email", username + "@bench.example").add("displayName", "부하 " + username).build()))
                .build(), 201);
        HttpResponse<String> login = http.send(request("api/auth/login").header("Content-Type", "application/json")
                .POST(json(Json.createObjectBuilder().add("username", username).add("password", PASSWORD).build()))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (login.statusCode() != 200) {
            throw new IOException("login of " + username + " answered " + login.statusCode() + ": " + login.body());
        }
        List<String> cookies = new ArrayList<>();
        for (String setCookie : login.headers().allValues("Set-Cookie")) {
            cookies.add(setCookie.split(";", 2)[0].trim());
        }
        String token = object(call(request("api/auth/tokens").header("Content-Type", "application/json")
                .header("Cookie", String.join("; ", cookies))
                .header("X-Requested-With", "XMLHttpRequest")
                .POST(json(Json.createObjectBuilder().add("name", "fanout-bench").build()))
                .build(), 201)).getString("token");
        return new Account(-1, username, token);
    }

    @Override
    long createRoom(Account owner, String name, List<Account> others) throws IOException, InterruptedException {
        return object(call(request("api/rooms").header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + owner.token())
                .POST(json(Json.createObjectBuilder().add("name", name).add("description", "fan-out bench")
                        .add("members", names(others)).build()))
                .build(), 201)).getJsonNumber("id").longValue();
    }

    @Override
    URI socketUri() {
        return URI.create(base.toString().replaceFirst("^http", "ws")).resolve("ws");
    }

    @Override
    long onFrame(Conn conn, String text) {
        if (text.startsWith(CREATED)) {
            return key(text);
        }
        if (!conn.isLive()) {
            if (text.startsWith(HELLO)) {
                conn.send("{\"type\":\"resume\",\"rooms\":{}}");
            } else if (text.startsWith(RESUMED)) {
                conn.markLive();
            }
        }
        if (text.startsWith(ERROR)) {
            conn.noteError(text);
        }
        return -1;
    }

    @Override
    HttpRequest post(Account sender, long roomId, long key, String content) {
        return request("api/messages").header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + sender.token())
                .POST(json(Json.createObjectBuilder().add("roomId", roomId).add("content", content)
                        .add("clientMessageId", clientMessageId(key)).build()))
                .build();
    }
}
