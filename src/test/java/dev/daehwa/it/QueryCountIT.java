package dev.daehwa.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.daehwa.it.support.App;
import dev.daehwa.it.support.ChatUser;
import dev.daehwa.it.support.DaehwaIT;
import dev.daehwa.it.support.Jsons;
import dev.daehwa.it.support.Pause;
import dev.daehwa.it.support.Response;
import dev.daehwa.it.support.WsClient;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * "Every query is a bulk query": the room list and a history page run a small number of SQL
 * statements that does not grow with the number of rooms or messages. The app reports the count
 * of the request in X-Daehwa-Sql-Statements when DAEHWA_SQL_STATEMENT_HEADER is on.
 */
@DaehwaIT
class QueryCountIT {

    private static final int SMALL = 10;

    @Test
    void roomListRunsTheSameFewStatementsForFiveAndFiftyRooms(App app) {
        ChatUser few = userWithRooms(app, 5);
        ChatUser many = userWithRooms(app, 50);

        int forFew = statements(few, "api/rooms", 5);
        int forMany = statements(many, "api/rooms", 50);

        assertAll(
                () -> assertTrue(forFew >= 1, "the counter reports no statement at all"),
                () -> assertTrue(forMany <= SMALL, "GET /api/rooms ran " + forMany + " statements for 50 rooms"),
                () -> assertEquals(forFew, forMany, "statements for 5 rooms vs 50 rooms"));
        assertUnreadCountsAreRight(many);
    }

    /**
     * Direct rooms are named for the other person and count every unread message as a mention:
     * both come from what the list reads anyway, so twelve direct rooms cost what one does.
     */
    @Test
    void roomListRunsTheSameStatementsForOneDirectRoomAndTwelve(App app) {
        ChatUser few = userWithDirectRooms(app, 1);
        ChatUser many = userWithDirectRooms(app, 12);

        int forFew = statements(few, "api/rooms", 4);
        int forMany = statements(many, "api/rooms", 15);

        assertAll(
                () -> assertTrue(forMany <= SMALL, "GET /api/rooms ran " + forMany + " statements with 12 direct rooms"),
                () -> assertEquals(forFew, forMany, "statements with 1 direct room vs 12"));
        for (JsonObject room : many.rooms()) {
            if ("direct".equals(room.getString("kind"))) {
                assertEquals(room.getJsonObject("with").getString("displayName"), room.getString("name"));
                assertEquals(1, room.getInt("unreadCount"), "unreadCount of " + room.getString("name"));
                assertEquals(1, room.getInt("mentionCount"), "mentionCount of " + room.getString("name"));
            }
        }
    }

    /** A user in three group rooms and that many direct rooms, each with one unread message from the other person. */
    private static ChatUser userWithDirectRooms(App app, int direct) {
        ChatUser user = userWithRooms(app, 3);
        for (int i = 0; i < direct; i++) {
            ChatUser other = app.newUser("direct");
            long room = other.openDirectId(user);
            other.send(room, "hello " + i);
        }
        return user;
    }

    /**
     * The room list reads each room's newest message by the id the room keeps: the rows its
     * statements return are the same for rooms of one message and rooms of differing, longer
     * histories (a newest-per-room query that matched rooms and seqs separately returned a cross
     * product here).
     */
    @Test
    void roomListReturnsTheSameRowsForShortAndLongHistories(App app) {
        ChatUser quiet = userWithHistories(app, i -> 1);
        ChatUser busy = userWithHistories(app, i -> 3 * i + 2);

        int forQuiet = rows(quiet);
        int forBusy = rows(busy);

        assertAll(
                () -> assertTrue(forQuiet >= 8, "the counter reports " + forQuiet + " rows for 8 rooms"),
                () -> assertEquals(forQuiet, forBusy, "rows for 8 rooms of 1 message vs 2 to 23"));
        for (JsonObject room : busy.rooms()) {
            int index = Integer.parseInt(room.getString("name").substring("room ".length()));
            assertEquals(3 * index + 2, room.getInt("unreadCount"), "unreadCount of " + room.getString("name"));
        }
    }

    @Test
    void postingQueuesEveryMembersEmailInTheSameFewStatementsForTwoAndThirtyMembers(App app) {
        ChatUser alice = app.newUser("postcount");
        List<ChatUser> many = IntStream.range(0, 30).mapToObj(i -> app.newUser("postcount")).toList();
        // Everyone wants email, so a post really does queue one per member.
        many.forEach(member -> member.chooseEmail("1h"));
        long small = alice.createRoomId(many.getFirst());
        long large = alice.createRoomId(many.toArray(ChatUser[]::new));
        alice.send(small, "warm-up");

        int forTwo = alice.agent().post("api/messages", Jsons.object("roomId", small, "content", "hi")).expect(201)
                .sqlStatements();
        int forThirty = alice.agent().post("api/messages", Jsons.object("roomId", large, "content", "hi")).expect(201)
                .sqlStatements();

        assertTrue(forThirty <= SMALL, "POST /api/messages ran " + forThirty + " statements for 30 members");
        assertEquals(forTwo, forThirty, "statements for 2 members vs 30");
    }

    @Test
    void historyPageRunsTheSameFewStatementsForFiveAndFiftyMessages(App app) {
        ChatUser alice = app.newUser("hist");
        ChatUser bob = app.newUser("histbob");
        long small = alice.createRoomId(bob);
        long large = alice.createRoomId(bob);
        for (int i = 0; i < 50; i++) {
            ChatUser sender = i % 2 == 0 ? alice : bob;
            ChatUser other = sender == alice ? bob : alice;
            if (i < 5) {
                sender.send(small, "small " + i);
            }
            // every message of the long page mentions someone and has reactions; none of the short page does
            long id = sender.sendId(large, "large @" + other.username() + " " + i);
            other.react(id, "👍").expect(204);
            sender.react(id, i % 3 == 0 ? "👍" : "😂").expect(204);
        }

        int forFew = statements(alice, "api/messages?room=" + small + "&limit=50", -1);
        int forMany = statements(alice, "api/messages?room=" + large + "&limit=50", -1);

        assertEquals(50, alice.history(large).size());
        assertAll(
                () -> assertTrue(forFew >= 1, "the counter reports no statement at all"),
                () -> assertTrue(forMany <= SMALL, "a history page of 50 ran " + forMany + " statements"),
                () -> assertEquals(forFew, forMany, "statements for 5 plain messages vs 50 that mention and have reactions"));
        JsonObject last = alice.history(large).getLast();
        assertEquals(1, last.getJsonArray("mentions").size(), "the mentions were read");
        assertEquals(2, last.getJsonArray("reactions").size(), "the reactions were read");
    }

    /**
     * The quotes of a page's replies are read together, in the statement every page runs: a page
     * of fifty replies costs what a page of five plain messages does.
     */
    @Test
    void historyPageOfRepliesRunsTheSameStatementsAsOneWithout(App app) {
        ChatUser alice = app.newUser("replies");
        ChatUser bob = app.newUser("repliesbob");
        long plain = alice.createRoomId(bob);
        long answered = alice.createRoomId(bob);
        for (int i = 0; i < 5; i++) {
            alice.send(plain, "plain " + i);
        }
        long previous = alice.sendId(answered, "the first question");
        for (int i = 0; i < 50; i++) {
            ChatUser sender = i % 2 == 0 ? bob : alice;
            previous = Jsons.id(sender.agent().post("api/messages",
                    Jsons.object("roomId", answered, "content", "answer " + i, "replyTo", previous)).expect(201).json());
        }

        int forPlain = statements(alice, "api/messages?room=" + plain + "&limit=50", -1);
        int forReplies = statements(alice, "api/messages?room=" + answered + "&limit=50", -1);

        List<JsonObject> page = alice.history(answered);
        assertEquals(50, page.stream().filter(m -> m.get("replyTo") instanceof JsonObject).count(), "the quotes were read");
        assertEquals("answer 48", page.getLast().getJsonObject("replyTo").getString("excerpt"));
        assertEquals(forPlain, forReplies, "statements for 5 plain messages vs 50 replies");
    }

    @Test
    void searchRunsTheSameFewStatementsForTwoResultsAndFifty(App app) {
        ChatUser alice = app.newUser("srch");
        ChatUser bob = app.newUser("srchbob");
        long room = alice.createRoomId(bob);
        for (int i = 0; i < 50; i++) {
            long id = (i % 2 == 0 ? alice : bob).sendId(room, (i < 2 ? "드문 " : "") + "흔한 낱말 " + i);
            if (i >= 2) {
                // the common results have reactions, the rare ones none
                alice.react(id, "👀").expect(204);
            }
        }
        String common = "api/search?q=" + URLEncoder.encode("흔한 from:" + alice.username() + " from:"
                + bob.username(), StandardCharsets.UTF_8) + "&limit=50";
        String rare = "api/search?q=" + URLEncoder.encode("드문 from:" + alice.username() + " from:"
                + bob.username(), StandardCharsets.UTF_8) + "&limit=50";
        Pause.until(Duration.ofSeconds(15), Duration.ofMillis(50),
                () -> alice.agent().get(common).expect(200).json().getJsonNumber("total").longValue() >= 50);

        Response few = alice.agent().get(rare).expect(200);
        Response many = alice.agent().get(common).expect(200);

        assertEquals(2, few.json().getJsonArray("results").size());
        assertEquals(50, many.json().getJsonArray("results").size());
        assertEquals(48, many.json().getJsonArray("results").getValuesAs(JsonObject.class).stream()
                .filter(r -> !r.getJsonObject("message").getJsonArray("reactions").isEmpty()).count(),
                "the reactions were read");
        assertAll(
                () -> assertTrue(few.sqlStatements() >= 1, "the counter reports no statement at all"),
                () -> assertTrue(many.sqlStatements() <= SMALL, "a search page of 50 ran " + many.sqlStatements() + " statements"),
                () -> assertEquals(few.sqlStatements(), many.sqlStatements(), "statements for 2 vs 50 results"));
    }

    /** from: and mentions: name people the same way: all of them are looked up in one statement. */
    @Test
    void mentionsAddsNoStatementToASearchThatNamesSendersAlready(App app) {
        ChatUser alice = app.newUser("srchm");
        ChatUser bob = app.newUser("srchmbob");
        ChatUser carol = app.newUser("srchmcarol");
        long room = alice.createRoomId(bob, carol);
        for (int i = 0; i < 10; i++) {
            (i % 2 == 0 ? alice : bob).send(room, "흔한 낱말 " + i + " @" + carol.username());
        }
        String senders = "흔한 from:" + alice.username() + " from:" + bob.username();
        String withoutMentions = "api/search?q=" + URLEncoder.encode(senders, StandardCharsets.UTF_8) + "&limit=50";
        String withMentions = "api/search?q=" + URLEncoder.encode(senders + " mentions:" + carol.username()
                + " mentions:nobody_" + carol.username(), StandardCharsets.UTF_8) + "&limit=50";
        Pause.until(Duration.ofSeconds(15), Duration.ofMillis(50),
                () -> alice.agent().get(withMentions).expect(200).json().getJsonNumber("total").longValue() >= 10);

        Response plain = alice.agent().get(withoutMentions).expect(200);
        Response mentioning = alice.agent().get(withMentions).expect(200);

        assertEquals(10, mentioning.json().getJsonArray("results").size());
        assertEquals(plain.sqlStatements(), mentioning.sqlStatements(), "statements without and with mentions:");
    }

    @Test
    void myRoomsPageRunsTheSameStatementsForFiveAndFiftyRooms(App app) {
        ChatUser few = userWithRooms(app, 5);
        ChatUser many = userWithRooms(app, 50);

        int forFew = pageStatements(few, "", 5);
        int forMany = pageStatements(many, "", 50);

        assertAll(
                () -> assertTrue(forFew >= 1, "the page reports no statement at all"),
                () -> assertTrue(forMany <= SMALL, "my rooms page ran " + forMany + " statements for 50 rooms"),
                () -> assertEquals(forFew, forMany, "statements for 5 rooms vs 50 rooms"));
    }

    /**
     * The room page shows the room list, the room, its members and up to 200 messages from
     * several senders, half of them replies: the count must not grow with any of them.
     */
    @Test
    void roomPageRunsTheSameStatementsForAQuietRoomAndABusyOne(App app) {
        ChatUser alice = app.newUser("page");
        ChatUser[] others = {app.newUser("pagebob"), app.newUser("pagecarol"), app.newUser("pagedan")};
        long quiet = alice.createRoomId(others[0]);
        long busy = alice.createRoomId(others);
        alice.send(quiet, "hello");
        others[0].send(quiet, "hi");
        long previous = 0;
        for (int i = 0; i < 150; i++) {
            ChatUser sender = i % 4 == 0 ? alice : others[i % 3];
            // every other message answers the one before, the newest too: the page reads quotes
            // for its whole history at once, and none for the room's newest message on its own
            JsonObject body = i % 2 == 1 ? Jsons.object("roomId", busy, "content", "busy " + i, "replyTo", previous)
                    : Jsons.object("roomId", busy, "content", "busy " + i);
            previous = Jsons.id(sender.agent().post("api/messages", body).expect(201).json());
        }

        int forQuiet = pageStatements(alice, "rooms/" + quiet, 2);
        int forBusy = pageStatements(alice, "rooms/" + busy, 50);

        assertAll(
                () -> assertTrue(forQuiet >= 1, "the page reports no statement at all"),
                // one more than twice SMALL since messages show their reactions: one statement for all of them
                () -> assertTrue(forBusy <= 2 * SMALL + 1, "the room page ran " + forBusy + " statements"),
                () -> assertEquals(forQuiet, forBusy, "statements for a room of 2 vs 150 messages"));
    }

    /** A page's statement count, after one warm-up request, checking it shows that many items. */
    private static int pageStatements(ChatUser user, String path, int expectedItems) {
        HttpRequest page = HttpRequest.newBuilder(user.agent().uri(path)).header("Accept", "text/html").GET().build();
        user.agent().exchange(page).expect(200);
        Response response = user.agent().exchange(page).expect(200);
        String item = path.isEmpty() ? "<li class=\"room" : "<li class=\"message";
        // One more item than shown: the empty <template> copy the scripts fill in for live arrivals.
        assertEquals(expectedItems + 1, response.body().split(java.util.regex.Pattern.quote(item), -1).length - 1,
                "items in " + path);
        return response.pageSqlStatements();
    }

    /**
     * A room change (here a rename) sends each member with a socket the room as they see it, with
     * their own unread count; all of them are read in the same few statements however many
     * members the room has. The room.updated frame reports the count of its delivery task.
     */
    @Test
    void roomChangeReachesEveryMemberInTheSameFewStatementsForThreeAndTwelveMembers(App app) {
        int forFew = statementsOfRename(app, 3);
        int forMany = statementsOfRename(app, 12);
        assertAll(
                () -> assertTrue(forFew >= 1, "the counter reports no statement at all"),
                () -> assertTrue(forMany <= SMALL, "a rename read " + forMany + " statements for 12 members"),
                () -> assertEquals(forFew, forMany, "statements for 3 members vs 12"));
    }

    /**
     * Renames a room of {@code members} people who all have a socket open; the first member (not
     * the owner) wrote one message before, so every other member has one unread. Checks that
     * each got their own view, and returns the statements the delivery reported.
     */
    private static int statementsOfRename(App app, int members) {
        ChatUser owner = app.newUser("renamer");
        List<ChatUser> people = new ArrayList<>(List.of(owner));
        IntStream.range(1, members).forEach(i -> people.add(app.newUser("member" + i)));
        long room = owner.createRoomId(people.subList(1, members).toArray(ChatUser[]::new));
        ChatUser writer = people.get(1);
        writer.send(room, "before the rename");
        List<WsClient> sockets = new ArrayList<>();
        try {
            for (ChatUser person : people) {
                sockets.add(WsClient.live(app, person));
            }
            owner.agent().patch("api/rooms/" + room, Jsons.object("name", "renamed " + members)).expect(200);
            int statements = -1;
            for (int i = 0; i < members; i++) {
                JsonObject frame = sockets.get(i).awaitFrame("room.updated",
                        f -> f.getJsonObject("room").getJsonNumber("id").longValue() == room,
                        "every member hears of the rename").json();
                ChatUser person = people.get(i);
                assertEquals("renamed " + members, frame.getJsonObject("room").getString("name"));
                assertEquals(person == writer ? 0 : 1, frame.getJsonObject("room").getInt("unreadCount"),
                        "the unread count of " + person.username() + " in their own frame");
                statements = Math.max(statements, frame.getInt("sqlStatements"));
            }
            return statements;
        } finally {
            sockets.forEach(WsClient::close);
        }
    }

    /**
     * A user in that many rooms, each shared with another member who wrote one message; the user
     * answered in every other room, so half the rooms have one unread message.
     */
    private static ChatUser userWithRooms(App app, int rooms) {
        ChatUser user = app.newUser("busy");
        ChatUser other = app.newUser("other");
        for (int i = 0; i < rooms; i++) {
            long room = Jsons.id(user.createRoom("room " + i, other));
            long latest = other.sendId(room, "question " + i);
            if (i % 2 == 0) {
                latest = user.sendId(room, "answer " + i);
            }
            // the newest message of each room shows its reactions in the room list
            other.react(latest, "👍").expect(204);
        }
        return user;
    }

    /** A user in 8 rooms where another member wrote {@code length(i)} messages into room i. */
    private static ChatUser userWithHistories(App app, java.util.function.IntUnaryOperator length) {
        ChatUser user = app.newUser("history");
        ChatUser other = app.newUser("writer");
        for (int i = 0; i < 8; i++) {
            long room = Jsons.id(user.createRoom("room " + i, other));
            for (int n = 0; n < length.applyAsInt(i); n++) {
                other.send(room, "line " + n);
            }
        }
        return user;
    }

    /** The rows the room list's statements return, measured after one warm-up call. */
    private static int rows(ChatUser user) {
        user.agent().get("api/rooms").expect(200);
        Response response = user.agent().get("api/rooms").expect(200);
        assertEquals(8, response.jsonArray().size(), "rooms listed");
        return response.sqlRows();
    }

    /** The statement count of the request, measured after one warm-up call. */
    private static int statements(ChatUser user, String path, int expectedItems) {
        user.agent().get(path).expect(200);
        Response response = user.agent().get(path).expect(200);
        if (expectedItems >= 0) {
            assertEquals(expectedItems, response.jsonArray().size(), path);
        }
        return response.sqlStatements();
    }

    private static void assertUnreadCountsAreRight(ChatUser user) {
        for (JsonObject room : user.rooms()) {
            String name = room.getString("name");
            int index = Integer.parseInt(name.substring("room ".length()));
            assertEquals(index % 2 == 0 ? 0 : 1, room.getInt("unreadCount"), "unreadCount of " + name);
            assertEquals(JsonValue.ValueType.OBJECT, room.get("latestMessage").getValueType(), "latestMessage of " + name);
        }
    }
}
