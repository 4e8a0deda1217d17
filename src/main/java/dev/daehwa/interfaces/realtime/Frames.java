package dev.daehwa.interfaces.realtime;

import dev.daehwa.application.RoomView;
import dev.daehwa.domain.message.Message;
import dev.daehwa.domain.user.User;
import dev.daehwa.interfaces.rest.json.Representations;
import dev.daehwa.interfaces.rest.json.UserJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import java.io.StringReader;
import java.time.Instant;

/**
 * The server's frames of the wire protocol (see README, "Real time"). Messages and rooms are the
 * REST API's JSON, written by the same {@link Representations}, so a client parses one shape.
 */
@ApplicationScoped
public class Frames {

    private final Jsonb jsonb = JsonbBuilder.create(new JsonbConfig().withNullValues(true));

    @Inject
    private Representations json;

    Frame hello(User user, Instant now) {
        return Frame.of(typed("hello").add("user", tree(UserJson.of(user))).add("serverTime", now.toString())
                .build().toString());
    }

    Frame messageCreated(Message message) {
        String body = typed("message.created").add("message", tree(json.message(message))).build().toString();
        return new Frame(body, message.roomId(), message.seq());
    }

    Frame messageUpdated(Message message) {
        return Frame.of(typed("message.updated").add("message", tree(json.message(message))).build().toString());
    }

    Frame messageDeleted(long roomId, long messageId, long seq) {
        return Frame.of(typed("message.deleted").add("roomId", roomId).add("messageId", messageId).add("seq", seq)
                .build().toString());
    }

    Frame roomUpdated(RoomView room) {
        return Frame.of(typed("room.updated").add("room", tree(json.room(room))).build().toString());
    }

    Frame roomRemoved(long roomId) {
        return Frame.of(typed("room.removed").add("roomId", roomId).build().toString());
    }

    Frame unread(long roomId, long unreadCount, long lastReadSeq) {
        return Frame.of(typed("unread").add("roomId", roomId).add("unreadCount", unreadCount)
                .add("lastReadSeq", lastReadSeq).build().toString());
    }

    Frame typing(long roomId, UserJson user) {
        return Frame.of(typed("typing").add("roomId", roomId).add("user", tree(user)).build().toString());
    }

    Frame presence(UserJson user, boolean online) {
        return Frame.of(typed("presence").add("user", tree(user)).add("status", online ? "online" : "offline")
                .build().toString());
    }

    Frame resumed() {
        return Frame.of(typed("resumed").build().toString());
    }

    Frame resync(long roomId) {
        return Frame.of(typed("resync").add("roomId", roomId).build().toString());
    }

    Frame error(String detail) {
        return Frame.of(typed("error").add("detail", detail).build().toString());
    }

    private static JsonObjectBuilder typed(String type) {
        return Json.createObjectBuilder().add("type", type);
    }

    private jakarta.json.JsonValue tree(Object value) {
        return Json.createReader(new StringReader(jsonb.toJson(value))).readValue();
    }
}
