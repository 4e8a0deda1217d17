package dev.daehwa.application.notification;

import dev.daehwa.domain.message.Message;
import dev.daehwa.domain.message.MessageRepository;
import dev.daehwa.domain.message.MissedFromSender;
import dev.daehwa.domain.notification.EmailCadence;
import dev.daehwa.domain.notification.EmailNotification;
import dev.daehwa.domain.notification.EmailNotificationRepository;
import dev.daehwa.domain.room.Membership;
import dev.daehwa.domain.room.Room;
import dev.daehwa.domain.room.RoomRepository;
import dev.daehwa.domain.user.User;
import dev.daehwa.infrastructure.security.UnsubscribeTokens;
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
 * in order and sends the email between them, outside any transaction.
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
    private Clock clock;

    /** An email ready to send, with the room's newest seq when it was written. */
    public record Prepared(MissedMessagesEmail email, long roomSeqWhenWritten) {
    }

    /** Takes due notifications for this worker; see {@link EmailNotificationRepository#claimDue}. */
    public List<Long> claimDue(int limit) {
        Instant now = Instant.now(clock);
        return notifications.claimDue(now, now.plus(timing.lease()), limit);
    }

    /**
     * Writes the email a claimed notification stands for, from what the member has still not
     * read; or, when nothing is left to tell, settles it as skipped and returns empty.
     */
    public Optional<Prepared> prepare(long notificationId) {
        Optional<EmailNotification> found = notifications.find(notificationId).filter(EmailNotification::isOpen);
        if (found.isEmpty()) {
            return Optional.empty(); // another worker settled it after our lease ran out
        }
        EmailNotification notification = found.get();
        Optional<Room> room = rooms.findForUpdate(notification.roomId());
        Optional<Membership> membership = rooms.findMembership(notification.roomId(), notification.userId())
                .filter(m -> !m.isEmailMuted())
                .filter(m -> cadenceOf(m.user()) != EmailCadence.NEVER);
        List<MissedFromSender> missed = membership.map(m -> messages.missedBySender(
                notification.userId(), notification.roomId(), m.unnotifiedAfter())).orElse(List.of());
        if (room.isEmpty() || missed.isEmpty()) {
            notification.skipped(Instant.now(clock));
            return Optional.empty();
        }
        Membership member = membership.get();
        User user = member.user();
        List<Message> shown = messages.missedBy(user.id(), notification.roomId(), member.unnotifiedAfter(), SHOWN_MESSAGES);
        MissedMessagesEmail email = new MissedMessagesEmail(
                notification.id(),
                user.email(),
                user.displayName(),
                user.language().orElse(Locale.ENGLISH),
                notification.roomId(),
                room.get().name(),
                shown,
                missed.stream().mapToLong(MissedFromSender::messages).sum(),
                missed.stream().map(MissedFromSender::senderName).distinct().toList(),
                missed.stream().mapToLong(MissedFromSender::lastSeq).max().orElseThrow(),
                unsubscribeTokens.tokenFor(user.id(), notification.roomId()));
        return Optional.of(new Prepared(email, room.get().lastSeq()));
    }

    /** The SMTP server took the email. */
    public void sent(Prepared prepared) {
        MissedMessagesEmail email = prepared.email();
        Optional<Room> room = rooms.findForUpdate(email.roomId());
        Optional<EmailNotification> notification = notifications.find(email.notificationId());
        if (notification.isEmpty() || !notification.get().isOpen()) {
            return;
        }
        long userId = notification.get().userId();
        notification.get().sent(email.throughSeq(), Instant.now(clock));
        rooms.findMembership(email.roomId(), userId).ifPresent(m -> m.emailedThrough(email.throughSeq()));
        long written = Math.max(prepared.roomSeqWhenWritten(), email.throughSeq());
        if (room.isPresent() && room.get().lastSeq() > written) {
            queue.followUp(email.roomId(), userId);
        }
    }

    /** The SMTP server refused or could not be reached: retry later, or give up. */
    public void failed(long notificationId, String error) {
        notifications.find(notificationId).filter(EmailNotification::isOpen).ifPresent(notification -> {
            boolean gaveUp = notification.failed(error, timing.retrySchedule(), Instant.now(clock));
            if (gaveUp) {
                LOG.severe(() -> "Gave up on notification " + notificationId + " to user " + notification.userId()
                        + " about room " + notification.roomId() + " after " + notification.failures()
                        + " failed attempts: " + error);
            }
        });
    }

    /** Hands back notifications this worker took but will not send (it is stopping). */
    public void release(Collection<Long> notificationIds) {
        Instant now = Instant.now(clock);
        notificationIds.forEach(id -> notifications.find(id).ifPresent(n -> n.release(now)));
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

    private EmailCadence cadenceOf(User user) {
        return user.chosenEmailCadence().orElse(settings.serverDefault());
    }
}
