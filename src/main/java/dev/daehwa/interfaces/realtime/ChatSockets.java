package dev.daehwa.interfaces.realtime;

import dev.daehwa.application.AccountService;
import dev.daehwa.application.LiveQueries;
import dev.daehwa.application.cluster.OtherNodesMissed;
import dev.daehwa.domain.user.User;
import dev.daehwa.infrastructure.concurrent.OwnThreads;
import dev.daehwa.infrastructure.persistence.SqlStatementCounter;
import dev.daehwa.interfaces.rest.json.UserJson;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The life of a socket: hello, the presence snapshot, resume and replay, typing, bad frames,
 * the heartbeat, and the bounds on what one user's sockets may cost. {@link ChatSocket} is only the container's entry point into this.
 */
@ApplicationScoped
public class ChatSockets {

    /**
     * How long live events wait after hello for the resume of a client that said it would resume
     * ({@code ?resume=1}) before flowing anyway.
     */
    static final long RESUME_GRACE_MILLIS = 2_000;
    /** Past a user's cap, the oldest socket closes with this code. */
    static final int TOO_MANY_SOCKETS = 4008;
    /** A resume beyond the socket's or the user's allowance closes the socket with this code. */
    static final int TOO_MANY_RESUMES = 4029;
    /** How often graces are checked: a grace ends up to this much late. */
    private static final long GRACE_SWEEP_MILLIS = 100;
    private static final String CONNECTION = Connection.class.getName();
    private static final Logger LOG = Logger.getLogger(ChatSockets.class.getName());

    @Inject
    private OwnThreads ownThreads;

    @Inject
    private Connections connections;

    @Inject
    private AccountService accounts;

    @Inject
    private LiveQueries queries;

    @Inject
    private Frames frames;

    @Inject
    private Presence presence;

    @Inject
    private TypingRelay typing;

    @Inject
    private Clock clock;

    @Inject
    private ResumeLimits resumeLimits;

    @Inject
    @ConfigProperty(name = "DAEHWA_WS_QUEUE_LIMIT", defaultValue = "1000")
    private int queueLimit;

    @Inject
    @ConfigProperty(name = "DAEHWA_WS_QUEUE_BYTES", defaultValue = "4194304")
    private long queueBytes;

    @Inject
    @ConfigProperty(name = "DAEHWA_WS_MAX_SOCKETS_PER_USER", defaultValue = "20")
    private int maxSocketsPerUser;

    @Inject
    @ConfigProperty(name = "DAEHWA_WS_PING_SECONDS", defaultValue = "30")
    private long pingEverySeconds;

    @Inject
    @ConfigProperty(name = "DAEHWA_WS_DEAD_SECONDS", defaultValue = "60")
    private long deadAfterSeconds;

    /**
     * Sockets in their resume grace, in the order they opened. One sweep serves them all: a task
     * scheduled per socket cost each socket a capture of the container's context, which is most
     * of what opening a socket cost after the queries.
     */
    private final Queue<AwaitingResume> awaitingResume = new ConcurrentLinkedQueue<>();

    private ScheduledFuture<?> heartbeat;
    private ScheduledFuture<?> resumeGraces;
    /** Where replays read their later pages, as their clients take the earlier ones in. */
    private Executor replayPages;

    @PostConstruct
    void startTimers() {
        replayPages = ownThreads.scheduler("replay-pages");
        ScheduledExecutorService scheduler = ownThreads.scheduler("socket-timers");
        heartbeat = scheduler.scheduleAtFixedRate(this::beat, pingEverySeconds, pingEverySeconds, TimeUnit.SECONDS);
        resumeGraces = scheduler.scheduleWithFixedDelay(this::endResumeGraces,
                GRACE_SWEEP_MILLIS, GRACE_SWEEP_MILLIS, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stopTimers() {
        heartbeat.cancel(false);
        resumeGraces.cancel(false);
    }

    /**
     * Pings every socket; one that has not answered for {@code DAEHWA_WS_DEAD_SECONDS} is dead and
     * is closed. A socket that fails here (closing one tells the other nodes its user left) must
     * not cost the sockets after it their ping, or they would be closed as dead next.
     */
    private void beat() {
        long now = System.currentTimeMillis();
        for (Connection connection : connections.all()) {
            try {
                if (now - connection.lastPongMillis() > TimeUnit.SECONDS.toMillis(deadAfterSeconds)) {
                    connection.close(new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "no answer to ping"));
                } else {
                    connection.ping();
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "heartbeat of a socket failed; the others go on", e);
            }
        }
    }

    void opened(Session session) {
        if (SqlStatementCounter.enabled()) {
            SqlStatementCounter.reset();
        }
        Principal principal = session.getUserPrincipal();
        Optional<User> user = principal == null ? Optional.empty() : accounts.find(Long.parseLong(principal.getName()));
        Outbox outbox = new Outbox(session, new QueueBound(queueLimit, queueBytes));
        if (user.isEmpty()) {
            outbox.closeLater(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "not logged in"));
            return;
        }
        UserJson me = UserJson.of(user.get());
        Connection connection = new Connection(session, me,
                (String) session.getUserProperties().get(HandshakeSession.HTTP_SESSION_ID), outbox,
                resumeLimits.forNewSocket());
        session.getUserProperties().put(CONNECTION, connection);
        outbox.whenClosed(() -> {
            connection.closed();
            forget(connection);
        });
        presence.connected(connection);
        for (Connection oldest : connections.oldestBeyond(me.id(), maxSocketsPerUser)) {
            oldest.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(TOO_MANY_SOCKETS),
                    "more than " + maxSocketsPerUser + " sockets: the oldest is closed"));
        }
        // One query for every online room-mate: a reconnect storm after a restart opens thousands
        // of sockets at once, and a lookup per mate made each of them cost a query per mate.
        List<User> onlineMates = accounts.findAll(
                queries.roomMatesOf(me.id()).stream().filter(presence::isOnline).toList());
        Instant now = Instant.now(clock);
        // with DAEHWA_SQL_STATEMENT_HEADER, hello says what opening the socket cost (no N+1 per room-mate)
        connection.reply(SqlStatementCounter.enabled()
                ? frames.hello(user.get(), now, SqlStatementCounter.current())
                : frames.hello(user.get(), now));
        for (User mate : onlineMates) {
            connection.reply(frames.presence(UserJson.of(mate), true));
        }
        // Events held since the socket joined its user's connections are let out after hello, the
        // first frame; a client that will resume keeps them held until its replay has been sent.
        if (willResume(session)) {
            awaitingResume.add(new AwaitingResume(connection, System.nanoTime()));
        } else {
            connection.goLive();
        }
    }

    /** The client said so on the socket's URL: {@code /ws?resume=1}. */
    private static boolean willResume(Session session) {
        List<String> resume = session.getRequestParameterMap().get("resume");
        return resume != null && resume.contains("1");
    }

    /** Lets every socket whose resume grace is over go live, oldest first. */
    private void endResumeGraces() {
        long now = System.nanoTime();
        for (AwaitingResume next = awaitingResume.peek();
             next != null && now - next.openedNanos() >= TimeUnit.MILLISECONDS.toNanos(RESUME_GRACE_MILLIS);
             next = awaitingResume.peek()) {
            awaitingResume.poll();
            try {
                next.connection().goLiveUnlessResuming();
            } catch (RuntimeException e) {
                // a periodic task that throws is never run again: one bad socket must not stop the sweep
                LOG.log(Level.WARNING, "A socket could not go live after its resume grace", e);
            }
        }
    }

    private record AwaitingResume(Connection connection, long openedNanos) {
    }

    void received(Session session, String text) {
        Connection connection = connectionOf(session);
        if (connection == null) {
            return;
        }
        ClientFrame frame;
        try {
            frame = ClientFrame.parse(text);
        } catch (ClientFrame.BadFrame e) {
            refuse(connection, e.getMessage());
            return;
        }
        switch (frame) {
            case ClientFrame.Resume resume -> resume(connection, resume.lastSeenByRoom());
            case ClientFrame.Typing typed -> {
                connection.goLiveUnlessResuming();
                if (!typing.typed(connection.user(), typed.roomId())) {
                    refuse(connection, "You are not a member of room " + typed.roomId() + ".");
                }
            }
        }
    }

    /**
     * Replays what the client missed, then lets live events through. Live events are held from
     * before the replay is read, and each socket drops messages it already sent, so nothing is
     * lost or doubled at the seam. Resumes are rationed: each one reads up to 3,000 messages.
     */
    private void resume(Connection connection, Map<Long, Long> lastSeenByRoom) {
        if (!resumeLimits.mayResume(connection)) {
            connection.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(TOO_MANY_RESUMES),
                    "too many resumes: reconnect after a pause"));
            return;
        }
        Replay replay = new Replay(connection, queries, frames, replayPages);
        connection.holdForResume(lastSeenByRoom, replay);
        replay.start(lastSeenByRoom);
    }

    private void refuse(Connection connection, String detail) {
        if (connection.tooManyBadFrames(System.currentTimeMillis())) {
            connection.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "too many bad frames"));
        } else {
            connection.reply(frames.error(detail));
        }
    }

    void pong(Session session) {
        Connection connection = connectionOf(session);
        if (connection != null) {
            connection.pong();
        }
    }

    void closed(Session session) {
        Connection connection = connectionOf(session);
        if (connection != null) {
            connection.close(new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, "closed"));
            forget(connection);
        }
    }

    /** The socket is gone (or going): no more events, and maybe its user went offline. */
    private void forget(Connection connection) {
        presence.disconnected(connection);
    }

    /**
     * Other nodes' changes may not have reached this node's sockets: each client is asked to
     * reconnect (1012, service restart), and its resume replays what it missed from the database.
     */
    void missedElsewhere(@Observes OtherNodesMissed missed) {
        for (Connection connection : connections.all()) {
            connection.close(new CloseReason(CloseReason.CloseCodes.SERVICE_RESTART, "reconnect and resume"));
        }
    }

    /** The HTTP session ended (logout, timeout): its sockets close with it. */
    void sessionEnded(String httpSessionId) {
        for (Connection connection : connections.all()) {
            if (connection.belongsTo(httpSessionId)) {
                connection.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "logged out"));
            }
        }
    }

    private static Connection connectionOf(Session session) {
        return (Connection) session.getUserProperties().get(CONNECTION);
    }
}
