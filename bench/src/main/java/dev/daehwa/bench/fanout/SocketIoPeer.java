package dev.daehwa.bench.fanout;

import jakarta.json.Json;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;

/**
 * The Socket.IO peer (bench/peers/socketio/server.js), spoken to over a raw JDK WebSocket with
 * Engine.IO v4 / Socket.IO v5 framing: the server opens with {@code 0{...}} (Engine.IO open), the
 * client connects to the main namespace with {@code 40}, the server confirms with
 * {@code 40{"sid":...}}; the server's Engine.IO ping {@code 2} is answered with pong {@code 3};
 * events are {@code 42["name",payload]}. Accounts, rooms and posts go over plain HTTP, like
 * Daehwa's REST API, with the same Bearer token.
 */
final class SocketIoPeer extends Peer {

    private static final String CREATED = "42[\"message.created\"";

    SocketIoPeer(URI base) {
        super(base);
    }

    @Override
    String name() {
        return "socketio";
    }

    @Override
    Account createAccount(String username) throws IOException, InterruptedException {
        String token = object(call(request("users").header("Content-Type", "application/json")
                .POST(json(Json.createObjectBuilder().add("username", username).add("displayName", "부하 " + username)
                        .build()))
                .build(), 201)).getString("token");
        return new Account(-1, username, token);
    }

    @Override
    long createRoom(Account owner, String name, List<Account> others) throws IOException, InterruptedException {
        return object(call(request("rooms").header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + owner.token())
                .POST(json(Json.createObjectBuilder().add("name", name).add("members", names(others)).build()))
                .build(), 201)).getJsonNumber("id").longValue();
    }

    @Override
    URI socketUri() {
        return URI.create(base.toString().replaceFirst("^http", "ws")).resolve("socket.io/?EIO=4&transport=websocket");
    }

    @Override
    long onFrame(Conn conn, String text) {
        if (text.startsWith(CREATED)) {
            return key(text);
        }
        if (text.equals("2")) {
            conn.send("3");
        } else if (text.startsWith("0{")) {
            conn.send("40");
        } else if (text.startsWith("40")) {
            conn.markLive();
        } else if (text.startsWith("44") || text.startsWith("41")) {
            conn.giveUp(text); // connect_error (e.g. a refused token) or a disconnect by the server
        }
        return -1;
    }

    @Override
    HttpRequest post(Account sender, long roomId, long key, String content) {
        return request("messages").header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + sender.token())
                .POST(json(Json.createObjectBuilder().add("roomId", roomId).add("content", content)
                        .add("clientMessageId", clientMessageId(key)).build()))
                .build();
    }
}
