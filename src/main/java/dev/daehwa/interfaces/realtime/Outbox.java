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
 * The frames waiting to go out on one socket, sent one at a time without blocking anyone: the
 * next send starts when the previous one completes. A client that stops reading lets its queue
 * fill; past the bound the socket is closed with 1013 (try again later) and the client resumes,
 * while everyone else's delivery carries on.
 *
 * <p>No thread is handed work per frame: whoever finds the socket idle sends, and a send that
 * completes on the spot is followed by the next in the same loop (not by recursion, which a
 * fast socket would turn into a stack overflow).
 */
final class Outbox {

    private static final Logger LOG = Logger.getLogger(Outbox.class.getName());
    private static final Object PING = new Object();
    /** How long a closing socket may take to take in what was already sent, before it is dropped. */
    private static final long DRAIN_BEFORE_CLOSE_MILLIS = 30_000;

    private final Session session;
    private final int limit;
    private final ArrayDeque<Object> queue = new ArrayDeque<>();
    /** How many of the queued frames are {@link Requested}. */
    private int requestedQueued;
    /** A send has been started and has not completed. */
    private boolean inFlight;
    /** A thread is inside {@link #pump()}. */
    private boolean pumping;
    private boolean closed;
    private volatile Runnable whenClosed = () -> { };

    Outbox(Session session, int limit) {
        this.session = session;
        this.limit = limit;
    }

    /**
     * Runs once the outbox closes. Not left to the socket's own close event: a client that stopped
     * reading may never take the close frame, and it must count as gone now.
     */
    void whenClosed(Runnable action) {
        whenClosed = action;
    }

    void send(String text) {
        enqueue(text);
    }

    /**
     * A frame the client asked for by resuming: the replay, and the live frames held meanwhile.
     * They come all at once and are bounded by the resume itself (at most
     * {@code LiveQueries.MAX_REPLAY_PER_RESUME} messages, beyond which rooms get a resync, and the
     * connection's held frames), so they do not count against the bound, which is about live frames piling
     * up behind a reader that stopped. Counted, a replay as long as the bound would cut off every
     * client that resumes it, and its next resume again.
     */
    void sendRequested(String text) {
        enqueue(new Requested(text));
    }

    private record Requested(String text) {
    }

    void ping() {
        enqueue(PING);
    }

    private void enqueue(Object item) {
        boolean start = false;
        synchronized (this) {
            if (closed) {
                return;
            }
            if (!(item instanceof Requested) && queue.size() - requestedQueued >= limit) {
                closeLater(new CloseReason(CloseReason.CloseCodes.TRY_AGAIN_LATER, "too slow: resume to catch up"));
                return;
            }
            queue.add(item);
            if (item instanceof Requested) {
                requestedQueued++;
            }
            if (!pumping && !inFlight) {
                pumping = true;
                start = true;
            }
        }
        if (start) {
            pump();
        }
    }

    private void pump() {
        while (true) {
            Object next;
            synchronized (this) {
                if (closed || inFlight || queue.isEmpty()) {
                    pumping = false;
                    return;
                }
                next = queue.poll();
                if (next instanceof Requested requested) {
                    requestedQueued--;
                    next = requested.text();
                }
                inFlight = true;
            }
            try {
                if (next == PING) {
                    session.getAsyncRemote().sendPing(ByteBuffer.allocate(0));
                    sent(null);
                } else {
                    String text = (String) next;
                    session.getAsyncRemote().sendText(text, this::sent);
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
            requestedQueued = 0;
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
