package dev.daehwa.interfaces.realtime;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Releases each room's new messages in seq order. Posts into a room are serialised by its row
 * lock, so seqs commit in order, but the threads announcing them after commit can still swap
 * places: seq 6 may be announced before seq 5. A message that arrives early waits here for the
 * ones before it. Seqs are gap-free, so the wait always ends, unless an announcement was lost
 * (the node died between commit and announce); after {@link #GAP_WAIT_MILLIS} the gap is skipped
 * and clients recover the rest when they resume.
 */
@ApplicationScoped
public class RoomSequencer {

    static final long GAP_WAIT_MILLIS = 2_000;
    private static final Logger LOG = Logger.getLogger(RoomSequencer.class.getName());

    @Resource
    private ManagedScheduledExecutorService scheduler;

    private final Map<Long, Line> rooms = new ConcurrentHashMap<>();

    /** One room's queue of announcements. */
    private final class Line {
        private final long roomId;
        private long released = -1;
        private final TreeMap<Long, Runnable> early = new TreeMap<>();

        Line(long roomId) {
            this.roomId = roomId;
        }

        synchronized void arrived(long seq, Runnable release) {
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
            if (released + 1 == seq && !early.isEmpty()) {
                LOG.warning("room " + roomId + ": message " + seq + " was never announced; skipping to "
                        + early.firstKey() + " (clients catch up when they resume)");
                released = early.firstKey() - 1;
                drain();
            }
        }
    }

    /**
     * Runs {@code release} for this room's message {@code seq} once every earlier message of the
     * room has been released. Every posted message must come through here, even one deleted
     * before it was announced (with a release that does nothing), or later ones wait for it.
     */
    void arrived(long roomId, long seq, Runnable release) {
        rooms.computeIfAbsent(roomId, Line::new).arrived(seq, release);
    }
}
