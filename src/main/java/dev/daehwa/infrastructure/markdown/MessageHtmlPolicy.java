package dev.daehwa.infrastructure.markdown;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * The HTML a message may carry, whatever the Markdown renderer produced: text formatting,
 * lists, quotes, code, links to {@code http}, {@code https} and {@code mailto} with
 * {@code rel="noopener noreferrer nofollow"}, and the mention span. No attribute but those, so no
 * {@code target}, {@code style}, event handler or title.
 */
final class MessageHtmlPolicy {

    /** Links open no window relation, leak no referrer and lend no ranking. */
    static final String LINK_REL = "noopener noreferrer nofollow";

    static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "strong", "em", "del", "code", "pre", "blockquote", "ul", "ol", "li", "a", "span")
            .allowAttributes("href").onElements("a")
            .allowUrlProtocols("http", "https", "mailto")
            .allowAttributes("rel").matching(Pattern.compile(Pattern.quote(LINK_REL))).onElements("a")
            .requireRelsOnLinks(LINK_REL.split(" "))
            .allowAttributes("start").matching(Pattern.compile("[0-9]{1,9}")).onElements("ol")
            .allowAttributes("class").matching(Pattern.compile("mention")).onElements("span")
            .allowAttributes("data-user").matching(Pattern.compile("[0-9]{1,19}")).onElements("span")
            .toFactory();

    private MessageHtmlPolicy() {
    }

    /**
     * The sanitizer writes {@code @} as {@code &#64;} and {@code =} as {@code &#61;}, guards for
     * the conditional comments and attribute parsing of browsers long gone, and every character
     * beyond the Basic Multilingual Plane (emoji) as a numeric reference. All of them are inert in
     * HTML5 text and in quoted attribute values, and the markup that clients and people look at
     * should read {@code @name}, {@code ?a=1} and 👋 as typed.
     */
    static String restoreInertCharacters(String html) {
        String plain = html.replace("&#64;", "@").replace("&#61;", "=");
        return SUPPLEMENTARY.matcher(plain).replaceAll(reference -> {
            int codePoint = Integer.parseInt(reference.group(1), 16);
            return Matcher.quoteReplacement(Character.isSupplementaryCodePoint(codePoint) && Character.isDefined(codePoint)
                    ? new String(Character.toChars(codePoint)) : reference.group());
        });
    }

    private static final Pattern SUPPLEMENTARY = Pattern.compile("&#x([0-9a-fA-F]{5,6});");
}
