package dev.daehwa.infrastructure.mail;

import dev.daehwa.application.notification.MissedMessagesEmail;
import dev.daehwa.infrastructure.markdown.MessageRenderer;
import dev.daehwa.domain.message.Message;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
import java.util.ResourceBundle;
import org.owasp.encoder.Encode;

/**
 * The words of a notification email, in the recipient's language: subject, plain text and HTML.
 * The HTML shows each message exactly as the app does ({@link MessageRenderer}: everything escaped,
 * http(s) links clickable); every other value a user typed (names, the room's name) is escaped
 * with the OWASP encoder, so nothing in an email can carry markup of its own.
 */
record MissedMessagesMail(String subject, String text, String html, URI roomLink, URI unsubscribePage,
        URI oneClickUnsubscribe) {

    private static final String BUNDLE = "i18n.email";

    static MissedMessagesMail of(MissedMessagesEmail email, URI base, MessageRenderer renderer) {
        ResourceBundle words = ResourceBundle.getBundle(BUNDLE, email.language());
        String token = URLEncoder.encode(email.unsubscribeToken(), StandardCharsets.UTF_8);
        URI room = base.resolve("rooms/" + email.roomId());
        URI unsubscribePage = base.resolve("unsubscribe?token=" + token);
        URI oneClick = base.resolve("api/notifications/unsubscribe?token=" + token);
        URI settings = base.resolve("profile");
        String roomName = oneLine(email.roomName());
        String senders = oneLine(senders(words, email.senders()));
        String mentioners = oneLine(senders(words, email.mentionedBy()));
        String repliers = oneLine(senders(words, email.repliedBy()));
        // A direct message is addressed to the reader already: it says who wrote, not where.
        String subject = email.direct()
                ? format(words, email.total() == 1 ? "subject.direct.one" : "subject.direct.many", roomName, senders,
                        email.total())
                : !email.mentionedBy().isEmpty()
                ? format(words, "subject.mention", roomName, mentioners)
                : !email.repliedBy().isEmpty()
                ? format(words, "subject.reply", roomName, repliers)
                : email.total() == 1
                ? format(words, "subject.one", roomName, senders)
                : format(words, "subject.many", roomName, senders, email.total());
        // Being mentioned is said first; a reply is said only when nobody mentioned the reader; a
        // direct message is addressed to the reader already.
        String mentioned = email.direct() ? null
                : !email.mentionedBy().isEmpty() ? format(words, "mentioned", roomName, mentioners)
                : !email.repliedBy().isEmpty() ? format(words, "replied", roomName, repliers) : null;
        String intro = email.total() == 1
                ? format(words, "intro.one", roomName)
                : format(words, "intro.many", roomName, email.total());
        String more = email.notShown() > 0 ? format(words, "more", email.notShown()) : null;
        String greeting = format(words, "greeting", email.recipientName());
        String open = format(words, "open", roomName);

        StringBuilder text = new StringBuilder();
        text.append(greeting).append("\n\n");
        if (mentioned != null) {
            text.append(mentioned).append("\n\n");
        }
        text.append(intro).append("\n\n");
        for (Message message : email.shown()) {
            text.append(message.sender().displayName()).append(":\n");
            message.content().lines().forEach(line -> text.append("  ").append(line).append('\n'));
            text.append('\n');
        }
        if (more != null) {
            text.append(more).append("\n\n");
        }
        text.append(open).append(": ").append(room).append("\n\n-- \n")
                .append(words.getString("why")).append('\n')
                .append(words.getString("unsubscribe")).append(": ").append(unsubscribePage).append('\n')
                .append(words.getString("settings")).append(": ").append(settings).append('\n');

        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html><html lang=\"").append(Encode.forHtmlAttribute(email.language().getLanguage()))
                .append("\"><head><meta charset=\"utf-8\"><title>").append(Encode.forHtml(subject))
                .append("</title></head><body style=\"font-family:sans-serif;color:#1f2328;max-width:40em\">")
                .append("<p>").append(Encode.forHtml(greeting)).append("</p>");
        if (mentioned != null) {
            html.append("<p><strong>").append(Encode.forHtml(mentioned)).append("</strong></p>");
        }
        html.append("<p>").append(Encode.forHtml(intro)).append("</p>");
        for (Message message : email.shown()) {
            html.append("<div style=\"margin:0 0 12px;padding:8px 12px;border-left:3px solid #d0d7de\">")
                    .append("<div style=\"font-weight:bold\">").append(Encode.forHtml(message.sender().displayName()))
                    .append("</div><div>").append(renderer.render(message.content(), email.detailsOf(message).mentionedByKey())).append("</div></div>");
        }
        if (more != null) {
            html.append("<p>").append(Encode.forHtml(more)).append("</p>");
        }
        html.append("<p><a href=\"").append(Encode.forHtmlAttribute(room.toString())).append("\">")
                .append(Encode.forHtml(open)).append("</a></p>")
                .append("<hr><p style=\"font-size:small;color:#59636e\">").append(Encode.forHtml(words.getString("why")))
                .append("<br><a href=\"").append(Encode.forHtmlAttribute(unsubscribePage.toString())).append("\">")
                .append(Encode.forHtml(words.getString("unsubscribe"))).append("</a> \u00b7 <a href=\"")
                .append(Encode.forHtmlAttribute(settings.toString())).append("\">")
                .append(Encode.forHtml(words.getString("settings"))).append("</a></p></body></html>");
        return new MissedMessagesMail(subject, text.toString(), html.toString(), room, unsubscribePage, oneClick);
    }

    private static String senders(ResourceBundle words, List<String> names) {
        return switch (names.size()) {
            case 0 -> "";
            case 1 -> names.getFirst();
            case 2 -> format(words, "senders.two", names.get(0), names.get(1));
            case 3 -> format(words, "senders.three", names.get(0), names.get(1), names.get(2));
            default -> format(words, "senders.more", names.get(0), names.get(1), names.size() - 2);
        };
    }

    private static String format(ResourceBundle words, String key, Object... arguments) {
        return new MessageFormat(words.getString(key), words.getLocale()).format(arguments);
    }

    /** A header line must stay one line, whatever a name contains. */
    private static String oneLine(String value) {
        return value.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ").strip();
    }
}
