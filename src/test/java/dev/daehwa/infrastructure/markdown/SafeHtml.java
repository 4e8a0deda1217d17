package dev.daehwa.infrastructure.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jsoup.select.Elements;

/**
 * The safety oracle for rendered messages: only the allowed elements, each with only its allowed
 * attributes, links only to {@code http}, {@code https} or {@code mailto} with exactly our
 * {@code rel}, and no letter or digit that the input did not hold (nothing injected).
 */
final class SafeHtml {

    private static final Set<String> ELEMENTS =
            Set.of("p", "br", "strong", "em", "del", "code", "pre", "blockquote", "ul", "ol", "li", "a", "span");
    private static final Map<String, Pattern> ATTRIBUTES = Map.of(
            "a href", Pattern.compile("(?i)(https?|mailto):.*", Pattern.DOTALL),
            "a rel", Pattern.compile("noopener noreferrer nofollow"),
            "ol start", Pattern.compile("[0-9]{1,9}"),
            "span class", Pattern.compile("mention"),
            "span data-user", Pattern.compile("[0-9]+"));
    private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z0-9]*)");
    /** What the sanitizer writes between braces, so that {{…}} cannot reach a template engine. */
    private static final String BRACE_BREAK = "<!-- -->";

    private SafeHtml() {
    }

    static void assertSafe(String input, String html) {
        Matcher tag = TAG.matcher(html);
        while (tag.find()) {
            if (!ELEMENTS.contains(tag.group(2)) && !html.startsWith(BRACE_BREAK, tag.start())) {
                fail("raw '<' that opens no allowed element at " + tag.start() + " in: " + html);
            }
        }
        Element body = Jsoup.parseBodyFragment(html).body();
        Elements elements = body.select("*");
        for (Element element : elements.subList(1, elements.size())) { // [0] is body itself
            if (!ELEMENTS.contains(element.tagName())) {
                fail("unexpected <" + element.tagName() + "> in: " + html);
            }
            for (Attribute attribute : element.attributes()) {
                Pattern allowed = ATTRIBUTES.get(element.tagName() + " " + attribute.getKey());
                if (allowed == null || !allowed.matcher(attribute.getValue()).matches()) {
                    fail("attribute " + attribute + " on <" + element.tagName() + "> in: " + html);
                }
            }
            if (element.nameIs("a")) {
                assertEquals("noopener noreferrer nofollow", element.attr("rel"), () -> "rel of a link in: " + html);
            }
        }
        String shown = lettersAndDigits(body.wholeText());
        // Markdown decodes entities in text but not in autolinks: either way, only what was typed.
        String typed = lettersAndDigits(input);
        String decoded = lettersAndDigits(Parser.unescapeEntities(input, false));
        assertTrue(isSubsequence(shown, typed) || isSubsequence(shown, decoded),
                () -> "text that was not typed shows in: " + html);
    }

    private static String lettersAndDigits(String text) {
        StringBuilder kept = new StringBuilder();
        text.codePoints().filter(Character::isLetterOrDigit).forEach(kept::appendCodePoint);
        return kept.toString();
    }

    private static boolean isSubsequence(String part, String whole) {
        int at = 0;
        for (int i = 0; i < part.length() && at <= whole.length(); i++) {
            at = whole.indexOf(part.charAt(i), at);
            if (at < 0) {
                return false;
            }
            at++;
        }
        return true;
    }
}
