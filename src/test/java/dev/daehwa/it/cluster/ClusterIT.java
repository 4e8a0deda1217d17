package dev.daehwa.it.cluster;

import static dev.daehwa.it.notification.Notified.exactlyOneEmailEach;
import static dev.daehwa.it.support.WsClient.aboutRoom;
import static dev.daehwa.it.support.WsClient.byUser;
import static dev.daehwa.it.support.WsClient.carrying;
import static dev.daehwa.it.support.WsClient.wentOffline;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.daehwa.it.support.Agent;
import dev.daehwa.it.support.AddressConfirmation;
import dev.daehwa.it.support.App;
import dev.daehwa.it.support.ChatUser;
import dev.daehwa.it.support.DaehwaIT;
import dev.daehwa.it.support.Jsons;
import dev.daehwa.it.support.Pause;
import dev.daehwa.it.support.ReceivedEmail;
import dev.daehwa.it.support.Response;
import dev.daehwa.it.support.WsClient;
import dev.daehwa.it.search.Searcher;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two nodes of the app on one PostgreSQL: the suite's server (node A) and a second one started
 * here (node B), which the last test kills. Users act on B with API tokens, so that these tests
 * are about the channel between the nodes and not about cookies.
 */
@DaehwaIT
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    /**
     * The promise to users: a message posted on one node is on the other's sockets within this,
     * as a rule. The test holds the median of several posts to it, and each post to
     * {@link #AT_MOST}, so that a stall of the shared 2-core CI machine cannot fail the build while
     * a channel that stopped delivering (or delivered only through a later resume) still does.
     */
    private static final Duration ACROSS_NODES = Duration.ofSeconds(1);
    private static final Duration AT_MOST = Duration.ofSeconds(10);
    private static final int ROUNDS = 5;
    /** Presence beats every 5 s; a node silent for 15 s is taken for dead. */
    private static final Duration DEAD_NODE_NOTICED = Duration.ofSeconds(30);
    /** How long a wrong presence frame is given to show up (frames cross nodes within {@link #ACROSS_NODES}). */
    private static final Duration QUIET = Duration.ofMillis(1500);
    private static final Duration CAUGHT_UP = Duration.ofSeconds(60);

    private static App nodeB;
    /** The suite's server hashes with the fewest iterations Jakarta Security accepts, 1,024. */
    private static final int MORE_ITERATIONS = 2048;
    private static final int REVOKED = 4401;

    private static App nodeB(App app) {
        if (nodeB == null) {
            // A searches through the pass's OpenSearch node; B keeps an embedded index of its own.
            // Both ways a cluster can search are then at work, and A's index holds B's posts only
            // if A indexed what it heard of (or caught up on) over the channel: B never writes there.
            // B hashes passwords with more iterations, as the nodes of a rolling upgrade that raises
            // DAEHWA_PASSWORD_ITERATIONS do for a while: a login on B upgrades a hash A wrote.
            nodeB = app.startAnotherNode("cluster-b", Map.of("DAEHWA_SEARCH_URL", "",
                    "DAEHWA_PASSWORD_ITERATIONS", Integer.toString(MORE_ITERATIONS)));
        }
        return nodeB;
    }

    @AfterAll
    static void stopNodeB() {
        if (nodeB != null) {
            nodeB.stopNode();
        }
    }

    @Test
    @Order(0)
    void eachNodeKnowsTheOtherFromItsBeats(App app) {
        App b = nodeB(app);
        String nameOfB = b.healthCheck("cluster").getJsonObject("data").getString("node");
        String nameOfA = app.healthCheck("cluster").getJsonObject("data").getString("node");
        assertTrue(!nameOfA.equals(nameOfB), "two nodes, two names");
        awaitOthers(app, Duration.ofSeconds(15), nameOfB);
        awaitOthers(b, Duration.ofSeconds(15), nameOfA);
    }

    @Test
    @Order(1)
    void aChangeMadeOnOneNodeReachesTheSocketsOfTheOther(App app) {
        App b = nodeB(app);
        Conversation talk = Conversation.across(app, b, "cluster");
        ChatUser minji = talk.minji();
        ChatUser joon = talk.joon();
        long room = talk.room();
        ChatUser minjiOnB = talk.minjiOnB();

        try (WsClient joonOnA = WsClient.live(app, joon);
             WsClient minjiSocketOnB = WsClient.openWithToken(b, minji.createToken("b")).live()) {
            List<Duration> waits = new ArrayList<>();
            for (int i = 1; i <= ROUNDS; i++) {
                waits.add(timeToArrive(minjiOnB, room, "안녕하세요 from B, " + i, joonOnA));
                waits.add(timeToArrive(joon, room, "and back from A, " + i, minjiSocketOnB));
            }
            assertTrue(waits.stream().sorted().toList().get(waits.size() / 2).compareTo(ACROSS_NODES) <= 0,
                    "the median time from a post on one node to the other node's socket exceeds a second: " + waits);

            long liked = minjiOnB.sendId(room, "react on B");
            minjiOnB.react(liked, "👍").expect(204);
            joonOnA.awaitFrame("message.reactions", frame -> frame.getJsonNumber("messageId").longValue() == liked
                    && frame.getJsonArray("reactions").getJsonObject(0).getInt("count") == 1,
                    Duration.ofSeconds(5), "a reaction on B reaches A");

            long edited = minjiOnB.sendId(room, "typo");
            minjiOnB.agent().patch("api/messages/" + edited, Jsons.object("content", "fixed on B")).expect(200);
            joonOnA.awaitFrame("message.updated", frame -> carrying(edited).test(frame)
                    && frame.getJsonObject("message").getString("content").equals("fixed on B"),
                    Duration.ofSeconds(5), "an edit on B reaches A");
            minjiOnB.agent().delete("api/messages/" + edited).expect(204);
            joonOnA.awaitFrame("message.deleted", aboutRoom(room), Duration.ofSeconds(5), "a delete on B reaches A");

            minjiSocketOnB.send(Jsons.object("type", "typing", "roomId", room));
            joonOnA.awaitFrame("typing", byUser(minji), Duration.ofSeconds(5), "typing on B is shown on A");
        }
    }

    /** How long a message posted by {@code sender} takes to reach {@code socket}, at most {@link #AT_MOST}. */
    private static Duration timeToArrive(ChatUser sender, long room, String text, WsClient socket) {
        long posted = sender.sendId(room, text);
        long start = System.nanoTime();
        socket.awaitFrame("message.created", carrying(posted), AT_MOST, "a message posted on one node reaches the other's socket");
        return Duration.ofNanos(System.nanoTime() - start);
    }

    @Test
    @Order(2)
    void aClientThatMovesToTheOtherNodeResumesWithoutAGap(App app) {
        App b = nodeB(app);
        Conversation talk = Conversation.across(app, b, "mover");
        ChatUser minji = talk.minji();
        ChatUser joon = talk.joon();
        long room = talk.room();
        ChatUser minjiOnB = talk.minjiOnB();
        String joonToken = joon.createToken("phone");

        long lastSeen;
        try (WsClient onA = WsClient.live(app, joon)) {
            long seen = minji.sendId(room, "seen on A");
            lastSeen = onA.awaitFrame("message.created", carrying(seen), "seen live on A").message().getInt("seq");
            onA.closeAbruptly();
        }
        List<Long> missed = new ArrayList<>();
        IntStream.rangeClosed(1, 10).forEach(i -> {
            missed.add(minji.sendId(room, "missed via A " + i));
            missed.add(minjiOnB.sendId(room, "missed via B " + i));
        });

        try (WsClient onB = WsClient.openWithToken(b, joonToken)) {
            onB.resumeFrom(Map.of(room, lastSeen));
            long afterResume = minji.sendId(room, "live again, posted on A");
            onB.awaitFrame("message.created", carrying(afterResume), AT_MOST, "live delivery on B after the resume");
            List<Long> received = onB.messagesCreated(room).stream().map(Jsons::id).toList();
            List<Long> expected = new ArrayList<>(missed);
            expected.add(afterResume);
            assertEquals(expected, received, "everything missed, once, in order, then live, on the other node");
        }
    }

    @Test
    @Order(3)
    void aUserIsOfflineOnlyWhenNoNodeHasASocketOfTheirs(App app) {
        App b = nodeB(app);
        ChatUser minji = app.newUser("watcher");
        ChatUser joon = app.newUser("twonodes");
        ChatUser lee = app.newUser("arrives");
        minji.createRoomId(joon, lee);
        String joonToken = joon.createToken("b");

        try (WsClient minjiOnA = WsClient.live(app, minji)) {
            try (WsClient joonOnB = WsClient.openWithToken(b, joonToken).live()) {
                minjiOnA.awaitFrame("presence", byUser(joon), Duration.ofSeconds(5),
                        "joon connecting to node B is seen on node A");
                try (WsClient leeOnA = WsClient.live(app, lee)) {
                    assertTrue(leeOnA.framesOf("presence").stream().anyMatch(byUser(joon)),
                            "a socket opened on A is told, right after hello, that joon (on B only) is online");
                }
                try (WsClient joonOnA = WsClient.live(app, joon)) {
                    joonOnB.close();
                    Pause.of(QUIET);
                    assertEquals(List.of("online"), statuses(minjiOnA, joon),
                            "closing the socket on B while one stays on A: still online");
                }
                minjiOnA.awaitFrames("presence", byUser(joon), 2, Duration.ofSeconds(5),
                        "the last socket, on A, closed: offline");
            }
            Pause.of(QUIET);
            assertEquals(List.of("online", "offline"), statuses(minjiOnA, joon), "joon's presence as minji saw it");
        }
    }

    @Test
    @Order(4)
    void eachEmailIsSentOnceWhateverNodePostsOrSends(App app) {
        App b = nodeB(app);
        ChatUser minji = app.newUser("cluster");
        // Thirty notifications falling due at the same moment: more than one worker takes at a
        // time, so both nodes' workers reach for the same rows.
        List<ChatUser> readers = IntStream.range(0, 30).mapToObj(i -> app.newUser("cluster")).toList();
        readers.forEach(reader -> AddressConfirmation.confirm(app, reader));
        readers.forEach(reader -> reader.chooseEmail("2m"));
        long room = minji.createRoomId(readers.toArray(ChatUser[]::new));
        onNode(b, minji).send(room, "one message, thirty readers, two nodes");

        for (ReceivedEmail email : exactlyOneEmailEach(app.mail(), readers)) {
            assertTrue(email.text().contains("one message, thirty readers, two nodes"));
        }
    }

    /**
     * Logged in through A, the same browser is a logged-in user on B (the login cookie, not A's
     * HTTP session, is what B accepts); logging out on B ends the login on A as well.
     */
    @Test
    @Order(5)
    void aLoginMadeOnOneNodeHoldsOnTheOtherAndEndsOnBoth(App app) {
        App b = nodeB(app);
        ChatUser minji = app.newUser("roams");
        String sessionOnA = minji.agent().cookie("JSESSIONID").orElseThrow();
        ChatUser minjiOnB = minji.withAgent(minji.agent().at(b.base()));

        assertEquals(minji.id(), Jsons.id(minjiOnB.agent().get("api/auth/me").expect(200).json()),
                "the login made on A is accepted by B");
        Response page = minjiOnB.agent().exchange(HttpRequest.newBuilder(b.base().resolve("rooms"))
                .header("Accept", "text/html").GET().build());
        assertEquals(200, page.status(), "B serves the rooms page instead of sending her to log in: " + page);
        try (WsClient socket = WsClient.to(b).cookiesOf(minjiOnB).origin(WsClient.origin(b)).open()) {
            assertEquals(minji.id(), Jsons.id(socket.hello().getJsonObject("user")), "a socket on B is hers");
        }
        assertEquals(200, meWithSession(app, sessionOnA).status(), "her session on A is still alive");

        minjiOnB.agent().post("api/auth/logout").expect(204);

        minjiOnB.agent().get("api/auth/me").problem(401);
        Pause.until(Duration.ofSeconds(5), Duration.ofMillis(100), () -> meWithSession(app, sessionOnA).status() == 401);
        assertEquals(401, meWithSession(app, sessionOnA).status(), "logging out on B ends her session on A too");
    }

    /** Each node keeps its own search index, and indexes what was posted, edited or deleted on the other. */
    @Test
    @Order(7)
    void eachNodeSearchesWhatWasPostedOnTheOther(App app) {
        App b = nodeB(app);
        ChatUser minji = app.newUser("finder");
        long room = minji.createRoomId();
        ChatUser minjiOnB = onNode(b, minji);
        long onA = minji.sendId(room, "노드 사이의 검색을 확인합니다 from A");
        long onB = minjiOnB.sendId(room, "노드 사이에서 검색이 되나요 from B");
        long gone = minjiOnB.sendId(room, "지워질 노드 메시지");

        new Searcher(minji).awaitExactly("노드", Duration.ofSeconds(10), Set.of(onA, onB, gone));
        new Searcher(minjiOnB).awaitExactly("노드", Duration.ofSeconds(10), Set.of(onA, onB, gone));
        minji.agent().delete("api/messages/" + gone).expect(204);
        new Searcher(minjiOnB).awaitExactly("노드", Duration.ofSeconds(10), Set.of(onA, onB));
    }

    /**
     * The database drops the nodes' listening connections (as a failover or a network cut
     * would) and a message is posted on B before they are back. A cannot have heard of it: it
     * asks its clients to reconnect (1012) so that their resume replays it, and its search index
     * catches up on it.
     */
    @Test
    @Order(8)
    void aNodeThatLostTheChannelRepairsWhatItMissed(App app) {
        App b = nodeB(app);
        Conversation talk = Conversation.across(app, b, "cutoff");
        ChatUser minji = talk.minji();
        ChatUser joon = talk.joon();
        long room = talk.room();
        ChatUser minjiOnB = talk.minjiOnB();

        try (WsClient joonOnA = WsClient.live(app, joon)) {
            long seen = minjiOnB.sendId(room, "before the cut");
            long lastSeen = joonOnA.awaitFrame("message.created", carrying(seen), "live before the cut")
                    .message().getInt("seq");
            String listeners = "FROM pg_stat_activity WHERE application_name = 'daehwa-cluster-listen'";
            assertEquals(2, app.adminQuery("SELECT count(*) " + listeners), "one listening connection per node");
            app.adminQuery("SELECT count(pg_terminate_backend(pid)) " + listeners);
            Pause.until(Duration.ofSeconds(5), Duration.ofMillis(20),
                    () -> app.adminQuery("SELECT count(*) " + listeners) == 0);
            long missed = minjiOnB.sendId(room, "변경을 놓친 노드 posted during the cut");

            assertEquals(Integer.valueOf(1012), joonOnA.awaitEnd(Duration.ofSeconds(15)),
                    "A asks its clients to reconnect once its channel is back");
            try (WsClient again = WsClient.open(app, joon)) {
                again.resumeFrom(Map.of(room, lastSeen));
                assertEquals(List.of(missed), again.messagesCreated(room).stream().map(Jsons::id).toList(),
                        "the resume replays what A never heard of");
            }
            // The catch-up re-reads everything changed since the cut less five minutes (the margin
            // for transactions that were open at the cut): in this suite, thousands of messages.
            new Searcher(minji).awaitExactly("놓친", CAUGHT_UP, Set.of(missed));
        }
    }

    /**
     * Through nginx running the repository's configuration: one login's requests all reach the
     * same node, different logins are spread over both, and sockets pass through (Origin check
     * included, so the Host header survives the proxy).
     */
    @Test
    @Order(6)
    void theLoadBalancerKeepsALoginOnOneNodeAndSpreadsLogins(App app) {
        App b = nodeB(app);
        try (LoadBalancer lb = LoadBalancer.inFrontOf(app, b, app.workDir().resolveSibling("nginx"))) {
            App balanced = app.through(lb.base());
            for (int i = 0; i < 16; i++) {
                ChatUser someone = app.newUser("balanced");
                Agent browser = balanced.anonymous();
                browser.post("api/auth/login", Jsons.object("username", someone.username(),
                        "password", someone.password())).expect(200);
                for (int request = 0; request < 5; request++) {
                    browser.get("api/auth/me").expect(200);
                }
                if (i == 0) {
                    ChatUser viaLb = someone.withAgent(browser);
                    long room = viaLb.createRoomId();
                    try (WsClient socket = WsClient.to(balanced).cookiesOf(viaLb).origin(WsClient.origin(balanced))
                            .openLive()) {
                        long posted = viaLb.sendId(room, "through nginx");
                        socket.awaitFrame("message.created", carrying(posted), "a socket through the load balancer");
                    }
                }
            }
            Map<String, Set<String>> nodesByLogin = lb.nodesByLogin();
            assertEquals(16, nodesByLogin.size(), "16 logins went through: " + nodesByLogin.keySet());
            nodesByLogin.values().forEach(nodes ->
                    assertEquals(1, nodes.size(), "every request of one login reaches the same node: " + nodes));
            assertEquals(2, nodesByLogin.values().stream().flatMap(Set::stream).distinct().count(),
                    "the logins are spread over both nodes: " + nodesByLogin.values());
        }
    }

    /**
     * Node B is killed (SIGKILL) straight after acknowledging posts. Its clients lose their
     * sockets, reconnect to A and get everything; A goes on serving and sees B's users go offline.
     */
    @Test
    @Order(99)
    void killingANodeLeavesTheOtherServingAndLosesNothing(App app) {
        App b = nodeB(app);
        Conversation talk = Conversation.across(app, b, "survivor");
        ChatUser minji = talk.minji();
        ChatUser joon = talk.joon();
        long room = talk.room();
        String joonToken = joon.createToken("b");
        ChatUser minjiOnB = talk.minjiOnB();

        try (WsClient minjiOnA = WsClient.live(app, minji)) {
            WsClient joonOnB = WsClient.openWithToken(b, joonToken).live();
            minjiOnA.awaitFrame("presence", byUser(joon), Duration.ofSeconds(5), "joon is online on B");
            long seen = minji.sendId(room, "before the crash");
            long lastSeen = joonOnB.awaitFrame("message.created", carrying(seen), "seen on B").message().getInt("seq");
            List<Long> acknowledged = new ArrayList<>();
            IntStream.rangeClosed(1, 5).forEach(i -> acknowledged.add(minjiOnB.sendId(room, "acknowledged by B " + i)));

            String nameOfB = b.healthCheck("cluster").getJsonObject("data").getString("node");
            awaitOthers(app, Duration.ofSeconds(15), nameOfB);
            b.kill();
            nodeB = null;

            assertTrue(joonOnB.awaitEnd(Duration.ofSeconds(10)) != null || !joonOnB.isOpen(),
                    "a socket on the killed node ends");
            IntStream.rangeClosed(1, 3).forEach(i -> acknowledged.add(minji.sendId(room, "A still serves " + i)));
            minjiOnA.awaitFrame("presence", wentOffline(joon),
                    DEAD_NODE_NOTICED, "A notices that B and its users are gone");

            assertEquals("", app.healthCheck("cluster").getJsonObject("data").getString("others"),
                    "A has forgotten B");
            try (WsClient joonBackOnA = WsClient.openWithToken(app, joonToken)) {
                joonBackOnA.resumeFrom(Map.of(room, lastSeen));
                assertEquals(acknowledged, joonBackOnA.messagesCreated(room).stream().map(Jsons::id).toList(),
                        "every message either node acknowledged, once, in order, after reconnecting to A");
            }
        }
    }

    /**
     * Revoking a credential on A closes the sockets it opened on B: a token deleted, a logout, a
     * sign-out everywhere. The promise is the channel's, a second as a rule (the median of a few
     * rounds), and a socket of a credential that stays must stay open.
     */
    @Test
    @Order(9)
    void aCredentialRevokedOnOneNodeClosesItsSocketsOnTheOther(App app) {
        App b = nodeB(app);
        ChatUser minji = app.newUser("revoked");
        ChatUser joon = app.newUser("revoked");
        long room = minji.createRoomId(joon);
        String asking = minji.createToken("signs out everywhere");

        try (WsClient keptOnB = WsClient.openWithToken(b, minji.createToken("kept")).live()) {
            List<Duration> waits = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                JsonObject token = minji.agent().post("api/auth/tokens", Jsons.object("name", "revoked " + i))
                        .expect(201).json();
                try (WsClient onB = WsClient.openWithToken(b, token.getString("token")).live()) {
                    minji.agent().delete("api/auth/tokens/" + Jsons.id(token)).expect(204);
                    long start = System.nanoTime();
                    assertEquals(REVOKED, onB.awaitClose(AT_MOST), "a token revoked on A closes its socket on B");
                    waits.add(Duration.ofNanos(System.nanoTime() - start));
                }
            }
            assertTrue(waits.stream().sorted().toList().get(waits.size() / 2).compareTo(ACROSS_NODES) <= 0,
                    "the median time from a revocation on A to the close on B exceeds a second: " + waits);
            long after = joon.sendId(room, "after the revocations");
            keptOnB.awaitFrame("message.created", carrying(after), AT_MOST, "the socket of a token kept stays open");

            ChatUser minjiOnB = minji.withAgent(minji.agent().at(b.base()));
            try (WsClient cookieOnB = WsClient.to(b).cookiesOf(minjiOnB).origin(WsClient.origin(b)).openLive()) {
                minji.agent().post("api/auth/logout").expect(204);
                assertEquals(REVOKED, cookieOnB.awaitClose(AT_MOST), "a logout on A closes the login's socket on B");
            }
            long afterLogout = joon.sendId(room, "after the logout");
            keptOnB.awaitFrame("message.created", carrying(afterLogout), AT_MOST,
                    "a logout leaves the sockets of tokens open");

            app.anonymous().withBearer(asking).post("api/auth/sign-out-everywhere").expect(204);
            assertEquals(REVOKED, keptOnB.awaitClose(AT_MOST), "signing out everywhere on A closes her sockets on B");
        }
    }

    /** A hash written with fewer iterations than a node is set to is replaced when the user logs in there. */
    @Test
    @Order(10)
    void aLoginOnANodeWithMoreIterationsUpgradesThePasswordHash(App app) {
        App b = nodeB(app);
        ChatUser minji = app.newUser("rehash");
        String iterations = "SELECT CAST(split_part(password_hash, ':', 2) AS bigint) FROM app_user WHERE username_key = '"
                + minji.username() + "'";
        assertEquals(1024, app.appDatabaseQuery(iterations), "registered on A, at its 1,024 iterations");

        b.anonymous().post("api/auth/login", Jsons.object("username", minji.username(), "password", minji.password()))
                .expect(200);
        assertEquals(MORE_ITERATIONS, app.appDatabaseQuery(iterations), "the login on B rehashed it with B's iterations");

        app.anonymous().post("api/auth/login", Jsons.object("username", minji.username(), "password", minji.password()))
                .expect(200);
        assertEquals(MORE_ITERATIONS, app.appDatabaseQuery(iterations),
                "the upgraded hash logs in on A too, and A does not weaken it again");
    }

    /** Minji and Joon in a room made on node A; Minji can also act on node B. */
    private record Conversation(ChatUser minji, ChatUser joon, long room, ChatUser minjiOnB) {
        static Conversation across(App a, App b, String prefix) {
            ChatUser minji = a.newUser(prefix);
            ChatUser joon = a.newUser(prefix);
            return new Conversation(minji, joon, minji.createRoomId(joon), onNode(b, minji));
        }
    }

    /** The same user, calling node B with an API token. */
    private static ChatUser onNode(App node, ChatUser user) {
        return user.withAgent(node.anonymous().withBearer(user.createToken("node")));
    }

    /** Waits until the node's /health lists exactly these other nodes. */
    private static void awaitOthers(App node, Duration timeout, String others) {
        Pause.until(timeout, Duration.ofMillis(200), () -> othersOf(node).equals(others));
        assertEquals(others, othersOf(node), "the other nodes in " + node.base() + "'s /health");
    }

    private static String othersOf(App node) {
        return node.healthCheck("cluster").getJsonObject("data").getString("others");
    }

    private static Response meWithSession(App node, String sessionId) {
        return node.anonymous().exchange(HttpRequest.newBuilder(node.base().resolve("api/auth/me"))
                .header("Cookie", "JSESSIONID=" + sessionId).GET().build());
    }

    private static List<String> statuses(WsClient client, ChatUser user) {
        return client.framesOf("presence").stream().filter(byUser(user)).map(f -> f.getString("status")).toList();
    }
}
