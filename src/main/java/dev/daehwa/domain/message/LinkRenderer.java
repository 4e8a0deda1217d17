package dev.daehwa.domain.message;

import java.util.Locale;
import org.owasp.encoder.Encode;

/**
 * Turns the plain text of a chat message into the HTML that is shown for it.
 *
 * <p>Why this class exists: message content is typed by users and shown to other users, both in
 * the web UI and in notification emails, as this exact HTML. It is therefore the one place that
 * decides what markup a message can carry, and the answer is deliberately tiny: {@code <br>} for
 * line breaks and {@code <a>} for {@code http}/{@code https} links, nothing else. Everything the
 * user typed is escaped with the OWASP encoder (never by hand), so text like {@code <script>} or
 * {@code javascript:alert(1)} shows up literally instead of being run. Only the two literal web
 * schemes are ever linked, so no {@code javascript:}, {@code data:} or {@code vbscript:} href can
 * come out of here. Which text is a link is {@link LinkScanner}'s rule.
 *
 * <p>Every message is rendered on every surface that shows it, so the cost is linear in the
 * text's length whatever it holds: each character is read a bounded number of times.
 *
 * <p>Characters that HTML cannot carry at all (such as NUL or unpaired surrogates) come out as a
 * space, which is what the encoder does with them.
 */
public class LinkRenderer {

    private static final String LINK_ATTRIBUTES = "\" target=\"_blank\" rel=\"noopener noreferrer nofollow\">";

    public LinkRenderer() {
    }

    /**
     * Renders message content as safe HTML.
     *
     * @param content the message text as the user typed it; {@code null} renders as nothing
     * @return escaped HTML in which the only tags are {@code <a>} for http(s) links and {@code <br>}
     */
    public String render(String content) {
        if (content == null || content.isEmpty()) {
            return "";
        }
        return render((CharSequence) content);
    }

    /** Any text, so that a test can hand in one that counts how often it is read. */
    String render(CharSequence content) {
        StringBuilder html = new StringBuilder(content.length() + 32);
        int textStart = 0;
        LinkScanner.Link link;
        while ((link = LinkScanner.next(content, textStart)) != null) {
            appendText(html, content, textStart, link.start());
            appendLink(html, content, link);
            textStart = link.end();
        }
        appendText(html, content, textStart, content.length());
        return html.toString();
    }

    /** Whether {@link #render} would make at least one link of this text ({@code has:link} in search). */
    public static boolean containsLink(String content) {
        return content != null && containsLink((CharSequence) content);
    }

    static boolean containsLink(CharSequence content) {
        return LinkScanner.next(content, 0) != null;
    }

    private static void appendLink(StringBuilder html, CharSequence content, LinkScanner.Link link) {
        String url = content.subSequence(link.start(), link.end()).toString();
        int schemeLength = link.schemeEnd() - link.start();
        // The href always starts with a literal lower-case "http://" or "https://".
        String href = url.substring(0, schemeLength).toLowerCase(Locale.ROOT) + url.substring(schemeLength);
        html.append("<a href=\"").append(Encode.forHtmlAttribute(href)).append(LINK_ATTRIBUTES)
                .append(Encode.forHtml(url)).append("</a>");
    }

    /** {@code [from, to)} escaped, each line break ({@code \r\n}, {@code \r} or {@code \n}) as one {@code <br>}. */
    private static void appendText(StringBuilder html, CharSequence content, int from, int to) {
        int lineStart = from;
        int at = from;
        while (at < to) {
            char c = content.charAt(at);
            if (c != '\r' && c != '\n') {
                at++;
                continue;
            }
            html.append(Encode.forHtml(content.subSequence(lineStart, at).toString())).append("<br>");
            at += c == '\r' && at + 1 < to && content.charAt(at + 1) == '\n' ? 2 : 1;
            lineStart = at;
        }
        html.append(Encode.forHtml(content.subSequence(lineStart, to).toString()));
    }
}
