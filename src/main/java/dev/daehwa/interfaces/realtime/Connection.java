package dev.daehwa.interfaces.realtime;

import dev.daehwa.application.auth.CallerCredential;
import dev.daehwa.domain.limit.TokenBucket;
import dev.daehwa.domain.user.PublicProfile;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One open socket of one user. Until it goes live it holds live events back: from the hello if
 * the client said it will resume, and during every resume. It remembers, per room, the highest
 * message seq it delivered: together these make every message arrive exactly once, in seq order,
 * across the replay-to-live boundary.
 */
final class Connection {

    /** Bad frames tolerated per window before the socket is closed with 1008. */
    static final int MAX_BAD_FRAMES = 20;
    static final long BAD_FRAME_WINDOW_MILLIS = 10_000;
    private static final AtomicLong OPENED = new AtomicLong();

    private final Session session;
    private final PublicProfile user;
    private final String httpSessionId;
    private final Outbox outbox;
    private final TokenBucket resumes;
    /** Orders the sockets by when they opened: past a user's cap, the oldest is closed. */
    private final long openedOrder = OPENED.incrementAndGet();
    private final Map<Long, Long> deliveredSeq = new HashMap<>();
    private final List<Frame> held = new ArrayList<>();
    private final ArrayDeque<Long> badFrames = new ArrayDeque<>();
    private boolean live;
    private boolean resuming;
    /** The resume being replayed; a newer resume replaces it. */
    private Replay replaying;
    private volatile long lastPongMillis = System.currentTimeMillis();

    /**
     * @param httpSessionId the HTTP session of a cookie-authenticated socket, or null for a token
     * @param resumes how many resume frames this socket may send
     */
    Connection(Session session, PublicProfile user, String httpSessionId, Outbox outbox, TokenBucket resumes) {
        this.session = session;
        this.user = user;
        this.httpSessionId = httpSessionId;
        this.outbox = outbox;
        this.resumes = resumes;
    }

    long userId() {
        return user.id();
    }

    /** Who this socket belongs to, as loaded when it opened: presence and typing frames name them. */
    PublicProfile user() {
        return user;
    }

    /** The login or API token that opened this socket (null if unknown). */
    CallerCredential credential() {
        return HandshakeSession.credentialOf(session);
    }

    boolean belongsTo(String httpSession) {
        return httpSession.equals(httpSessionId);
    }

    long openedOrder() {
        return openedOrder;
    }

    Outbox outbox() {
        return outbox;
    }

    /** How many resume frames this socket may still send, as {@link dev.daehwa.application.live.ResumeLimits} counts them. */
    TokenBucket resumeAllowance() {
        return resumes;
    }

    /** A frame that is not an event (hello, errors, replies): straight out, never held. */
    void reply(Frame frame) {
        outbox.send(frame.json());
    }

    /** A live event: held while resuming, dropped if it is a message this socket already has. */
    synchronized void deliver(Frame frame) {
        if (live) {
            sendOnce(frame, false);
        } else if (outbox.hold(frame.json())) {
            held.add(frame);
        }
    }

    /**
     * Starts (or restarts) a resume: live events are held from here on, and the replay sends every
     * message after the seqs the client names, even one this socket sent live before the resume
     * (a client that resumes on a socket it did not open for resuming may get such a message twice,
     * never not at all).
     */
    synchronized void holdForResume(Map<Long, Long> lastSeenByRoom, Replay replay) {
        live = false;
        resuming = true;
        if (replaying != null) {
            replaying.cancel();
        }
        replaying = replay;
        deliveredSeq.putAll(lastSeenByRoom);
    }

    /** A replayed frame, if its replay is still this socket's: sent unless this socket has delivered it. */
    synchronized void replay(Replay from, Frame frame) {
        if (from == replaying) {
            sendOnce(frame, true);
        }
    }

    /** The replay is over: {@code resumed}, then what arrived meanwhile, unless a newer resume took its place. */
    synchronized void replayed(Replay from, Frame resumed) {
        if (from == replaying) {
            replaying = null;
            outbox.sendRequested(resumed.json());
            goLive();
        }
    }

    /** Ends the hold: what arrived meanwhile goes out, minus what the replay already sent. */
    synchronized void goLive() {
        resuming = false;
        if (live) {
            return;
        }
        live = true;
        outbox.releaseHeld();
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

    /** The socket closed: what it held is dropped at once, and its replay stops. */
    synchronized void closed() {
        held.clear();
        if (replaying != null) {
            replaying.cancel();
            replaying = null;
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
