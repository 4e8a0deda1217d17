package dev.daehwa.application.notification;

import dev.daehwa.domain.notification.EmailNotificationRepository;
import dev.daehwa.domain.notification.EmailNotificationRepository.Addressed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Queues notification emails in the transaction that posts a message: if the message is stored,
 * so are the emails it owes, and a crash can lose neither. Who is owed one, and when, is decided
 * here (the sender never is; nor is a member whose address is unconfirmed or who chose never, and a
 * member who muted the room only when the message is addressed to them); what the email
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

    /**
     * A message was posted: every other member who should hear of it gets an email queued, unless
     * one is already; the people it is addressed to hear of it even from a muted room.
     */
    public void messagePosted(long roomId, long senderId, Addressed addressed) {
        open(roomId, senderId, null, addressed);
    }

    /**
     * Messages arrived while an email to this member was being sent: queue the next one. Whether
     * any of them is for them is decided when it falls due, so the member counts as addressed here.
     */
    void followUp(long roomId, long userId) {
        open(roomId, -1, userId, Addressed.only(List.of(userId)));
    }

    private void open(long roomId, long senderId, Long onlyUserId, Addressed addressed) {
        if (!sender.isConfigured()) {
            return;
        }
        Instant now = Instant.now(clock);
        notifications.openFor(roomId, senderId, onlyUserId, addressed, settings.serverDefault(),
                cadence -> now.plus(timing.delayOf(cadence)), now);
    }
}
