package dev.daehwa.arquillian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.daehwa.application.accounts.AccountService;
import dev.daehwa.application.auth.PasswordLogin;
import dev.daehwa.application.messages.MessageHistory;
import dev.daehwa.application.messages.MessageService;
import dev.daehwa.application.rooms.RoomQueries;
import dev.daehwa.application.rooms.RoomService;
import dev.daehwa.application.rooms.RoomView;
import dev.daehwa.domain.error.AuthenticationRequiredException;
import dev.daehwa.domain.error.TooManyAttemptsException;
import dev.daehwa.domain.message.Message;
import dev.daehwa.domain.user.User;
import dev.daehwa.infrastructure.persistence.SqlStatementCounter;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import jakarta.websocket.server.ServerContainer;
import java.io.File;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Checks that need the inside of the running application: the real WAR (target/daehwa.war, as
 * built) booted once on Payara Micro by Arquillian, against embedded H2 in a fresh folder, with a
 * clock the tests move forward ({@link MutableClock}). The application's own services are
 * injected and called directly, on the server.
 *
 * <p>Runs in the it-h2 failsafe execution only: {@code mvn package -Dmaven.test.skip=true}, then
 * {@code mvn failsafe:integration-test@it-h2 -Dit.test=InContainerIT}. The server logs to
 * {@code target/arquillian/server.log*} (look there when the deployment fails) and keeps its data
 * and temp files under target/arquillian.
 */
@ExtendWith(ArquillianFolders.class)
@ExtendWith(ArquillianExtension.class)
class InContainerIT {

    private static final String PASSWORD = "correct horse battery";
    private static final String WRONG_PASSWORD = "not the password";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Deployment(testable = true)
    static WebArchive deployment() {
        File war = new File(System.getProperty("it.war", "target/daehwa.war"));
        if (!war.isFile()) {
            throw new IllegalStateException("Missing " + war.getAbsolutePath() + ": run `mvn package` first");
        }
        return ShrinkWrap.createFromZipFile(WebArchive.class, war)
                .addClasses(InContainerIT.class, MutableClock.class, MutableClock.OffsetClock.class,
                        ArquillianFolders.class);
    }

    @Inject
    private AccountService accounts;

    @Inject
    private PasswordLogin logins;

    @Inject
    private RoomService rooms;

    @Inject
    private RoomQueries roomQueries;

    @Inject
    private MessageService messages;

    @Inject
    private MessageHistory history;

    @Inject
    private MutableClock clock;

    /** What the application's services get injected. */
    @Inject
    private Clock applicationClock;

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    private ManagedThreadFactory threads;

    @Resource(lookup = "java:app/jdbc/daehwa")
    private DataSource dataSource;

    @Inject
    private ServletContext servletContext;

    @Test
    void theWebSocketIdleTimersRunOnAPlainSchedulerNotOnTheManagedOne() throws Exception {
        Object container = servletContext.getAttribute(ServerContainer.class.getName());
        assertNotNull(container, "no WebSocket container in the servlet context");
        Object timers = container.getClass().getMethod("getScheduledExecutorService").invoke(container);

        // a managed executor would capture the thread's context (a scan of every jar) per frame
        assertNotNull(timers);
        assertFalse(timers instanceof ManagedScheduledExecutorService,
                "Tyrus still schedules its idle timers on " + timers.getClass().getName());
    }

    @Test
    void theApplicationRunsOnTheTestClock() {
        Instant before = applicationClock.instant();
        clock.advance(Duration.ofHours(1));
        Duration moved = Duration.between(before, applicationClock.instant());

        assertTrue(moved.compareTo(Duration.ofHours(1)) >= 0 && moved.compareTo(Duration.ofMinutes(61)) < 0,
                "the injected Clock moved by " + moved + " when MutableClock advanced one hour");
    }

    @Test
    void tenWrongPasswordsBlockTheRightOneUntilTheWindowHasPassed() {
        User user = register("thr");
        for (int i = 1; i <= 10; i++) {
            assertThrows(AuthenticationRequiredException.class, () -> logins.login(user.username(), WRONG_PASSWORD),
                    "wrong password #" + i);
        }

        TooManyAttemptsException blocked = assertThrows(TooManyAttemptsException.class,
                () -> logins.login(user.username(), PASSWORD), "11th attempt, right password");
        assertBetween(Duration.ofMinutes(4), Duration.ofMinutes(5), blocked.retryIn().orElseThrow(), "retry after");

        clock.advance(Duration.ofSeconds(270));
        TooManyAttemptsException stillBlocked = assertThrows(TooManyAttemptsException.class,
                () -> logins.login(user.username(), PASSWORD), "4.5 minutes later");
        assertBetween(Duration.ofSeconds(1), Duration.ofSeconds(30), stillBlocked.retryIn().orElseThrow(), "retry after");

        clock.advance(Duration.ofSeconds(31)); // 5 minutes 1 second after the failures
        assertEquals(user.id(), logins.login(user.username(), PASSWORD).id());
    }

    @Test
    void theWindowStartsAtItsFirstAttemptAndASuccessfulLoginOpensAFreshOne() {
        User user = register("spr");
        // Attempts at T, T+20 s, ..., T+180 s: the window opened at T and closes at T+300.
        for (int i = 0; i < 10; i++) {
            if (i > 0) {
                clock.advance(Duration.ofSeconds(20));
            }
            assertThrows(AuthenticationRequiredException.class, () -> logins.login(user.username(), WRONG_PASSWORD));
        }

        clock.advance(Duration.ofSeconds(90)); // T+270
        TooManyAttemptsException blocked = assertThrows(TooManyAttemptsException.class,
                () -> logins.login(user.username(), PASSWORD));
        assertBetween(Duration.ofSeconds(20), Duration.ofSeconds(30), blocked.retryIn().orElseThrow(), "retry after at T+270");

        clock.advance(Duration.ofSeconds(31)); // T+301: a new window opens with this attempt
        for (int i = 1; i <= 9; i++) {
            assertThrows(AuthenticationRequiredException.class, () -> logins.login(user.username(), WRONG_PASSWORD),
                    "attempt " + i + " of the new window reaches the password check");
        }
        assertEquals(user.id(), logins.login(user.username(), PASSWORD).id(), "the tenth attempt of the window");

        // The success gave the username a fresh window: ten more attempts, then the block.
        for (int i = 1; i <= 10; i++) {
            assertThrows(AuthenticationRequiredException.class, () -> logins.login(user.username(), WRONG_PASSWORD),
                    "attempt " + i + " after the success");
        }
        assertThrows(TooManyAttemptsException.class, () -> logins.login(user.username(), PASSWORD));
    }

    @Test
    void twentyThreadsPostingIntoOneRoomGetSeqOneToNWithoutGapsOrDuplicates() throws Exception {
        int threadCount = 20;
        int postsPerThread = 5;
        int total = threadCount * postsPerThread;
        List<User> senders = List.of(register("seqa"), register("seqb"), register("seqc"), register("seqd"));
        long roomId = rooms.create(senders.get(0).id(), "seq race", null,
                senders.stream().skip(1).map(User::username).toList());

        CountDownLatch ready = new CountDownLatch(threadCount);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threadCount, threads);
        List<Future<List<Long>>> results = new ArrayList<>();
        try {
            for (int t = 0; t < threadCount; t++) {
                int thread = t;
                User sender = senders.get(t % senders.size());
                results.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    List<Long> seqs = new ArrayList<>();
                    for (int i = 0; i < postsPerThread; i++) {
                        MessageService.Posted posted = messages.post(sender.id(), roomId,
                                "thread " + thread + " message " + i, "t" + thread + "-" + i);
                        assertTrue(posted.created());
                        seqs.add(posted.message().seq());
                    }
                    return seqs;
                }));
            }
            assertTrue(ready.await(30, TimeUnit.SECONDS), "all threads started");
            go.countDown();
            List<Long> handedOut = new ArrayList<>();
            for (Future<List<Long>> result : results) {
                handedOut.addAll(result.get(120, TimeUnit.SECONDS));
            }
            assertEquals(LongStream.rangeClosed(1, total).boxed().toList(), handedOut.stream().sorted().toList(),
                    "seq numbers handed out to the posters");
        } finally {
            pool.shutdownNow();
        }

        MessageHistory.Page page = history.page(senders.get(0).id(), roomId, null, 0L, MessageHistory.MAX_LIMIT);
        assertFalse(page.hasMore());
        assertEquals(LongStream.rangeClosed(1, total).boxed().toList(),
                page.messages().stream().map(Message::seq).toList(), "seq numbers stored, in history order");
        Set<String> expected = new HashSet<>();
        for (int t = 0; t < threadCount; t++) {
            for (int i = 0; i < postsPerThread; i++) {
                expected.add("thread " + t + " message " + i);
            }
        }
        assertEquals(expected, new HashSet<>(page.messages().stream().map(Message::content).toList()));
    }

    @Test
    void theRoomListCostsTheSameSmallNumberOfStatementsForFiveAndFiftyRooms() {
        User peer = register("peer");
        User few = register("few");
        User many = register("many");
        joinRooms(few, peer, 5);
        joinRooms(many, peer, 50);

        SqlStatementCounter.reset();
        List<RoomView> fiveRooms = roomQueries.roomsOf(few.id());
        int forFive = SqlStatementCounter.current();
        SqlStatementCounter.reset();
        List<RoomView> fiftyRooms = roomQueries.roomsOf(many.id());
        int forFifty = SqlStatementCounter.current();

        assertEquals(5, fiveRooms.size());
        assertEquals(50, fiftyRooms.size());
        for (RoomView view : fiftyRooms) {
            assertEquals(2, view.members().size(), "members of " + view.room().name());
            assertNotNull(view.latestMessage(), "latest message of " + view.room().name());
            assertEquals("hello from the peer", view.latestMessage().content());
            assertEquals(1, view.unreadCount(), "unread in " + view.room().name());
        }
        assertTrue(forFive > 0, "no statements counted: is DAEHWA_SQL_STATEMENT_HEADER=true for the server?");
        assertEquals(forFive, forFifty, "statements for 5 rooms vs 50 rooms");
        // Memberships with rooms, members, latest messages, their mentions, quotes and reactions,
        // unread counts and unread mentions.
        assertTrue(forFifty <= 9, "the room list ran " + forFifty + " statements");
    }

    @Test
    void flywayAppliedTheFirstMigrationSuccessfully() throws SQLException {
        List<String> failed = new ArrayList<>();
        String script = null;
        Boolean success = null;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT \"version\", \"script\", \"success\" FROM \"flyway_schema_history\" ORDER BY \"installed_rank\"");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                if (!rows.getBoolean("success")) {
                    failed.add(rows.getString("script"));
                }
                if ("1".equals(rows.getString("version"))) {
                    script = rows.getString("script");
                    success = rows.getBoolean("success");
                }
            }
        }
        assertEquals("V1__chat_schema.sql", script, "history row of version 1");
        assertEquals(Boolean.TRUE, success, "version 1 succeeded");
        assertEquals(List.of(), failed, "failed migrations");
    }

    private User register(String prefix) {
        String username = prefix + "_" + SEQUENCE.incrementAndGet() + "_" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        return accounts.register(username, PASSWORD, username + "@example.com", null);
    }

    /** {@code count} rooms with the user and the peer, each with one message from the peer. */
    private void joinRooms(User user, User peer, int count) {
        for (int i = 0; i < count; i++) {
            long roomId = rooms.create(user.id(), "room " + i + " of " + user.username(), null, List.of(peer.username()));
            messages.post(peer.id(), roomId, "hello from the peer", null);
        }
    }

    private static void assertBetween(Duration low, Duration high, Duration actual, String what) {
        assertTrue(actual.compareTo(low) >= 0 && actual.compareTo(high) <= 0,
                what + " was " + actual + ", expected between " + low + " and " + high);
    }
}
