package dev.daehwa.interfaces.realtime;

import dev.daehwa.application.jobs.JobSchedulers;
import dev.daehwa.application.live.LiveQueries;
import dev.daehwa.application.live.ResumeLimits;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A client that reconnects says what it saw last and is sent what it missed before live events
 * flow again. A socket opened with {@code ?resume=1} holds its live events for a short grace, so
 * that they cannot overtake the replay its resume frame will ask for.
 */
@ApplicationScoped
public class ResumeHandling {

    /**
     * How long live events wait after hello for the resume of a client that said it would resume
     * ({@code ?resume=1}) before flowing anyway.
     */
    static final long RESUME_GRACE_MILLIS = 2_000;
    /** A resume beyond the socket's or the user's allowance closes the socket with this code. */
    static final int TOO_MANY_RESUMES = 4029;
    /** How often graces are checked: a grace ends up to this much late. */
    private static final long GRACE_SWEEP_MILLIS = 100;
    private static final Logger LOG = Logger.getLogger(ResumeHandling.class.getName());

    @Inject
    private JobSchedulers schedulers;

    @Inject
    private LiveQueries queries;

    @Inject
    private Frames frames;

    @Inject
    private ResumeLimits limits;

    /**
     * Sockets in their resume grace, in the order they opened. One sweep serves them all: a task
     * scheduled per socket cost each socket a capture of the container's context, which is most
     * of what opening a socket cost after the queries.
     */
    private final Queue<AwaitingResume> awaitingResume = new ConcurrentLinkedQueue<>();

    private ScheduledFuture<?> graces;
    /** Where replays read their later pages, as their clients take the earlier ones in. */
    private Executor replayPages;

    @PostConstruct
    void start() {
        replayPages = schedulers.scheduler("replay-pages");
        graces = schedulers.scheduler("resume-graces").scheduleWithFixedDelay(this::endResumeGraces,
                GRACE_SWEEP_MILLIS, GRACE_SWEEP_MILLIS, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        graces.cancel(false);
    }

    /** Holds the socket's live events until it resumes, or its grace is over. */
    void awaitResume(Connection connection) {
        awaitingResume.add(new AwaitingResume(connection, System.nanoTime()));
    }

    /**
     * Replays what the client missed, then lets live events through. Live events are held from
     * before the replay is read, and each socket drops messages it already sent, so nothing is
     * lost or doubled at the seam. Resumes are rationed: each one reads up to 3,000 messages.
     */
    void resume(Connection connection, Map<Long, Long> lastSeenByRoom) {
        if (!limits.mayResume(connection.userId(), connection.resumeAllowance())) {
            connection.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(TOO_MANY_RESUMES),
                    "too many resumes: reconnect after a pause"));
            return;
        }
        Replay replay = new Replay(connection, queries, frames, replayPages);
        connection.holdForResume(lastSeenByRoom, replay);
        replay.start(lastSeenByRoom);
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
}
