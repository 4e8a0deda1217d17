package dev.daehwa.interfaces.realtime;

import dev.daehwa.application.accounts.AccountService;
import dev.daehwa.application.cluster.OtherNodesMissed;
import dev.daehwa.application.live.LiveQueries;
import dev.daehwa.application.live.Presence;
import dev.daehwa.application.live.ResumeLimits;
import dev.daehwa.application.live.TypingRelay;
import dev.daehwa.domain.user.PublicProfile;
import dev.daehwa.domain.user.User;
import dev.daehwa.infrastructure.persistence.SqlStatementCounter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The socket protocol: hello and the presence snapshot when a socket opens, the bound on one
 * user's sockets, the client's frames (resume, typing) and bad ones, and what ends sockets.
 * {@link ChatSocket} is only the container's entry point into this; the heartbeat and resume
 * handling are {@link Heartbeat} and {@link ResumeHandling}.
 */
@ApplicationScoped
public class ChatProtocol {

    /** Past a user's cap, the oldest socket closes with this code. */
    static final int TOO_MANY_SOCKETS = 4008;
    private static final String CONNECTION = Connection.class.getName();

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
    private ResumeHandling resumes;

    @Inject
    @ConfigProperty(name = "DAEHWA_WS_QUEUE_LIMIT", defaultValue = "1000")
    private int queueLimit;

    @Inject
    @ConfigProperty(name = "DAEHWA_WS_QUEUE_BYTES", defaultValue = "4194304")
    private long queueBytes;

    @Inject
    @ConfigProperty(name = "DAEHWA_WS_MAX_SOCKETS_PER_USER", defaultValue = "20")
    private int maxSocketsPerUser;

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
        PublicProfile me = PublicProfile.of(user.get());
        Connection connection = new Connection(session, me,
                (String) session.getUserProperties().get(HandshakeSession.HTTP_SESSION_ID), outbox,
                resumeLimits.forNewSocket());
        session.getUserProperties().put(CONNECTION, connection);
        outbox.whenClosed(() -> {
            connection.closed();
            forget(connection);
        });
        presence.socketOpened(me, () -> connections.add(connection));
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
            connection.reply(frames.presence(PublicProfile.of(mate), true));
        }
        // Events held since the socket joined its user's connections are let out after hello, the
        // first frame; a client that will resume keeps them held until its replay has been sent.
        if (willResume(session)) {
            resumes.awaitResume(connection);
        } else {
            connection.goLive();
        }
    }

    /** The client said so on the socket's URL: {@code /ws?resume=1}. */
    private static boolean willResume(Session session) {
        List<String> resume = session.getRequestParameterMap().get("resume");
        return resume != null && resume.contains("1");
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
            case ClientFrame.Resume resume -> resumes.resume(connection, resume.lastSeenByRoom());
            case ClientFrame.Typing typed -> {
                connection.goLiveUnlessResuming();
                if (!typing.typed(connection.user(), typed.roomId())) {
                    refuse(connection, "You are not a member of room " + typed.roomId() + ".");
                }
            }
        }
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
        presence.socketClosed(connection.user(), () -> connections.remove(connection));
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
