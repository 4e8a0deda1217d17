package dev.daehwa.application.live;

import dev.daehwa.application.accounts.AccountService;
import dev.daehwa.application.events.ChatEvent;
import dev.daehwa.application.events.ChatEventElsewhere;
import dev.daehwa.application.live.LiveUpdate.MessageCreated;
import dev.daehwa.application.live.LiveUpdate.MessageDeleted;
import dev.daehwa.application.live.LiveUpdate.MessageUpdated;
import dev.daehwa.application.live.LiveUpdate.PresenceChanged;
import dev.daehwa.application.live.LiveUpdate.ReactionsChanged;
import dev.daehwa.application.live.LiveUpdate.RoomRemoved;
import dev.daehwa.application.live.LiveUpdate.RoomUpdated;
import dev.daehwa.application.live.LiveUpdate.Unread;
import dev.daehwa.application.messages.MessageDetails;
import dev.daehwa.application.messages.MessageDetailsReader;
import dev.daehwa.domain.message.Message;
import dev.daehwa.domain.message.MessagePermissions;
import dev.daehwa.domain.user.PublicProfile;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Who hears of a committed chat event, and in what order: each event becomes a {@link LiveUpdate}
 * for the people allowed to see it. Observed only after
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
    private Fanout fanout;

    @Inject
    private MessageDetailsReader detailsReader;

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
                        () -> now.message().ifPresent(m -> deliverByPermissions(now.memberIds(), m, MessageCreated::new)),
                        (after, before) -> {
                            List<Long> members = queries.memberIds(posted.roomId());
                            return queries.messagesBetween(posted.roomId(), after, before).stream()
                                    .map(m -> (Runnable) () -> deliverByPermissions(members, m, MessageCreated::new))
                                    .toList();
                        });
            }
            case ChatEvent.MessageEdited edited -> queries.message(edited.messageId())
                    .ifPresent(m -> deliverByPermissions(queries.memberIds(edited.roomId()), m, MessageUpdated::new));
            case ChatEvent.ReactionsChanged reacted -> reactionsByView(reacted);
            case ChatEvent.MessageDeleted deleted -> fanout.deliver(queries.memberIds(deleted.roomId()),
                    new MessageDeleted(deleted.roomId(), deleted.messageId(), deleted.seq()));
            case ChatEvent.RoomChanged changed -> roomUpdatedForEachMember(changed.roomId());
            case ChatEvent.MemberRemoved removed -> {
                fanout.deliver(List.of(removed.userId()), new RoomRemoved(removed.roomId()));
                roomUpdatedForEachMember(removed.roomId());
            }
            case ChatEvent.RoomArchived archived ->
                    fanout.deliver(archived.memberIds(), new RoomRemoved(archived.roomId()));
            case ChatEvent.ReadMarkerMoved moved -> {
                if (fanout.hasSocketHere(moved.userId())) {
                    queries.unreadOf(moved.userId(), moved.roomId()).ifPresent(unread -> fanout.deliver(
                            List.of(moved.userId()), new Unread(moved.roomId(), unread.count(), unread.lastReadSeq(),
                                    unread.mentionCount())));
                }
            }
        }
    }

    /** What one group of recipients shares about a message, and so one frame. */
    private record SeenAlike(MessagePermissions permissions, MessageDetails details) {
    }

    /** Makes the update of a message for one group of recipients. */
    private interface MessageUpdateFor {
        LiveUpdate of(Message message, MessagePermissions permissions, MessageDetails details);
    }

    /**
     * A message carries what its recipient may do to it and its details as they see them, so
     * recipients are grouped by both, one update per group: with today's rules the sender, the
     * room's owner, and everyone else. Each update becomes one frame, so an event costs a few
     * frames however many members the room has, not one per member. Each recipient is in
     * exactly one group, so the room's seq order per socket is untouched.
     */
    private void deliverByPermissions(Collection<Long> memberIds, Message message, MessageUpdateFor update) {
        Map<Long, MessageDetails> details = detailsReader.ofEach(message, memberIds);
        Map<SeenAlike, List<Long>> groups = memberIds.stream().collect(Collectors.groupingBy(
                member -> new SeenAlike(message.permissionsFor(member), details.getOrDefault(member, MessageDetails.NONE)),
                LinkedHashMap::new, Collectors.toList()));
        groups.forEach((seen, recipients) ->
                fanout.deliver(recipients, update.of(message, seen.permissions(), seen.details())));
    }

    /**
     * Each member sees which of the reactions are their own, so members are grouped by the
     * reactions as they see them: those who reacted with nothing share one frame, and each set
     * of own emoji another. A message deleted meanwhile is not told of: its deletion is.
     */
    private void reactionsByView(ChatEvent.ReactionsChanged reacted) {
        if (queries.message(reacted.messageId()).isEmpty()) {
            return;
        }
        Map<Long, List<MessageDetails.Reaction>> each =
                detailsReader.reactionsOfEach(reacted.messageId(), queries.memberIds(reacted.roomId()));
        Map<List<MessageDetails.Reaction>, List<Long>> groups = new LinkedHashMap<>();
        each.forEach((member, reactions) -> groups.computeIfAbsent(reactions, r -> new ArrayList<>()).add(member));
        groups.forEach((reactions, recipients) -> fanout.deliver(recipients,
                new ReactionsChanged(reacted.roomId(), reacted.messageId(), reactions)));
    }

    /**
     * The room JSON carries each member's own unread count, so each member with a socket here
     * gets their own update; all of them are read together, in the same few statements however
     * many members the room has.
     */
    private void roomUpdatedForEachMember(long roomId) {
        queries.roomAsSeenByEach(roomId, fanout::hasSocketHere)
                .forEach((member, view) -> fanout.deliver(List.of(member), new RoomUpdated(view)));
    }

    /** Tells the people who share a room with this user that they came online or went offline. */
    void presence(PublicProfile user, boolean online) {
        runSoon(() -> fanout.deliver(queries.roomMatesOf(user.id()), new PresenceChanged(user, online)),
                "presence of " + user.id());
    }

    /** The same, for a user known only by id (their presence changed on another node). */
    void presence(long userId, boolean online) {
        runSoon(() -> accounts.find(userId).ifPresent(user -> fanout.deliver(
                queries.roomMatesOf(userId), new PresenceChanged(PublicProfile.of(user), online))), "presence of " + userId);
    }
}
