package dev.daehwa.interfaces.realtime;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The frames waiting to go out on one socket, sent one at a time without blocking anyone: the
 * next send starts when the previous one completes. A client that stops reading lets its queue
 * fill; past the bound the socket is closed with 1013 (try again later) and the client resumes,
 * while everyone else's delivery carries on.
 */
final class Outbox {

    private static final Logger LOG = Logger.getLogger(Outbox.class.getName());
    private static final Object PING = new Object();

    private final Session session;
    private final int limit;
    private final Executor executor;
    private final ArrayDeque<Object> queue = new ArrayDeque<>();
    private boolean sending;
    private boolean closed;

    Outbox(Session session, int limit, Executor executor) {
        this.session = session;
        this.limit = limit;
        this.executor = executor;
    }

    void send(String text) {
        enqueue(text);
    }

    void ping() {
        enqueue(PING);
    }

    private synchronized void enqueue(Object item) {
        if (closed) {
            return;
        }
        if (queue.size() >= limit) {
            close(new CloseReason(CloseReason.CloseCodes.TRY_AGAIN_LATER, "too slow: resume to catch up"));
            return;
        }
        queue.add(item);
        if (!sending) {
            sending = true;
            executor.execute(this::sendNext);
        }
    }

    private void sendNext() {
        Object next;
        synchronized (this) {
            next = closed ? null : queue.poll();
            if (next == null) {
                sending = false;
                return;
            }
        }
        try {
            if (next == PING) {
                session.getAsyncRemote().sendPing(ByteBuffer.allocate(0));
                executor.execute(this::sendNext);
            } else {
                session.getAsyncRemote().sendText((String) next, result -> {
                    if (result.isOK()) {
                        executor.execute(this::sendNext);
                    } else {
                        close(new CloseReason(CloseReason.CloseCodes.CLOSED_ABNORMALLY, "send failed"));
                    }
                });
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "send failed; closing", e);
            close(new CloseReason(CloseReason.CloseCodes.CLOSED_ABNORMALLY, "send failed"));
        }
    }

    /** Closes the socket once, off the caller's thread: a stuck socket may block its close too. */
    void close(CloseReason reason) {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            queue.clear();
        }
        executor.execute(() -> {
            try {
                session.close(reason);
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.FINE, "close failed", e);
            }
        });
    }

    synchronized boolean isClosed() {
        return closed;
    }
}
