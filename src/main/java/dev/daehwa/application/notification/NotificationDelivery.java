package dev.daehwa.application.notification;

import dev.daehwa.application.messages.MessageDetailsReader;
import dev.daehwa.domain.message.Message;
import dev.daehwa.domain.message.MessageRepository;
import dev.daehwa.domain.message.MissedFromSender;
import dev.daehwa.domain.notification.Claim;
import dev.daehwa.domain.notification.EmailCadence;
import dev.daehwa.domain.notification.EmailNotification;
import dev.daehwa.domain.notification.EmailNotificationRepository;
import dev.daehwa.domain.notification.EmailScope;
import dev.daehwa.domain.room.Membership;
import dev.daehwa.domain.room.Room;
import dev.daehwa.domain.room.RoomRepository;
import dev.daehwa.domain.user.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The steps of delivering queued notifications, each its own transaction; the worker calls them
 * in order and sends the email between them, outside any transaction. Each step locks the room,
 * then the notification, and acts only while the worker's {@link Claim} still holds it: a worker
 * that was too slow for its lease cannot send or settle what another worker has taken since.
 *
 * <p>Why the room row is locked when a notification is settled: posting locks it too, and a post
 * that finds an open notification joins it instead of queueing another. Settling under the same
 * lock means a message is either seen by the settling worker (and followed up) or, posted after,
 * finds no open notification and queues its own. Without it, a message posted while its email
 * was being sent would be emailed by nobody.
 */
@ApplicationScoped
@Transactional
public class NotificationDelivery {

    /** At most this many messages are shown in one email, then "and N more". */
    public static final int SHOWN_MESSAGES = 20;

    /** Settled notifications are kept this long, for looking into what was sent, then forgotten. */
    private static final Duration KEEP_SETTLED = Duration.ofDays(30);

    private static final Logger LOG = Logger.getLogger(NotificationDelivery.class.getName());

    @Inject
    private EmailNotificationRepository notifications;

    @Inject
    private RoomRepository rooms;

    @Inject
    private MessageRepository messages;

    @Inject
    private NotificationSettingsService settings;

    @Inject
    private NotificationQueue queue;

    @Inject
    private NotificationTiming timing;

    @Inject
    private UnsubscribeTokens unsubscribeTokens;

    @Inject
    private MessageDetailsReader details;

    @Inject
    private Clock clock;

    /** An email ready to send under a claim, with the room's newest seq when it was written. */
    public record Prepared(Claim claim, MissedMessagesEmail email, long roomSeqWhenWritten) {
    }

    /** Takes due notifications for this worker; see {@link EmailNotificationRepository#claimDue}. */
    public List<Claim> claimDue(int limit) {
        Instant now = Instant.now(clock);
        return notifications.claimDue(now, now.plus(timing.lease()), limit);
    }

    /**
     * Writes the email a claimed notification stands for, from what the member has still not
     * read. Returns empty when there is nothing to send now: nothing left unread (settled as
     * skipped), unread messages too young to email yet (postponed), or the claim lost.
     */
    public Optional<Prepared> prepare(Claim claim) {
        Optional<Room> room = rooms.findForUpdate(claim.roomId());
        Optional<EmailNotification> held = heldBy(claim);
        if (held.isEmpty()) {
            return Optional.empty();
        }
        EmailNotification notification = held.get();
        Instant now = Instant.now(clock);
        Optional<Membership> membership = rooms.findMembership(notification.roomId(), notification.userId())
                // the address may have changed since the notification was queued
                .filter(m -> m.user().isEmailConfirmed());
        // The settings may have changed too: what the email may hold is decided now.
        EmailScope scope = membership.map(this::scopeOf).orElse(EmailScope.NONE);
        boolean addressedOnly = scope == EmailScope.ADDRESSED_ONLY;
        List<MissedFromSender> missed = scope == EmailScope.NONE ? List.of() : messages.missedBySender(
                notification.userId(), notification.roomId(), membership.get().unnotifiedAfter(), addressedOnly);
        if (room.isEmpty() || missed.isEmpty()) {
            notification.skipped(now);
            return Optional.empty();
        }
        Membership member = membership.get();
        User user = member.user();
        List<Message> shown = messages.missedBy(user.id(), notification.roomId(), member.unnotifiedAfter(),
                SHOWN_MESSAGES, addressedOnly);
        // The delay is how long a message stays unread before it is emailed, counted from the
        // oldest one still unread: someone reading along is never emailed about a message that
        // arrived a moment before the email fell due.
        Instant ripe = shown.getFirst().createdAt().plus(timing.delayOf(cadenceOf(user)));
        if (ripe.isAfter(now)) {
            notification.postpone(ripe);
            return Optional.empty();
        }
        notification.extendLease(now.plus(timing.lease()));
        MissedMessagesEmail email = new MissedMessagesEmail(
                notification.id(),
                user.email(),
                user.displayName(),
                user.language().orElse(Locale.ENGLISH),
                notification.roomId(),
                nameFor(room.get(), user.id()),
                shown,
                missed.stream().mapToLong(MissedFromSender::messages).sum(),
                missed.stream().map(MissedFromSender::senderName).distinct().toList(),
                missed.stream().mapToLong(MissedFromSender::lastSeq).max().orElseThrow(),
                unsubscribeTokens.tokenFor(user.id(), notification.roomId()),
                messages.mentionersOf(user.id(), notification.roomId(), member.unnotifiedAfter()),
                details.of(shown, user.id()),
                messages.repliersTo(user.id(), notification.roomId(), member.unnotifiedAfter()),
                room.get().isDirect());
        return Optional.of(new Prepared(claim, email, room.get().lastSeq()));
    }

    /** The SMTP server took the email. */
    public void sent(Prepared prepared) {
        MissedMessagesEmail email = prepared.email();
        Optional<Room> room = rooms.findForUpdate(email.roomId());
        Optional<EmailNotification> held = heldBy(prepared.claim());
        if (held.isEmpty()) {
            return;
        }
        long userId = held.get().userId();
        held.get().sent(email.throughSeq(), Instant.now(clock));
        rooms.findMembership(email.roomId(), userId).ifPresent(m -> m.emailedThrough(email.throughSeq()));
        long written = Math.max(prepared.roomSeqWhenWritten(), email.throughSeq());
        if (room.isPresent() && room.get().lastSeq() > written) {
            queue.followUp(email.roomId(), userId);
        }
    }

    /** The SMTP server refused or could not be reached: retry later, or give up. */
    public void failed(Claim claim, String error) {
        // Under the room lock like every settling: a message posted meanwhile is not left in a
        // notification that is closing.
        rooms.findForUpdate(claim.roomId());
        heldBy(claim).ifPresent(notification -> {
            boolean gaveUp = notification.failed(error, timing.retrySchedule(), Instant.now(clock));
            if (gaveUp) {
                LOG.severe(() -> "Gave up on notification " + claim.notificationId() + " to user "
                        + notification.userId() + " about room " + notification.roomId() + " after "
                        + notification.failures() + " failed attempts: " + error);
            }
        });
    }

    /** Hands back notifications this worker took but will not send (it is stopping). */
    public void release(Collection<Claim> claims) {
        Instant now = Instant.now(clock);
        claims.forEach(claim -> heldBy(claim).ifPresent(n -> n.release(now)));
    }

    /** The notification, locked, if this claim still holds it. */
    private Optional<EmailNotification> heldBy(Claim claim) {
        return notifications.findForUpdate(claim.notificationId()).filter(n -> n.isHeldBy(claim));
    }

    /** Forgets old settled notifications; the open ones are the queue and are never deleted. */
    public int forgetSettled() {
        return notifications.deleteSettledBefore(Instant.now(clock).minus(KEEP_SETTLED));
    }

    public long countOpen() {
        return notifications.countOpen();
    }

    public long countFailed() {
        return notifications.countFailed();
    }

    /** The room's name as the recipient knows it: a direct room is named for the other person. */
    private String nameFor(Room room, long recipientId) {
        if (!room.isDirect()) {
            return room.name();
        }
        return rooms.membersOf(List.of(room.id())).getOrDefault(room.id(), List.of()).stream()
                .filter(member -> member.id() != recipientId)
                .map(User::displayName)
                .findFirst().orElse(room.name());
    }

    private EmailScope scopeOf(Membership membership) {
        User user = membership.user();
        return EmailScope.of(cadenceOf(user), membership.isEmailMuted(), user.emailsMentions(),
                membership.room().isDirect());
    }

    private EmailCadence cadenceOf(User user) {
        return user.chosenEmailCadence().orElse(settings.serverDefault());
    }
}
