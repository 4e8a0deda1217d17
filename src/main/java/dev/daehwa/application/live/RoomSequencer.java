package dev.daehwa.application.live;

import dev.daehwa.application.jobs.JobSchedulers;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Releases each room's new messages in seq order. Posts into a room are serialised by its row
 * lock, so seqs commit in order, but the threads announcing them after commit can still swap
 * places: seq 6 may be announced before seq 5. A message that arrives early waits here for the
 * ones before it. A message is committed before it is announced, so if the wait lasts longer
 * than {@link #GAP_WAIT_MILLIS} (a busy executor, or an announcement lost with a crash) the
 * missing messages are read from the database and released from there; their own announcements,
 * if they still come, are then duplicates that the sockets drop.
 */
@ApplicationScoped
public class RoomSequencer {

    static final long GAP_WAIT_MILLIS = 500;

    /** Releases for the messages of a room with seq strictly between two seqs, in seq order. */
    @FunctionalInterface
    interface GapFiller {
        java.util.List<Runnable> between(long afterSeq, long beforeSeq);
    }
    private static final Logger LOG = Logger.getLogger(RoomSequencer.class.getName());

    @Inject
    private JobSchedulers schedulers;

    private ScheduledExecutorService scheduler;

    private final Map<Long, Line> rooms = new ConcurrentHashMap<>();

    @PostConstruct
    void start() {
        scheduler = schedulers.scheduler("room-sequencer");
    }

    /** One room's queue of announcements. */
    private final class Line {
        private final long roomId;
        private long released = -1;
        private final TreeMap<Long, Runnable> early = new TreeMap<>();
        private GapFiller filler;

        Line(long roomId) {
            this.roomId = roomId;
        }

        synchronized void arrived(long seq, Runnable release, GapFiller gapFiller) {
            filler = gapFiller;
            if (released < 0) {
                released = seq - 1; // the first message this node announces for the room
            }
            if (seq <= released) {
                release.run(); // late: sockets drop it if they already have it
                return;
            }
            early.put(seq, release);
            drain();
            if (!early.isEmpty()) {
                long waitingFor = released + 1;
                scheduler.schedule(() -> giveUpOn(waitingFor), GAP_WAIT_MILLIS, TimeUnit.MILLISECONDS);
            }
        }

        private void drain() {
            while (!early.isEmpty() && early.firstKey() == released + 1) {
                released++;
                early.pollFirstEntry().getValue().run();
            }
        }

        private synchronized void giveUpOn(long seq) {
            if (released + 1 != seq || early.isEmpty()) {
                return;
            }
            long next = early.firstKey();
            LOG.fine(() -> "room " + roomId + ": messages " + seq + ".." + (next - 1) + " announced late; read from the database");
            try {
                filler.between(released, next).forEach(Runnable::run);
            } catch (RuntimeException e) {
                LOG.log(java.util.logging.Level.WARNING, "room " + roomId + ": could not read messages " + seq + ".."
                        + (next - 1) + "; clients catch up when they resume", e);
            }
            released = next - 1;
            drain();
            if (!early.isEmpty()) {
                long waitingFor = released + 1;
                scheduler.schedule(() -> giveUpOn(waitingFor), GAP_WAIT_MILLIS, TimeUnit.MILLISECONDS);
            }
        }
    }

    /**
     * Runs {@code release} for this room's message {@code seq} once every earlier message of the
     * room has been released. Every posted message must come through here, even one deleted
     * before it was announced (with a release that does nothing), or later ones wait for it.
     */
    void arrived(long roomId, long seq, Runnable release, GapFiller gapFiller) {
        rooms.computeIfAbsent(roomId, Line::new).arrived(seq, release, gapFiller);
    }
}
