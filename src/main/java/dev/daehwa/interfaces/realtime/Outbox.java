package dev.daehwa.interfaces.realtime;

import jakarta.websocket.CloseReason;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Everything waiting for one socket: the frames queued to go out, sent one at a time without
 * blocking anyone (the next send starts when the previous one completes), and the count of those
 * its {@link Connection} holds back during a resume. All of it is bounded ({@link QueueBound}), in
 * frames and in bytes: a client that stops reading lets the queue fill, and past the bound the
 * socket is closed with 1013 (try again later) and the client resumes, while everyone else's
 * delivery carries on. A replay is paced instead: it is sent a page at a time, as the queue drains.
 *
 * <p>No thread is handed work per frame: whoever finds the socket idle sends, and a send that
 * completes on the spot is followed by the next in the same loop (not by recursion, which a
 * fast socket would turn into a stack overflow).
 */
final class Outbox {

    private static final Logger LOG = Logger.getLogger(Outbox.class.getName());
    private static final String PING = new String("ping");
    /** How long a closing socket may take to take in what was already sent, before it is dropped. */
    private static final long DRAIN_BEFORE_CLOSE_MILLIS = 30_000;
    private static final CloseReason TOO_FAR_BEHIND =
            new CloseReason(CloseReason.CloseCodes.TRY_AGAIN_LATER, "too far behind: resume to catch up");

    private final Session session;
    private final QueueBound bound;
    private final ArrayDeque<String> queue = new ArrayDeque<>();
    private long queuedBytes;
    /** Frames the connection holds back during a resume, and their bytes. */
    private int heldFrames;
    private long heldBytes;
    /** A paused replay's next page, to run once the queue has drained. */
    private Runnable whenDrained;
    /** A send has been started and has not completed. */
    private boolean inFlight;
    /** A thread is inside {@link #pump()}. */
    private boolean pumping;
    private boolean closed;
    private volatile Runnable whenClosed = () -> { };

    Outbox(Session session, QueueBound bound) {
        this.session = session;
        this.bound = bound;
    }

    /**
     * Runs once the outbox closes. Not left to the socket's own close event: a client that stopped
     * reading may never take the close frame, and it must count as gone now.
     */
    void whenClosed(Runnable action) {
        whenClosed = action;
    }

    /** A frame to send now; closes the socket if it would take what waits past the bound. */
    void send(String text) {
        enqueue(text, true);
    }

    /**
     * A frame the client asked for by resuming: the replay, and the live frames held meanwhile.
     * Counted, but never the one that closes the socket: the replay is paced to fill only half the
     * bound ({@link #hasRoomForReplay()}), and the held frames were within the bound already.
     */
    void sendRequested(String text) {
        enqueue(text, false);
    }

    /** Counts a frame held back during a resume; false, and the socket closes, if it is past the bound. */
    boolean hold(String text) {
        synchronized (this) {
            if (closed) {
                return false;
            }
            if (!bound.exceededBy(queue.size() + heldFrames + 1, queuedBytes + heldBytes + QueueBound.bytesOf(text))) {
                heldFrames++;
                heldBytes += QueueBound.bytesOf(text);
                return true;
            }
        }
        closeLater(TOO_FAR_BEHIND);
        return false;
    }

    /** The held frames are no longer held: they are sent (or dropped as doubles) next. */
    synchronized void releaseHeld() {
        heldFrames = 0;
        heldBytes = 0;
    }

    /** Whether a replay may queue another frame now. */
    synchronized boolean hasRoomForReplay() {
        return !closed && bound.leavesRoomForReplay(queue.size(), queuedBytes);
    }

    /**
     * Runs the action once the queue has drained to a quarter of the bound, at once if it has
     * already; never if the socket closes first. One action at a time: a replay's next page.
     */
    void whenDrained(Runnable action) {
        synchronized (this) {
            if (closed) {
                return;
            }
            if (!bound.drained(queue.size(), queuedBytes)) {
                whenDrained = action;
                return;
            }
        }
        action.run();
    }

    /** Frames waiting for this socket: queued and held. */
    synchronized int waitingFrames() {
        return queue.size() + heldFrames;
    }

    /** Their bytes (two per character). */
    synchronized long waitingBytes() {
        return queuedBytes + heldBytes;
    }

    void ping() {
        enqueue(PING, true);
    }

    private void enqueue(String item, boolean bounded) {
        boolean start = false;
        boolean overflow;
        long bytes = QueueBound.bytesOf(item);
        synchronized (this) {
            if (closed) {
                return;
            }
            overflow = bounded && bound.exceededBy(queue.size() + heldFrames + 1, queuedBytes + heldBytes + bytes);
            if (!overflow) {
                queue.add(item);
                queuedBytes += bytes;
                if (!pumping && !inFlight) {
                    pumping = true;
                    start = true;
                }
            }
        }
        if (overflow) {
            closeLater(TOO_FAR_BEHIND);
        } else if (start) {
            pump();
        }
    }

    private void pump() {
        while (true) {
            String next;
            Runnable drained = null;
            synchronized (this) {
                if (closed || inFlight || queue.isEmpty()) {
                    pumping = false;
                    return;
                }
                next = queue.poll();
                queuedBytes -= QueueBound.bytesOf(next);
                inFlight = true;
                if (whenDrained != null && bound.drained(queue.size(), queuedBytes)) {
                    drained = whenDrained;
                    whenDrained = null;
                }
            }
            if (drained != null) {
                drained.run();
            }
            try {
                if (next == PING) {
                    session.getAsyncRemote().sendPing(ByteBuffer.allocate(0));
                    sent(null);
                } else {
                    session.getAsyncRemote().sendText(next, this::sent);
                }
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.FINE, "send failed; closing", e);
                closeLater(new CloseReason(CloseReason.CloseCodes.CLOSED_ABNORMALLY, "send failed"));
                synchronized (this) {
                    pumping = false;
                }
                return;
            }
        }
    }

    /** A send completed: on the spot (the loop above carries on) or later (this thread pumps). */
    private void sent(SendResult result) {
        if (result != null && !result.isOK()) {
            closeLater(new CloseReason(CloseReason.CloseCodes.CLOSED_ABNORMALLY, "send failed"));
            return;
        }
        synchronized (this) {
            inFlight = false;
            notifyAll();
            if (pumping || closed) {
                return;
            }
            pumping = true;
        }
        pump();
    }

    /**
     * Closes the socket once, on a thread of its own, after the frame already handed to the
     * container has gone out: the container drops whatever is still buffered when it closes, so
     * closing at once would cut a slow client off before its close frame and it would see 1006,
     * not the reason. Nothing new is sent meanwhile; a client that never reads is dropped after
     * {@link #DRAIN_BEFORE_CLOSE_MILLIS}.
     */
    void closeLater(CloseReason reason) {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            queue.clear();
            queuedBytes = 0;
            heldFrames = 0;
            heldBytes = 0;
            whenDrained = null;
        }
        whenClosed.run();
        Thread.ofVirtual().name("daehwa-ws-close").start(() -> {
            try {
                awaitSent();
                session.close(reason);
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.FINE, "close failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private synchronized void awaitSent() throws InterruptedException {
        long deadline = System.currentTimeMillis() + DRAIN_BEFORE_CLOSE_MILLIS;
        while (inFlight && System.currentTimeMillis() < deadline) {
            wait(Math.max(1, deadline - System.currentTimeMillis()));
        }
    }

    synchronized boolean isClosed() {
        return closed;
    }
}
