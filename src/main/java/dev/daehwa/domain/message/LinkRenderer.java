package dev.daehwa.domain.message;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * come out of here.
 *
 * <p>Characters that HTML cannot carry at all (such as NUL or unpaired surrogates) come out as a
 * space, which is what the encoder does with them.
 */
@ApplicationScoped
public class LinkRenderer {

    /**
     * The original chat's {@code http(s)?://(\S+)}, with the scheme case-insensitive and the URL
     * also stopped at {@code < > "} and at any Unicode separator or "other" (control, format,
     * surrogate, private-use, unassigned) character, so that an ideographic space or a
     * right-to-left override ends a link instead of hiding inside it.
     */
    private static final Pattern URL = Pattern.compile("(?i)(https?)://[^\\p{Z}\\p{C}<>\"]*");

    private static final Pattern NEWLINE = Pattern.compile("\\r\\n|\\r|\\n");

    /** Punctuation that usually ends the sentence around a link rather than the link itself. */
    private static final String TRAILING_PUNCTUATION = ".,!?;:'";

    /** Closing brackets, kept only when they balance an opening one inside the URL. */
    private static final String CLOSERS = ")]}";
    private static final String OPENERS = "([{";

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
        StringBuilder html = new StringBuilder(content.length() + 32);
        Matcher url = URL.matcher(content);
        int textStart = 0;
        while (url.find()) {
            int schemeLength = url.group(1).length() + "://".length();
            int length = linkLength(url.group(), schemeLength);
            if (length < 0) {
                continue; // only the scheme: leave it as text
            }
            int end = url.start() + length;
            appendText(html, content.substring(textStart, url.start()));
            appendLink(html, content.substring(url.start(), end), schemeLength);
            textStart = end;
        }
        appendText(html, content.substring(textStart));
        return html.toString();
    }

    /** Whether {@link #render} would make at least one link of this text ({@code has:link} in search). */
    public static boolean containsLink(String content) {
        if (content == null) {
            return false;
        }
        Matcher url = URL.matcher(content);
        while (url.find()) {
            if (linkLength(url.group(), url.group(1).length() + "://".length()) >= 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * How much of a matched URL belongs to the link once trailing punctuation and unbalanced
     * closing brackets are dropped, or -1 when nothing usable is left after the scheme.
     */
    private static int linkLength(String candidate, int schemeLength) {
        int end = candidate.length();
        while (end > schemeLength) {
            char last = candidate.charAt(end - 1);
            int closer = CLOSERS.indexOf(last);
            boolean trailing = TRAILING_PUNCTUATION.indexOf(last) >= 0
                    || closer >= 0 && !isBalanced(candidate.substring(0, end), OPENERS.charAt(closer), last);
            if (!trailing) {
                break;
            }
            end--;
        }
        String rest = candidate.substring(schemeLength, end);
        return rest.codePoints().anyMatch(Character::isLetterOrDigit) ? end : -1;
    }

    private static boolean isBalanced(String url, char open, char close) {
        return url.chars().filter(c -> c == open).count() >= url.chars().filter(c -> c == close).count();
    }

    private static void appendLink(StringBuilder html, String url, int schemeLength) {
        // The href always starts with a literal lower-case "http://" or "https://".
        String href = url.substring(0, schemeLength).toLowerCase(Locale.ROOT) + url.substring(schemeLength);
        html.append("<a href=\"").append(Encode.forHtmlAttribute(href)).append(LINK_ATTRIBUTES)
                .append(Encode.forHtml(url)).append("</a>");
    }

    private static void appendText(StringBuilder html, String text) {
        Matcher newline = NEWLINE.matcher(text);
        int start = 0;
        while (newline.find()) {
            html.append(Encode.forHtml(text.substring(start, newline.start()))).append("<br>");
            start = newline.end();
        }
        html.append(Encode.forHtml(text.substring(start)));
    }
}
