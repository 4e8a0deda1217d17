package dev.daehwa.bench.fanout;

import dev.daehwa.bench.BenchApi;
import jakarta.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;

/**
 * Daehwa: accounts through POST /api/auth/register, /login and /tokens (the session traded for a
 * Bearer token), rooms through POST /api/rooms, posts through POST /api/messages, live events on
 * /ws after hello and an empty resume (docs/websocket-protocol.md).
 */
final class DaehwaPeer extends Peer {

    private static final String HELLO = "{\"type\":\"hello\"";
    private static final String RESUMED = "{\"type\":\"resumed\"";
    private static final String CREATED = "{\"type\":\"message.created\"";
    private static final String ERROR = "{\"type\":\"error\"";

    private final BenchApi api;

    DaehwaPeer(URI base) throws IOException {
        super(base);
        this.api = new BenchApi(base, http);
    }

    @Override
    String name() {
        return "daehwa";
    }

    @Override
    Account createAccount(String username) {
        api.register(username);
        return new Account(-1, username, api.token(username, "fanout-bench"));
    }

    @Override
    long createRoom(Account owner, String name, List<Account> others) {
        return api.createRoom(owner.token(), name, "fan-out bench", others.stream().map(Account::username).toList());
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
        String body = Json.createObjectBuilder().add("roomId", roomId).add("content", content)
                .add("clientMessageId", clientMessageId(key)).build().toString();
        return api.postJson("messages", body).header("Authorization", "Bearer " + sender.token()).build();
    }
}
