package dev.daehwa.application.notification;

import dev.daehwa.domain.notification.EmailNotificationRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;

/**
 * Queues notification emails in the transaction that posts a message: if the message is stored,
 * so are the emails it owes, and a crash can lose neither. Who is owed one, and when, is decided
 * here (the sender never is; nor is a member whose address is unconfirmed, who muted the room or chose never); what the email
 * says is decided only when it falls due, from what is still unread then.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class NotificationQueue {

    @Inject
    private EmailNotificationRepository notifications;

    @Inject
    private NotificationSettingsService settings;

    @Inject
    private NotificationTiming timing;

    @Inject
    private EmailSender sender;

    @Inject
    private Clock clock;

    /** A message was posted: every other member who should hear of it gets an email queued, unless one is already. */
    public void messagePosted(long roomId, long senderId) {
        open(roomId, senderId, null);
    }

    /** Messages arrived while an email to this member was being sent: queue the next one. */
    void followUp(long roomId, long userId) {
        open(roomId, -1, userId);
    }

    private void open(long roomId, long senderId, Long onlyUserId) {
        if (!sender.isConfigured()) {
            return;
        }
        Instant now = Instant.now(clock);
        notifications.openFor(roomId, senderId, onlyUserId, settings.serverDefault(),
                cadence -> now.plus(timing.delayOf(cadence)), now);
    }
}
