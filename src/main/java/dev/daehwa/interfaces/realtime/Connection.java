package dev.daehwa.interfaces.realtime;

import dev.daehwa.application.events.CallerCredential;
import dev.daehwa.interfaces.rest.json.UserJson;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One open socket of one user. It starts out holding live events back until the client has
 * resumed (or has had its chance to), and it remembers, per room, the highest message seq it
 * delivered: together these make every message arrive exactly once, in seq order, across the
 * replay-to-live boundary.
 */
final class Connection {

    /** Frames held while resuming beyond this mean the client could never catch up. */
    private static final int MAX_HELD = 10_000;
    /** Bad frames tolerated per window before the socket is closed with 1008. */
    static final int MAX_BAD_FRAMES = 20;
    static final long BAD_FRAME_WINDOW_MILLIS = 10_000;

    private final Session session;
    private final UserJson user;
    private final String httpSessionId;
    private final Outbox outbox;
    private final Map<Long, Long> deliveredSeq = new HashMap<>();
    private final List<Frame> held = new ArrayList<>();
    private final ArrayDeque<Long> badFrames = new ArrayDeque<>();
    private boolean live;
    private boolean resuming;
    private volatile long lastPongMillis = System.currentTimeMillis();

    /** @param httpSessionId the HTTP session of a cookie-authenticated socket, or null for a token */
    Connection(Session session, UserJson user, String httpSessionId, Outbox outbox) {
        this.session = session;
        this.user = user;
        this.httpSessionId = httpSessionId;
        this.outbox = outbox;
    }

    long userId() {
        return user.id();
    }

    /** Who this socket belongs to, as loaded when it opened: presence and typing frames name them. */
    UserJson user() {
        return user;
    }

    /** The login or API token that opened this socket (null if unknown). */
    CallerCredential credential() {
        return HandshakeSession.credentialOf(session);
    }

    boolean belongsTo(String httpSession) {
        return httpSession.equals(httpSessionId);
    }

    /** A frame that is not an event (hello, errors, replies): straight out, never held. */
    void reply(Frame frame) {
        outbox.send(frame.json());
    }

    /** A live event: held while resuming, dropped if it is a message this socket already has. */
    synchronized void deliver(Frame frame) {
        if (live) {
            sendOnce(frame, false);
        } else if (held.size() < MAX_HELD) {
            held.add(frame);
        } else {
            close(new CloseReason(CloseReason.CloseCodes.TRY_AGAIN_LATER, "too far behind: resume again"));
        }
    }

    /** Starts (or restarts) a resume: live events are held from here on. */
    synchronized void holdForResume(Map<Long, Long> lastSeenByRoom) {
        live = false;
        resuming = true;
        lastSeenByRoom.forEach((room, seen) -> deliveredSeq.merge(room, seen, Math::max));
    }

    /** A replayed message: sent unless this socket has delivered it already. */
    synchronized void replay(Frame frame) {
        sendOnce(frame, true);
    }

    /** Ends the hold: what arrived meanwhile goes out, minus what the replay already sent. */
    synchronized void goLive() {
        resuming = false;
        if (live) {
            return;
        }
        live = true;
        held.forEach(frame -> sendOnce(frame, true));
        held.clear();
    }

    /** After hello's grace period, or when the client's first frame is not a resume. */
    synchronized void goLiveUnlessResuming() {
        if (!resuming) {
            goLive();
        }
    }

    private void sendOnce(Frame frame, boolean requested) {
        if (frame.isMessageCreated()) {
            long delivered = deliveredSeq.getOrDefault(frame.roomId(), 0L);
            if (frame.seq() <= delivered) {
                return;
            }
            deliveredSeq.put(frame.roomId(), frame.seq());
        }
        if (requested) {
            outbox.sendRequested(frame.json());
        } else {
            outbox.send(frame.json());
        }
    }

    /** Counts a bad frame; true if the client has now sent too many and must be cut off. */
    synchronized boolean tooManyBadFrames(long nowMillis) {
        badFrames.add(nowMillis);
        while (!badFrames.isEmpty() && badFrames.peek() < nowMillis - BAD_FRAME_WINDOW_MILLIS) {
            badFrames.poll();
        }
        return badFrames.size() > MAX_BAD_FRAMES;
    }

    void pong() {
        lastPongMillis = System.currentTimeMillis();
    }

    long lastPongMillis() {
        return lastPongMillis;
    }

    void ping() {
        outbox.ping();
    }

    void close(CloseReason reason) {
        outbox.closeLater(reason);
    }

    /**
     * Closes in this thread, dropping what still waits: for a socket whose credential was revoked.
     * The container closes a socket itself (1008) when the HTTP session it came with ends, which
     * would otherwise overtake the reason given here.
     */
    void closeNow(CloseReason reason) {
        try {
            session.close(reason);
        } catch (IOException | IllegalStateException e) {
            close(reason);
        }
    }

    boolean isOpen() {
        return !outbox.isClosed() && session.isOpen();
    }
}
