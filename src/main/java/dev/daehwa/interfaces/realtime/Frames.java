package dev.daehwa.interfaces.realtime;

import dev.daehwa.application.messages.MessageDetails;
import dev.daehwa.application.live.LiveUpdate;
import dev.daehwa.application.rooms.RoomView;
import dev.daehwa.domain.message.Message;
import dev.daehwa.domain.message.MessagePermissions;
import dev.daehwa.domain.room.UnreadCount;
import dev.daehwa.domain.user.PublicProfile;
import dev.daehwa.domain.user.User;
import dev.daehwa.infrastructure.persistence.SqlStatementCounter;
import dev.daehwa.interfaces.rest.json.Representations;
import dev.daehwa.interfaces.rest.json.UserJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;

/**
 * The server's frames of the wire protocol (docs/websocket-protocol.md). Messages and rooms are the
 * REST API's JSON, written by the same {@link Representations}, so a client parses one shape.
 */
@ApplicationScoped
public class Frames {

    private final Jsonb jsonb = JsonbBuilder.create(new JsonbConfig().withNullValues(true));
    /** Looked up once: Json.createObjectBuilder() searches the class path on every call. */
    private final JsonProvider provider = JsonProvider.provider();

    @Inject
    private Representations json;

    /**
     * The frame of a live update, the same bytes for each of its recipients: a message's update
     * is already one per group of recipients with the same permissions on it.
     */
    Frame of(LiveUpdate update) {
        return switch (update) {
            case LiveUpdate.MessageCreated created ->
                    messageCreated(created.message(), created.permissions(), created.details());
            case LiveUpdate.MessageUpdated updated ->
                    messageUpdated(updated.message(), updated.permissions(), updated.details());
            case LiveUpdate.ReactionsChanged reacted ->
                    reactions(reacted.roomId(), reacted.messageId(), reacted.reactions());
            case LiveUpdate.MessageDeleted deleted -> messageDeleted(deleted.roomId(), deleted.messageId(), deleted.seq());
            case LiveUpdate.RoomUpdated room -> roomUpdated(room.room());
            case LiveUpdate.RoomRemoved removed -> roomRemoved(removed.roomId());
            case LiveUpdate.Unread unread ->
                    unread(unread.roomId(), unread.count(), unread.lastReadSeq(), unread.mentionCount());
            case LiveUpdate.Typing typing -> typing(typing.roomId(), typing.user());
            case LiveUpdate.PresenceChanged presence -> presence(presence.user(), presence.online());
        };
    }

    Frame hello(User user, Instant now) {
        return Frame.of(helloFields(user, now).build().toString());
    }

    /** Hello with the SQL statements opening the socket took; only with DAEHWA_SQL_STATEMENT_HEADER (tests). */
    Frame hello(User user, Instant now, int sqlStatements) {
        return Frame.of(helloFields(user, now).add("sqlStatements", sqlStatements).build().toString());
    }

    private JsonObjectBuilder helloFields(User user, Instant now) {
        return typed("hello").add("user", tree(UserJson.of(user))).add("serverTime", now.toString());
    }

    Frame messageCreated(Message message, MessagePermissions permissions, MessageDetails details) {
        return new Frame(wrapped("message.created", "message", json.message(message, permissions, details)),
                message.roomId(), message.seq());
    }

    Frame messageUpdated(Message message, MessagePermissions permissions, MessageDetails details) {
        return Frame.of(wrapped("message.updated", "message", json.message(message, permissions, details)));
    }

    Frame reactions(long roomId, long messageId, List<MessageDetails.Reaction> reactions) {
        return Frame.of(typed("message.reactions").add("messageId", messageId).add("roomId", roomId)
                .add("reactions", tree(json.reactions(reactions))).build().toString());
    }

    Frame messageDeleted(long roomId, long messageId, long seq) {
        return Frame.of(typed("message.deleted").add("roomId", roomId).add("messageId", messageId).add("seq", seq)
                .build().toString());
    }

    /**
     * With DAEHWA_SQL_STATEMENT_HEADER (tests), the frame also says how many statements its
     * delivery task ran until then: all of its reads, which come before the first frame.
     */
    Frame roomUpdated(RoomView room) {
        String frame = wrapped("room.updated", "room", json.room(room));
        if (SqlStatementCounter.enabled()) {
            frame = frame.substring(0, frame.length() - 1) + ",\"sqlStatements\":" + SqlStatementCounter.current() + "}";
        }
        return Frame.of(frame);
    }

    Frame roomRemoved(long roomId) {
        return Frame.of(typed("room.removed").add("roomId", roomId).build().toString());
    }

    Frame unread(long roomId, UnreadCount unread, long lastReadSeq, long mentionCount) {
        return Frame.of(typed("unread").add("roomId", roomId).add("unreadCount", unread.count())
                .add("unreadCountCapped", unread.capped()).add("lastReadSeq", lastReadSeq)
                .add("mentionCount", mentionCount).build().toString());
    }

    Frame typing(long roomId, PublicProfile user) {
        return Frame.of(typed("typing").add("roomId", roomId).add("user", tree(UserJson.of(user))).build().toString());
    }

    Frame presence(PublicProfile user, boolean online) {
        return Frame.of(typed("presence").add("user", tree(UserJson.of(user))).add("status", online ? "online" : "offline")
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

    /** {"type":…,"<name>":<the REST JSON of value>}, written once per update whatever the audience. */
    private String wrapped(String type, String name, Object value) {
        return "{\"type\":\"" + type + "\",\"" + name + "\":" + jsonb.toJson(value) + "}";
    }

    private JsonObjectBuilder typed(String type) {
        return provider.createObjectBuilder().add("type", type);
    }

    private JsonValue tree(Object value) {
        try (JsonReader reader = provider.createReader(new StringReader(jsonb.toJson(value)))) {
            return reader.readValue();
        }
    }
}
