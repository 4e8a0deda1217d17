package dev.daehwa.it.support;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * A registered user and the agent that is logged in as them (session cookie). The helpers here
 * are for arranging a test; the request under test is best written out in the test itself.
 */
public record ChatUser(long id, String username, String password, String email, String displayName, Agent agent) {

    /** Creates a room owned by this user with these other members; returns the Room. */
    public JsonObject createRoom(String name, ChatUser... members) {
        List<String> usernames = Arrays.stream(members).map(ChatUser::username).toList();
        return agent.post("api/rooms", Jsons.object("name", name, "members", usernames)).expect(201).json();
    }

    public long createRoomId(ChatUser... members) {
        return Jsons.id(createRoom("room of " + username, members));
    }

    /** Opens this user's direct room with the other person, for the first time; returns its id. */
    public long openDirectId(ChatUser other) {
        return Jsons.id(agent.post("api/direct", Jsons.object("username", other.username())).expect(201).json());
    }

    /** Posts a message; returns the Message. */
    public JsonObject send(long roomId, String content) {
        return agent.post("api/messages", Jsons.object("roomId", roomId, "content", content)).expect(201).json();
    }

    public long sendId(long roomId, String content) {
        return Jsons.id(send(roomId, content));
    }

    /** PUT /api/messages/{id}/reactions/{emoji}, the emoji URL-encoded. */
    public Response react(long messageId, String emoji) {
        return agent.send("PUT", reactionPath(messageId, emoji), HttpRequest.BodyPublishers.noBody(), null);
    }

    /** DELETE /api/messages/{id}/reactions/{emoji}. */
    public Response unreact(long messageId, String emoji) {
        return agent.delete(reactionPath(messageId, emoji));
    }

    public static String reactionPath(long messageId, String emoji) {
        return "api/messages/" + messageId + "/reactions/" + URLEncoder.encode(emoji, StandardCharsets.UTF_8);
    }

    /** POST /api/rooms/{id}/files with this file as the multipart part named file, its length announced. */
    public Response upload(long roomId, String filename, byte[] content) {
        Multipart body = Multipart.file(filename, content);
        return agent.send("POST", "api/rooms/" + roomId + "/files", body.publisher(), body.contentType());
    }

    /** Uploads and returns the stored file's JSON. */
    public JsonObject uploaded(long roomId, String filename, byte[] content) {
        return upload(roomId, filename, content).expect(201).json();
    }

    public JsonObject room(long roomId) {
        return agent.get("api/rooms/" + roomId).expect(200).json();
    }

    public List<JsonObject> rooms() {
        return agent.get("api/rooms").expect(200).jsonArray().stream().map(JsonValue::asJsonObject).toList();
    }

    /** Up to 200 newest messages of the room, ascending by seq. */
    public List<JsonObject> history(long roomId) {
        return agent.get("api/messages?room=" + roomId + "&limit=200").expect(200)
                .json().getJsonArray("messages").stream().map(JsonValue::asJsonObject).toList();
    }

    public void addMember(long roomId, ChatUser member) {
        agent.post("api/rooms/" + roomId + "/users", Jsons.object("username", member.username())).expect(200);
    }

    /** Chooses when to be emailed about unread messages (immediate, 2m, 15m, 1h, never) and which rooms never email. */
    public void chooseEmail(String cadence, Long... mutedRooms) {
        agent.put("api/auth/me/notifications", Jsons.object("email", cadence, "mutedRooms", List.of(mutedRooms)))
                .expect(200);
    }

    /** Creates a personal API token and returns its secret. */
    public String createToken(String name) {
        return agent.post("api/auth/tokens", Jsons.object("name", name)).expect(201).json().getString("token");
    }

    /** An agent without cookies that authenticates as this user with a fresh API token. */
    /** The same user, calling through another agent (one with a bearer token survives restarts). */
    public ChatUser withAgent(Agent other) {
        return new ChatUser(id, username, password, email, displayName, other);
    }

    public Agent bearerAgent() {
        return agent.withBearer(createToken("it-" + System.nanoTime()));
    }
}
