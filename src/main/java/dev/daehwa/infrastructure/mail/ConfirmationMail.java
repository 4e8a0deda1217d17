package dev.daehwa.infrastructure.mail;

import dev.daehwa.application.notification.ConfirmationEmail;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.Duration;
import java.util.ResourceBundle;
import org.owasp.encoder.Encode;

/**
 * The words of the email that confirms an address, in the user's language. The link opens a
 * page that asks before it confirms (see confirm-email.xhtml): mail scanners open links.
 */
record ConfirmationMail(String subject, String text, String html, URI link) {

    private static final String BUNDLE = "i18n.email";

    static ConfirmationMail of(ConfirmationEmail email, URI base) {
        return of(email, base, java.time.Instant.now());
    }

    static ConfirmationMail of(ConfirmationEmail email, URI base, java.time.Instant now) {
        ResourceBundle words = ResourceBundle.getBundle(BUNDLE, email.language());
        URI link = base.resolve("confirm-email?token=" + URLEncoder.encode(email.token(), StandardCharsets.UTF_8));
        // Rounded up: a link written a moment ago for 48 hours works for "48 hours", not 47.
        long seconds = Math.max(0, Duration.between(now, email.expiresAt()).toSeconds());
        long hours = Math.max(1, (seconds + 3599) / 3600);
        String subject = words.getString("confirm.subject");
        String greeting = format(words, "greeting", email.recipientName());
        String intro = format(words, "confirm.intro", email.recipientAddress(), email.username());
        String action = words.getString("confirm.action");
        String expiry = format(words, "confirm.expiry", hours);
        String notYou = words.getString("confirm.notYou");

        String text = greeting + "\n\n" + intro + "\n\n" + action + ": " + link + "\n\n" + expiry + "\n" + notYou + "\n";
        String html = "<!DOCTYPE html><html lang=\"" + Encode.forHtmlAttribute(email.language().getLanguage())
                + "\"><head><meta charset=\"utf-8\"><title>" + Encode.forHtml(subject)
                + "</title></head><body style=\"font-family:sans-serif;color:#1f2328;max-width:40em\">"
                + "<p>" + Encode.forHtml(greeting) + "</p><p>" + Encode.forHtml(intro) + "</p>"
                + "<p><a href=\"" + Encode.forHtmlAttribute(link.toString()) + "\">" + Encode.forHtml(action) + "</a></p>"
                + "<p style=\"font-size:small;color:#59636e\">" + Encode.forHtml(expiry) + "<br>" + Encode.forHtml(notYou)
                + "</p></body></html>";
        return new ConfirmationMail(subject, text, html, link);
    }

    private static String format(ResourceBundle words, String key, Object... arguments) {
        return new MessageFormat(words.getString(key), words.getLocale()).format(arguments);
    }
}
