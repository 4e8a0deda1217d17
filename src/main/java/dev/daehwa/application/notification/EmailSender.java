package dev.daehwa.application.notification;

/** Where notification emails leave Daehwa: the SMTP server, when one is configured. */
public interface EmailSender {

    /** False when no SMTP server is configured: then nothing is queued at all. */
    boolean isConfigured();

    /** Sends the email, or throws when the SMTP server did not take it. */
    void send(MissedMessagesEmail email) throws EmailNotSent;

    /** Sends the link that confirms an address, or throws when the SMTP server did not take it. */
    void send(ConfirmationEmail email) throws EmailNotSent;

    /** The SMTP server did not accept an email. */
    final class EmailNotSent extends Exception {
        public EmailNotSent(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
