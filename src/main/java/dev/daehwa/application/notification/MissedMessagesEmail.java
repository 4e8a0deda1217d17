package dev.daehwa.application.notification;

import dev.daehwa.application.messages.MessageDetails;
import dev.daehwa.domain.message.Message;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What one notification email says: the messages a member missed in one room, in their language.
 *
 * @param notificationId the queue row; the email's Message-ID is made from it, so that a retry
 *        is recognisably the same email
 * @param shown the first missed messages, at most {@link NotificationDelivery#SHOWN_MESSAGES}
 * @param total how many messages were missed in all
 * @param senders who wrote them, in order of their first missed message
 * @param throughSeq the newest missed message: once sent, nothing up to it is emailed again
 * @param unsubscribeToken proves, without a login, that the unsubscribe link is for this member and room
 * @param mentionedBy who mentioned the recipient in the missed messages, in order of their first mention
 * @param details the shown messages' details (whom they mention), by message id
 * @param repliedBy who replied to a message of the recipient's in the missed messages, in order of their first reply
 * @param direct whether the room is a direct room, named ({@code roomName}) for the one person writing in it
 */
public record MissedMessagesEmail(
        long notificationId,
        String recipientAddress,
        String recipientName,
        Locale language,
        long roomId,
        String roomName,
        List<Message> shown,
        long total,
        List<String> senders,
        long throughSeq,
        String unsubscribeToken,
        List<String> mentionedBy,
        Map<Long, MessageDetails> details,
        List<String> repliedBy,
        boolean direct) {

    /** How many were missed beyond those shown ("and N more"). */
    public long notShown() {
        return total - shown.size();
    }

    /** What the shown message holds beyond its text, for rendering it as the app does. */
    public MessageDetails detailsOf(Message message) {
        return message.id() == null ? MessageDetails.NONE : details.getOrDefault(message.id(), MessageDetails.NONE);
    }
}
