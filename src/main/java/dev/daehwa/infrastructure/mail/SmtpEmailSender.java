package dev.daehwa.infrastructure.mail;

import dev.daehwa.application.notification.ConfirmationEmail;
import dev.daehwa.application.notification.EmailSender;
import dev.daehwa.application.notification.MissedMessagesEmail;
import dev.daehwa.infrastructure.markdown.MessageRenderer;
import dev.daehwa.infrastructure.crypto.ServerKeys;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.HexFormat;

/**
 * Sends notification emails with Jakarta Mail over SMTP. Each email is multipart/alternative
 * (plain text, then HTML), carries the one-click unsubscribe headers of RFC 8058, and a
 * Message-ID made from its queue row and the database: a retry after a crash is the same email,
 * not a new one.
 */
@ApplicationScoped
public class SmtpEmailSender implements EmailSender {

    @Inject
    private MailSettings settings;

    private final MessageRenderer renderer = new MessageRenderer();

    @Inject
    private Clock clock;

    @Inject
    private ServerKeys keys;

    private Session session;
    private volatile String installation;

    @PostConstruct
    void openSession() {
        if (settings.isConfigured()) {
            session = Session.getInstance(settings.sessionProperties());
        }
    }

    @Override
    public boolean isConfigured() {
        return session != null;
    }

    @Override
    public void send(MissedMessagesEmail email) throws EmailNotSent {
        try {
            MissedMessagesMail mail = MissedMessagesMail.of(email, settings.base(), renderer);
            MimeMessage message = message("notification-" + email.notificationId(), email.recipientAddress(),
                    email.recipientName(), mail.subject());
            message.setHeader("List-Unsubscribe", "<" + mail.oneClickUnsubscribe() + ">");
            message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            message.setContent(alternatives(mail.text(), mail.html()));
            transport(message);
        } catch (MessagingException | UnsupportedEncodingException | RuntimeException e) {
            throw new EmailNotSent("Could not send to " + email.recipientAddress() + " through "
                    + settings.describe() + ": " + e, e);
        }
    }

    @Override
    public void send(ConfirmationEmail email) throws EmailNotSent {
        try {
            ConfirmationMail mail = ConfirmationMail.of(email, settings.base());
            // One id per attempt: each attempt writes a new link, so each is an email of its own.
            MimeMessage message = message("confirm-" + email.userId() + "-" + email.attempt(), email.recipientAddress(),
                    email.recipientName(), mail.subject());
            message.setContent(alternatives(mail.text(), mail.html()));
            transport(message);
        } catch (MessagingException | UnsupportedEncodingException | RuntimeException e) {
            throw new EmailNotSent("Could not send to " + email.recipientAddress() + " through "
                    + settings.describe() + ": " + e, e);
        }
    }

    private MimeMessage message(String localId, String address, String name, String subject)
            throws MessagingException, UnsupportedEncodingException {
        MimeMessage message = new FixedIdMessage(session, "<" + localId + "." + installation() + "@" + settings.host() + ">");
        message.setFrom(settings.from());
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(address, name, StandardCharsets.UTF_8.name()));
        message.setSubject(subject, StandardCharsets.UTF_8.name());
        message.setSentDate(Date.from(clock.instant()));
        // An automatic message (RFC 3834): vacation responders must not answer it.
        message.setHeader("Auto-Submitted", "auto-generated");
        return message;
    }

    private void transport(MimeMessage message) throws MessagingException {
        var login = settings.login();
        if (login.isPresent()) {
            Transport.send(message, login.get()[0], login.get()[1]);
        } else {
            Transport.send(message);
        }
    }

    /**
     * A stable mark of this database in every Message-ID: notification ids start again in a
     * new database (or another installation on the same host), and mail services drop an email
     * whose Message-ID they have seen before.
     */
    private String installation() {
        String mark = installation;
        if (mark == null) {
            mark = HexFormat.of().formatHex(keys.key("message-id"), 0, 6);
            installation = mark;
        }
        return mark;
    }

    private static MimeMultipart alternatives(String plain, String rich) throws MessagingException {
        MimeBodyPart text = new MimeBodyPart();
        text.setText(plain, StandardCharsets.UTF_8.name(), "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(rich, StandardCharsets.UTF_8.name(), "html");
        // Least preferred first: clients that show HTML pick the last part.
        return new MimeMultipart("alternative", text, html);
    }

    /** Jakarta Mail replaces the Message-ID on every send; this keeps the one given. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
