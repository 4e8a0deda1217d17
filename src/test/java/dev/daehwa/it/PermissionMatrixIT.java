package dev.daehwa.it;

import static dev.daehwa.it.support.Jsons.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import dev.daehwa.it.support.Agent;
import dev.daehwa.it.support.App;
import dev.daehwa.it.support.ChatUser;
import dev.daehwa.it.support.DaehwaIT;
import dev.daehwa.it.support.Response;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every room and message endpoint against every kind of caller. Each cell builds its own room, so
 * cells never see each other's effects. A refused call must leave the room exactly as it was, and
 * a non-member must not be able to tell an existing room from a missing one.
 */
@DaehwaIT
class PermissionMatrixIT {

    enum Role { ANONYMOUS, NON_MEMBER, MEMBER, OWNER }

    /** What a request is aimed at; real ids, or ids that exist nowhere. */
    record Target(long room, long othersMessage, long ownMessage, String otherMember, String self, String newcomer) {
    }

    /** One endpoint and the status expected for anonymous, non-member, member and owner. */
    record Endpoint(String name, BiFunction<Agent, Target, Response> call, int... expected) {
        int expectedFor(Role role) {
            return expected[role.ordinal()];
        }
    }

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("GET /api/rooms/{id}",
                    (a, t) -> a.get("api/rooms/" + t.room()), 401, 404, 200, 200),
            new Endpoint("PATCH /api/rooms/{id}",
                    (a, t) -> a.patch("api/rooms/" + t.room(), object("name", "renamed")), 401, 404, 403, 200),
            new Endpoint("DELETE /api/rooms/{id}",
                    (a, t) -> a.delete("api/rooms/" + t.room()), 401, 404, 403, 204),
            new Endpoint("POST /api/rooms/{id}/users",
                    (a, t) -> a.post("api/rooms/" + t.room() + "/users", object("username", t.newcomer())), 401, 404, 200, 200),
            new Endpoint("DELETE /api/rooms/{id}/users/{another member}",
                    (a, t) -> a.delete("api/rooms/" + t.room() + "/users/" + t.otherMember()), 401, 404, 403, 204),
            new Endpoint("DELETE /api/rooms/{id}/users/{self}",
                    (a, t) -> a.delete("api/rooms/" + t.room() + "/users/" + t.self()), 401, 404, 204, 409),
            new Endpoint("POST /api/rooms/{id}/read",
                    (a, t) -> a.post("api/rooms/" + t.room() + "/read", object("seq", 3)), 401, 404, 204, 204),
            new Endpoint("GET /api/messages?room={id}",
                    (a, t) -> a.get("api/messages?room=" + t.room() + "&limit=50"), 401, 404, 200, 200),
            new Endpoint("POST /api/messages",
                    (a, t) -> a.post("api/messages", object("roomId", t.room(), "content", "hi")), 401, 404, 201, 201),
            new Endpoint("GET /api/messages/{id}",
                    (a, t) -> a.get("api/messages/" + t.othersMessage()), 401, 404, 200, 200),
            new Endpoint("PATCH /api/messages/{someone else's}",
                    (a, t) -> a.patch("api/messages/" + t.othersMessage(), object("content", "forged")), 401, 404, 403, 403),
            new Endpoint("PATCH /api/messages/{own}",
                    (a, t) -> a.patch("api/messages/" + t.ownMessage(), object("content", "edited")), 401, 404, 200, 200),
            new Endpoint("DELETE /api/messages/{someone else's}",
                    (a, t) -> a.delete("api/messages/" + t.othersMessage()), 401, 404, 403, 204),
            new Endpoint("DELETE /api/messages/{own}",
                    (a, t) -> a.delete("api/messages/" + t.ownMessage()), 401, 404, 204, 204));

    /**
     * The same endpoints on a direct room, by name, for anonymous, non-member, the person asked and
     * the person who opened it (OWNER here, with no powers): nobody renames, archives, adds or
     * removes, and nobody deletes the other's messages.
     */
    static final Map<String, int[]> IN_A_DIRECT_ROOM = Map.ofEntries(
            Map.entry("GET /api/rooms/{id}", new int[] {401, 404, 200, 200}),
            Map.entry("PATCH /api/rooms/{id}", new int[] {401, 404, 409, 409}),
            Map.entry("DELETE /api/rooms/{id}", new int[] {401, 404, 409, 409}),
            Map.entry("POST /api/rooms/{id}/users", new int[] {401, 404, 409, 409}),
            Map.entry("DELETE /api/rooms/{id}/users/{another member}", new int[] {401, 404, 409, 409}),
            Map.entry("DELETE /api/rooms/{id}/users/{self}", new int[] {401, 404, 409, 409}),
            Map.entry("POST /api/rooms/{id}/read", new int[] {401, 404, 204, 204}),
            Map.entry("GET /api/messages?room={id}", new int[] {401, 404, 200, 200}),
            Map.entry("POST /api/messages", new int[] {401, 404, 201, 201}),
            Map.entry("GET /api/messages/{id}", new int[] {401, 404, 200, 200}),
            Map.entry("PATCH /api/messages/{someone else's}", new int[] {401, 404, 403, 403}),
            Map.entry("PATCH /api/messages/{own}", new int[] {401, 404, 200, 200}),
            Map.entry("DELETE /api/messages/{someone else's}", new int[] {401, 404, 403, 403}),
            Map.entry("DELETE /api/messages/{own}", new int[] {401, 404, 204, 204}));

    @TestFactory
    Stream<DynamicTest> everyEndpointForEveryRole(App app) {
        return ENDPOINTS.stream().flatMap(endpoint -> Arrays.stream(Role.values()).map(role ->
                dynamicTest(endpoint.name() + " as " + role + " → " + endpoint.expectedFor(role),
                        () -> checkCell(app, endpoint, role, false))));
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointForEveryRoleInADirectRoom(App app) {
        return ENDPOINTS.stream().flatMap(group -> Arrays.stream(Role.values()).map(role -> {
            Endpoint endpoint = new Endpoint(group.name(), group.call(), IN_A_DIRECT_ROOM.get(group.name()));
            return dynamicTest("direct: " + endpoint.name() + " as " + role + " → " + endpoint.expectedFor(role),
                    () -> checkCell(app, endpoint, role, true));
        }));
    }

    @TestFactory
    Stream<DynamicTest> roomListNeedsOnlyALogin(App app) {
        return Arrays.stream(Role.values()).map(role -> dynamicTest("GET /api/rooms as " + role, () -> {
            Scene scene = Scene.build(app);
            Response response = scene.agent(role).get("api/rooms");
            if (role == Role.ANONYMOUS) {
                response.problem(401);
            } else {
                boolean listed = response.expect(200).jsonArray().stream()
                        .anyMatch(room -> room.asJsonObject().getJsonNumber("id").longValueExact() == scene.room);
                assertEquals(role != Role.NON_MEMBER, listed, "room listed for " + role);
            }
        }));
    }

    private static void checkCell(App app, Endpoint endpoint, Role role, boolean direct) {
        Scene scene = direct ? Scene.buildDirect(app) : Scene.build(app);
        int expected = endpoint.expectedFor(role);
        Snapshot before = scene.snapshot();

        Response response = endpoint.call().apply(scene.agent(role), scene.target(role))
                .describedAs(endpoint.name() + " as " + role);

        if (expected >= 400) {
            JsonObject problem = response.problem(expected);
            assertEquals(before, scene.snapshot(), "a refused request changed the room");
            if (role == Role.NON_MEMBER) {
                JsonObject missing = endpoint.call().apply(scene.agent(role), scene.nonexistentTarget(role)).problem(404);
                assertEquals(missing.getString("title"), problem.getString("title"),
                        "a non-member can tell an existing room from a missing one");
                assertEquals(missing.getString("type"), problem.getString("type"),
                        "a non-member can tell an existing room from a missing one");
            }
        } else {
            response.expect(expected);
        }
    }

    /** The room as its owner sees it: the room itself and its history. */
    record Snapshot(JsonObject room, JsonObject history) {
    }

    /** A fresh room: owner, member, bystander (another member), an outsider and a newcomer to add; one message each from the three members. */
    record Scene(App app, ChatUser owner, ChatUser member, ChatUser bystander, ChatUser outsider, ChatUser newcomer,
                 long room, long ownersMessage, long membersMessage, long bystandersMessage) {

        static Scene build(App app) {
            ChatUser owner = app.newUser("owner");
            ChatUser member = app.newUser("member");
            ChatUser bystander = app.newUser("bystander");
            ChatUser outsider = app.newUser("outsider");
            ChatUser newcomer = app.newUser("newcomer");
            long room = owner.createRoomId(member, bystander);
            return new Scene(app, owner, member, bystander, outsider, newcomer, room,
                    owner.sendId(room, "owner's"), member.sendId(room, "member's"), bystander.sendId(room, "bystander's"));
        }

        /**
         * A direct room opened by the owner with the member. The bystander is the opener again, so
         * that for the member "someone else" is the opener; {@link #target} swaps them for the opener.
         */
        static Scene buildDirect(App app) {
            ChatUser opener = app.newUser("opener");
            ChatUser member = app.newUser("member");
            ChatUser outsider = app.newUser("outsider");
            ChatUser newcomer = app.newUser("newcomer");
            long room = opener.openDirectId(member);
            long openersMessage = opener.sendId(room, "opener's");
            return new Scene(app, opener, member, opener, outsider, newcomer, room,
                    openersMessage, member.sendId(room, "member's"), openersMessage);
        }

        boolean isDirect() {
            return owner == bystander;
        }

        Agent agent(Role role) {
            return switch (role) {
                case ANONYMOUS -> app.anonymous();
                case NON_MEMBER -> outsider.agent();
                case MEMBER -> member.agent();
                case OWNER -> owner.agent();
            };
        }

        Target target(Role role) {
            return switch (role) {
                case MEMBER -> new Target(room, bystandersMessage, membersMessage, bystander.username(), member.username(), newcomer.username());
                case OWNER -> isDirect()
                        ? new Target(room, membersMessage, ownersMessage, member.username(), owner.username(), newcomer.username())
                        : new Target(room, bystandersMessage, ownersMessage, bystander.username(), owner.username(), newcomer.username());
                case NON_MEMBER -> new Target(room, bystandersMessage, bystandersMessage, bystander.username(), outsider.username(), newcomer.username());
                case ANONYMOUS -> new Target(room, bystandersMessage, bystandersMessage, bystander.username(), member.username(), newcomer.username());
            };
        }

        Target nonexistentTarget(Role role) {
            Target real = target(role);
            long missing = 900_000_000L + room;
            return new Target(missing, missing, missing, real.otherMember(), real.self(), real.newcomer());
        }

        Snapshot snapshot() {
            return new Snapshot(owner.agent().get("api/rooms/" + room).expect(200).json(),
                    owner.agent().get("api/messages?room=" + room + "&limit=200").expect(200).json());
        }
    }
}
