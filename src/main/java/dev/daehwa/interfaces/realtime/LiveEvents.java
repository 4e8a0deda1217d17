package dev.daehwa.interfaces.realtime;

import dev.daehwa.application.LiveQueries;
import dev.daehwa.application.AccountService;
import dev.daehwa.application.events.ChatEvent;
import dev.daehwa.application.events.ChatEventElsewhere;
import dev.daehwa.interfaces.rest.json.UserJson;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns committed chat events into frames for the people allowed to see them. Observed only after
 * the transaction succeeded, then handed to the {@link DeliveryThreads}: the request that made the
 * change never waits for a socket. Recipients are the room's members at the time of delivery, read
 * afresh for every event, so whoever was just removed gets nothing more.
 */
@ApplicationScoped
public class LiveEvents {

    private static final Logger LOG = Logger.getLogger(LiveEvents.class.getName());

    @Inject
    private DeliveryThreads deliveries;

    /** Only when the delivery threads' backlog is full. */
    @Resource
    private ManagedExecutorService executor;

    @Inject
    private LiveQueries queries;

    @Inject
    private Frames frames;

    @Inject
    private Fanout fanout;

    @Inject
    private RoomSequencer sequencer;

    @Inject
    private AccountService accounts;

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) ChatEvent event) {
        runSoon(() -> publish(event), event);
    }

    /** Another node's change: this node's sockets hear of it just the same. */
    void elsewhere(@Observes ChatEventElsewhere elsewhere) {
        runSoon(() -> publish(elsewhere.event()), elsewhere);
    }

    /**
     * On the delivery threads, so the committing request does not wait; if their backlog is full,
     * on the managed executor. Not on this thread: it is still completing the committed
     * transaction, too early to open the next one.
     */
    private void runSoon(Runnable task, Object what) {
        Runnable guarded = () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "could not publish " + what, e);
            }
        };
        try {
            deliveries.execute(guarded);
        } catch (RejectedExecutionException e) {
            try {
                executor.execute(guarded);
            } catch (RejectedExecutionException again) {
                LOG.log(Level.SEVERE, "both executors are full; dropped " + what
                        + " (clients recover it when they resume)", again);
            }
        }
    }

    private void publish(ChatEvent event) {
        switch (event) {
            case ChatEvent.MessagePosted posted -> {
                LiveQueries.Posted now = queries.posted(posted.messageId(), posted.roomId());
                sequencer.arrived(posted.roomId(), posted.seq(),
                        () -> now.message().ifPresent(m -> fanout.deliver(now.memberIds(), frames.messageCreated(m))),
                        (after, before) -> {
                            List<Long> members = queries.memberIds(posted.roomId());
                            return queries.messagesBetween(posted.roomId(), after, before).stream()
                                    .map(m -> (Runnable) () -> fanout.deliver(members, frames.messageCreated(m)))
                                    .toList();
                        });
            }
            case ChatEvent.MessageEdited edited -> queries.message(edited.messageId())
                    .ifPresent(m -> fanout.deliver(queries.memberIds(edited.roomId()), frames.messageUpdated(m)));
            case ChatEvent.MessageDeleted deleted -> fanout.deliver(queries.memberIds(deleted.roomId()),
                    frames.messageDeleted(deleted.roomId(), deleted.messageId(), deleted.seq()));
            case ChatEvent.RoomChanged changed -> roomUpdatedForEachMember(changed.roomId());
            case ChatEvent.MemberRemoved removed -> {
                fanout.deliver(List.of(removed.userId()), frames.roomRemoved(removed.roomId()));
                roomUpdatedForEachMember(removed.roomId());
            }
            case ChatEvent.RoomArchived archived ->
                    fanout.deliver(archived.memberIds(), frames.roomRemoved(archived.roomId()));
            case ChatEvent.ReadMarkerMoved moved -> {
                if (fanout.hasSocketHere(moved.userId())) {
                    queries.unreadOf(moved.userId(), moved.roomId()).ifPresent(unread -> fanout.deliver(
                            List.of(moved.userId()), frames.unread(moved.roomId(), unread.count(), unread.lastReadSeq())));
                }
            }
        }
    }

    /** The room JSON carries each member's own unread count, so each member gets their own frame. */
    private void roomUpdatedForEachMember(long roomId) {
        for (long member : queries.memberIds(roomId)) {
            if (fanout.hasSocketHere(member)) {
                queries.roomAsSeenBy(member, roomId)
                        .ifPresent(view -> fanout.deliver(List.of(member), frames.roomUpdated(view)));
            }
        }
    }

    /** Tells the people who share a room with this user that they came online or went offline. */
    void presence(UserJson user, boolean online) {
        runSoon(() -> fanout.deliver(queries.roomMatesOf(user.id()), frames.presence(user, online)),
                "presence of " + user.id());
    }

    /** The same, for a user known only by id (their presence changed on another node). */
    void presence(long userId, boolean online) {
        runSoon(() -> accounts.find(userId).ifPresent(user -> fanout.deliver(
                queries.roomMatesOf(userId), frames.presence(UserJson.of(user), online))), "presence of " + userId);
    }
}
