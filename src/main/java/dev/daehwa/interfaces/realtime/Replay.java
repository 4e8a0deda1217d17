package dev.daehwa.interfaces.realtime;

import dev.daehwa.application.live.LiveQueries;
import dev.daehwa.application.messages.MessageDetails;
import dev.daehwa.domain.message.Message;
import jakarta.websocket.CloseReason;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One resume's replay, streamed: each room's missed messages are read a page at a time and queued
 * only while the socket's queue has room for them ({@link Outbox#hasRoomForReplay()}); then the
 * replay waits for the queue to drain and reads on. A client that asks for 3,000 large messages
 * and does not read holds a bounded queue, not 3,000 rendered frames.
 */
final class Replay {

    /** Messages read at once; what the queue cannot take of a page is read again later. */
    static final int PAGE = 50;
    private static final Logger LOG = Logger.getLogger(Replay.class.getName());

    private final Connection connection;
    private final LiveQueries queries;
    private final Frames frames;
    /** Where later pages are read: a thread with the application's context, not the container's I/O thread. */
    private final Executor later;
    private final Deque<Room> rooms = new ArrayDeque<>();
    private volatile boolean cancelled;

    /** One room's missed messages: those after {@code afterSeq}, which moves as they are queued. */
    private static final class Room {
        final LiveQueries.Missed missed;
        long afterSeq;

        Room(LiveQueries.Missed missed) {
            this.missed = missed;
            this.afterSeq = missed.afterSeq();
        }
    }

    Replay(Connection connection, LiveQueries queries, Frames frames, Executor later) {
        this.connection = connection;
        this.queries = queries;
        this.frames = frames;
        this.later = later;
    }

    /** Reads what the client missed and starts sending it, on the caller's thread. */
    void start(Map<Long, Long> lastSeenByRoom) {
        queries.missedSince(connection.userId(), lastSeenByRoom).forEach(missed -> rooms.add(new Room(missed)));
        sendWhatFits();
    }

    /** A newer resume took over, or the socket closed. */
    void cancel() {
        cancelled = true;
    }

    private synchronized void sendWhatFits() {
        Outbox outbox = connection.outbox();
        while (!cancelled) {
            if (!outbox.hasRoomForReplay()) {
                outbox.whenDrained(() -> later.execute(this::continueLater));
                return;
            }
            Room room = rooms.peek();
            if (room == null) {
                connection.replayed(this, frames.resumed());
                return;
            }
            if (room.missed.tooMany()) {
                connection.replay(this, frames.resync(room.missed.roomId()));
                rooms.poll();
                continue;
            }
            List<Message> page = queries.missedPage(connection.userId(), room.missed.roomId(), room.afterSeq,
                    room.missed.untilSeq(), PAGE);
            Map<Long, MessageDetails> details = queries.detailsOf(page, connection.userId());
            int sent = 0;
            for (Message message : page) {
                if (cancelled || !outbox.hasRoomForReplay()) {
                    break;
                }
                connection.replay(this, frames.messageCreated(message, message.permissionsFor(connection.userId()),
                        details.getOrDefault(message.id(), MessageDetails.NONE)));
                room.afterSeq = message.seq();
                sent++;
            }
            if (sent == page.size() && (page.size() < PAGE || room.afterSeq >= room.missed.untilSeq())) {
                rooms.poll();
            }
        }
    }

    private void continueLater() {
        try {
            sendWhatFits();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "a replay failed; the socket closes and its client resumes again", e);
            connection.close(new CloseReason(CloseReason.CloseCodes.UNEXPECTED_CONDITION, "replay failed: resume again"));
        }
    }
}
