package dev.daehwa.it.support;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** One email the SMTP server received, read into plain values. */
public record ReceivedEmail(
        List<String> to,
        String from,
        String subject,
        String messageId,
        String listUnsubscribe,
        String listUnsubscribePost,
        String contentType,
        List<String> partTypes,
        String text,
        String html) {

    static ReceivedEmail of(MimeMessage message) throws MessagingException, IOException {
        List<String> to = Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                .map(address -> ((InternetAddress) address).getAddress().toLowerCase(Locale.ROOT))
                .toList();
        List<String> types = new ArrayList<>();
        String text = null;
        String html = null;
        if (message.getContent() instanceof Multipart parts) {
            for (int i = 0; i < parts.getCount(); i++) {
                BodyPart part = parts.getBodyPart(i);
                types.add(part.getContentType().toLowerCase(Locale.ROOT));
                if (part.isMimeType("text/plain")) {
                    text = (String) part.getContent();
                } else if (part.isMimeType("text/html")) {
                    html = (String) part.getContent();
                }
            }
        }
        return new ReceivedEmail(to, message.getFrom()[0].toString(), message.getSubject(),
                message.getHeader("Message-ID", null), message.getHeader("List-Unsubscribe", null),
                message.getHeader("List-Unsubscribe-Post", null), message.getContentType(), types, text, html);
    }

    /** The email that asks to confirm an address, not a notification. */
    public boolean isConfirmation() {
        return messageId != null && messageId.startsWith("<confirm-");
    }

    boolean isTo(String address) {
        return to.contains(address.toLowerCase(Locale.ROOT));
    }
}
