package dev.daehwa.domain.message;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.owasp.encoder.Encode;

/**
 * The link rules as they were first written: a regular expression for the URL, then trailing
 * characters dropped one at a time, each closing bracket checked by counting the brackets of what
 * is left. Its cost grows with the square of a bracket run, which is why {@link LinkScanner} no
 * longer works this way; it stays here as the oracle the renderer must agree with, on inputs short
 * enough for it.
 */
final class OriginalLinkRules {

    private static final Pattern URL = Pattern.compile("(?i)(https?)://[^\\p{Z}\\p{C}<>\"]*");
    private static final Pattern NEWLINE = Pattern.compile("\\r\\n|\\r|\\n");
    private static final String ATTRIBUTES = "\" target=\"_blank\" rel=\"noopener noreferrer nofollow\">";

    private OriginalLinkRules() {
    }

    static String render(String content) {
        StringBuilder html = new StringBuilder();
        Matcher url = URL.matcher(content);
        int textStart = 0;
        while (url.find()) {
            int scheme = url.group(1).length() + 3;
            int length = linkLength(url.group(), scheme);
            if (length >= 0) {
                String link = content.substring(url.start(), url.start() + length);
                html.append(text(content.substring(textStart, url.start()))).append("<a href=\"")
                        .append(Encode.forHtmlAttribute(link.substring(0, scheme).toLowerCase(Locale.ROOT) + link.substring(scheme)))
                        .append(ATTRIBUTES).append(Encode.forHtml(link)).append("</a>");
                textStart = url.start() + length;
            }
        }
        return html.append(text(content.substring(textStart))).toString();
    }

    private static int linkLength(String candidate, int scheme) {
        int end = candidate.length();
        while (end > scheme) {
            char last = candidate.charAt(end - 1);
            int closer = ")]}".indexOf(last);
            String url = candidate.substring(0, end);
            if (".,!?;:'".indexOf(last) < 0 && (closer < 0 || count(url, "([{".charAt(closer)) >= count(url, last))) {
                break;
            }
            end--;
        }
        return candidate.substring(scheme, end).codePoints().anyMatch(Character::isLetterOrDigit) ? end : -1;
    }

    private static long count(String text, char c) {
        return text.chars().filter(x -> x == c).count();
    }

    private static String text(String text) {
        StringBuilder html = new StringBuilder();
        Matcher newline = NEWLINE.matcher(text);
        int start = 0;
        while (newline.find()) {
            html.append(Encode.forHtml(text.substring(start, newline.start()))).append("<br>");
            start = newline.end();
        }
        return html.append(Encode.forHtml(text.substring(start))).toString();
    }
}
