package dev.daehwa.it.support;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue.ValueType;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

/** Assertions for the JSON shapes docs/api.md and /openapi document. */
public final class Contract {

    private Contract() {
    }

    /** User: {id, username, displayName}; {@code email} never appears outside /api/auth. */
    public static void assertUser(JsonObject user) {
        assertAll("User " + user,
                () -> assertType(user, "id", ValueType.NUMBER),
                () -> assertType(user, "username", ValueType.STRING),
                () -> assertType(user, "displayName", ValueType.STRING),
                () -> assertFalse(user.containsKey("email"), "email must not be shown here"),
                () -> assertFalse(user.containsKey("password") || user.containsKey("passwordHash"), "no password fields"));
    }

    public static void assertUser(JsonObject user, ChatUser expected) {
        assertUser(user);
        assertEquals(expected.id(), Jsons.id(user), "id of " + user);
        assertEquals(expected.username(), user.getString("username"), "username of " + user);
    }

    /** File: exactly {id, name, size, contentType, image: null, url, thumbnailUrl: null}. */
    public static void assertFile(JsonObject file) {
        assertAll("File " + file,
                () -> assertEquals(java.util.Set.of("id", "name", "size", "contentType", "image", "url", "thumbnailUrl"),
                        file.keySet(), "fields"),
                () -> assertType(file, "id", ValueType.NUMBER),
                () -> assertType(file, "name", ValueType.STRING),
                () -> assertType(file, "size", ValueType.NUMBER),
                () -> assertType(file, "contentType", ValueType.STRING),
                () -> assertType(file, "image", ValueType.NULL),
                () -> assertType(file, "url", ValueType.STRING),
                () -> assertTrue(file.getString("url", "").endsWith("/api/files/" + file.getJsonNumber("id")),
                        "url names the file's download"),
                () -> assertType(file, "thumbnailUrl", ValueType.NULL));
    }

    /**
     * Message: {id, roomId, seq, sender, content, html, snippet, createdAt, editedAt|null,
     * clientMessageId|null, mayEdit, mayDelete, mentions: [User], replyTo: ReplyTo|null,
     * reactions: [{emoji, count, me, reactors: [User]}]}.
     */
    public static void assertMessage(JsonObject message) {
        assertAll("Message " + message,
                () -> assertType(message, "id", ValueType.NUMBER),
                () -> assertType(message, "roomId", ValueType.NUMBER),
                () -> assertType(message, "seq", ValueType.NUMBER),
                () -> assertType(message, "sender", ValueType.OBJECT),
                () -> assertUser(message.getJsonObject("sender")),
                () -> assertType(message, "content", ValueType.STRING),
                () -> assertType(message, "html", ValueType.STRING),
                () -> assertType(message, "snippet", ValueType.STRING),
                () -> assertUtc(message, "createdAt"),
                () -> assertUtcOrNull(message, "editedAt"),
                () -> assertOneOf(message, "clientMessageId", ValueType.STRING, ValueType.NULL),
                () -> assertOneOf(message, "mayEdit", ValueType.TRUE, ValueType.FALSE),
                () -> assertOneOf(message, "mayDelete", ValueType.TRUE, ValueType.FALSE),
                () -> assertType(message, "mentions", ValueType.ARRAY),
                () -> message.getJsonArray("mentions").getValuesAs(JsonObject.class).forEach(Contract::assertUser),
                () -> assertOneOf(message, "replyTo", ValueType.OBJECT, ValueType.NULL),
                () -> {
                    if (message.get("replyTo") instanceof JsonObject quote) {
                        assertReplyTo(quote);
                    }
                },
                () -> assertType(message, "reactions", ValueType.ARRAY),
                () -> message.getJsonArray("reactions").getValuesAs(JsonObject.class).forEach(Contract::assertReaction));
    }

    /** What a reply quotes: {id, seq, author: User, excerpt}, or {id, deleted: true} once the original is gone. */
    public static void assertReplyTo(JsonObject quote) {
        assertType(quote, "id", ValueType.NUMBER);
        if (quote.containsKey("deleted")) {
            assertEquals(Set.of("id", "deleted"), quote.keySet(), "a deleted original's quote: " + quote);
            assertType(quote, "deleted", ValueType.TRUE);
        } else {
            assertEquals(Set.of("id", "seq", "author", "excerpt"), quote.keySet(), "a quote: " + quote);
            assertType(quote, "seq", ValueType.NUMBER);
            assertUser(quote.getJsonObject("author"));
            assertType(quote, "excerpt", ValueType.STRING);
        }
    }

    /** Reaction: {emoji, count, me, reactors: [User]}, at most 10 reactors and never more than the count. */
    public static void assertReaction(JsonObject reaction) {
        assertAll("Reaction " + reaction,
                () -> assertType(reaction, "emoji", ValueType.STRING),
                () -> assertType(reaction, "count", ValueType.NUMBER),
                () -> assertOneOf(reaction, "me", ValueType.TRUE, ValueType.FALSE),
                () -> assertType(reaction, "reactors", ValueType.ARRAY),
                () -> reaction.getJsonArray("reactors").getValuesAs(JsonObject.class).forEach(Contract::assertUser),
                () -> assertTrue(reaction.getJsonArray("reactors").size() <= Math.min(10, reaction.getInt("count")),
                        "reactors within the count and ten"));
    }

    /** What the message says its reader may do to it, as "edit", "delete", both, or none. */
    public static void assertMayDo(JsonObject message, boolean mayEdit, boolean mayDelete, String reader) {
        assertAll("what " + reader + " may do to " + message,
                () -> assertEquals(mayEdit, message.getBoolean("mayEdit"), "mayEdit for " + reader),
                () -> assertEquals(mayDelete, message.getBoolean("mayDelete"), "mayDelete for " + reader));
    }

    /**
     * The message as another member would get it: the same JSON, but with what that member may
     * do. The rest of a message is the same for every reader.
     */
    public static JsonObject asSeenWith(JsonObject message, boolean mayEdit, boolean mayDelete) {
        return Json.createObjectBuilder(message).add("mayEdit", mayEdit).add("mayDelete", mayDelete).build();
    }

    /**
     * Room: {id, kind, name, description, owner|null, with|null, members, latestMessage|null, unreadCount,
     * unreadCountCapped, lastReadSeq, mentionCount, createdAt, updatedAt}; a group room has an owner and
     * nobody in with, a direct room the other way round.
     */
    public static void assertRoom(JsonObject room) {
        assertAll("Room " + room,
                () -> assertType(room, "id", ValueType.NUMBER),
                () -> assertType(room, "name", ValueType.STRING),
                () -> assertOneOf(room, "description", ValueType.STRING, ValueType.NULL),
                () -> assertType(room, "kind", ValueType.STRING),
                () -> assertTrue(Set.of("group", "direct").contains(room.getString("kind")), "kind"),
                () -> assertType(room, "owner", "direct".equals(room.getString("kind", null)) ? ValueType.NULL : ValueType.OBJECT),
                () -> assertType(room, "with", "direct".equals(room.getString("kind", null)) ? ValueType.OBJECT : ValueType.NULL),
                () -> {
                    for (String person : List.of("owner", "with")) {
                        if (room.get(person) instanceof JsonObject user) {
                            assertUser(user);
                        }
                    }
                },
                () -> assertType(room, "members", ValueType.ARRAY),
                () -> room.getJsonArray("members").forEach(member -> assertUser(member.asJsonObject())),
                () -> assertOneOf(room, "latestMessage", ValueType.OBJECT, ValueType.NULL),
                () -> {
                    if (room.get("latestMessage") instanceof JsonObject latest) {
                        assertMessage(latest);
                    }
                },
                () -> assertType(room, "unreadCount", ValueType.NUMBER),
                () -> assertType(room, "mentionCount", ValueType.NUMBER),
                () -> assertOneOf(room, "unreadCountCapped", ValueType.TRUE, ValueType.FALSE),
                () -> assertType(room, "lastReadSeq", ValueType.NUMBER),
                () -> assertUtc(room, "createdAt"),
                () -> assertUtc(room, "updatedAt"));
    }

    public static List<String> memberNames(JsonObject room) {
        return room.getJsonArray("members").stream()
                .map(member -> member.asJsonObject().getString("username"))
                .sorted()
                .toList();
    }

    /** An ISO-8601 instant in UTC, written with a trailing Z. */
    public static Instant assertUtc(JsonObject object, String key) {
        assertType(object, key, ValueType.STRING);
        String text = object.getString(key);
        assertTrue(text.endsWith("Z"), () -> key + " is not UTC with a Z: " + text);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new AssertionError(key + " is not ISO-8601: " + text, e);
        }
    }

    public static void assertUtcOrNull(JsonObject object, String key) {
        assertOneOf(object, key, ValueType.STRING, ValueType.NULL);
        if (object.get(key).getValueType() == ValueType.STRING) {
            assertUtc(object, key);
        }
    }

    public static void assertType(JsonObject object, String key, ValueType type) {
        assertOneOf(object, key, type);
    }

    private static void assertOneOf(JsonObject object, String key, ValueType... types) {
        assertTrue(object.containsKey(key), () -> "missing \"" + key + "\" in " + object);
        JsonValue value = object.get(key);
        assertTrue(Set.of(types).contains(value.getValueType()),
                () -> "\"" + key + "\" should be " + List.of(types) + " but is " + value.getValueType() + " in " + object);
    }
}
