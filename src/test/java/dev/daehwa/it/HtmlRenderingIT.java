package dev.daehwa.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.daehwa.it.support.App;
import dev.daehwa.it.support.ChatUser;
import dev.daehwa.it.support.DaehwaIT;
import dev.daehwa.it.support.Jsons;
import jakarta.json.JsonObject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The html field as the API serves it, on create, on read and after an edit: Markdown rendered
 * and sanitized, http(s) links with safe attributes, {@code <br>} for newlines, mentions as
 * spans, and nothing outside the allow-list. The renderer's own unit tests hold the large XSS
 * corpus; this checks the wiring end to end.
 */
@DaehwaIT
class HtmlRenderingIT {

    private static final String LINK_ATTRIBUTES = "rel=\"noopener noreferrer nofollow\"";
    private static final Set<String> ALLOWED =
            Set.of("p", "br", "strong", "em", "del", "code", "pre", "blockquote", "ul", "ol", "li", "a", "span");

    @Test
    void urlBecomesALinkAndTrailingPunctuationStaysOutside(App app) {
        ChatUser alice = app.newUser("links");
        long room = alice.createRoomId();

        JsonObject message = alice.send(room, "see https://example.com/a.");

        String expected = "<p>see <a href=\"https://example.com/a\" " + LINK_ATTRIBUTES + ">https://example.com/a</a>.</p>";
        assertEquals(expected, message.getString("html"));
        assertEquals(expected, alice.agent().get("api/messages/" + Jsons.id(message)).expect(200).json().getString("html"));
        assertEquals(expected, alice.history(room).getFirst().getString("html"));
        assertEquals("see https://example.com/a.", message.getString("content"), "content is kept as typed");
    }

    @Test
    void closingParenthesisAndExclamationStayOutsideTheLink(App app) {
        ChatUser alice = app.newUser("paren");
        long room = alice.createRoomId();

        String html = alice.send(room, "(docs: http://example.org/guide)!").getString("html");

        assertEquals("<p>(docs: <a href=\"http://example.org/guide\" " + LINK_ATTRIBUTES + ">http://example.org/guide</a>)!</p>", html);
    }

    @Test
    void scriptComesBackEscaped(App app) {
        ChatUser alice = app.newUser("script");
        long room = alice.createRoomId();
        String content = "<script>alert('x')</script> & \"quotes\"";

        JsonObject message = alice.send(room, content);

        String html = message.getString("html");
        Element body = Jsoup.parseBodyFragment(html).body();
        assertAll(html,
                () -> assertFalse(html.contains("<script"), "unescaped markup"),
                () -> assertTrue(html.contains("&lt;script&gt;"), "the tag should be visible as text"),
                () -> assertEquals(List.of("p"), body.children().stream().map(Element::tagName).toList(), "one paragraph"),
                () -> assertEquals(content, body.text()),
                () -> assertEquals(content, message.getString("content")));
    }

    @Test
    void newlinesBecomeBreaks(App app) {
        ChatUser alice = app.newUser("lines");
        long room = alice.createRoomId();

        String html = alice.send(room, "first\nsecond\nthird").getString("html");

        Element body = Jsoup.parseBodyFragment(html).body();
        assertEquals(2, body.select("br").size(), html);
        assertEquals(List.of("first", "second", "third"),
                body.selectFirst("p").textNodes().stream().map(node -> node.text().strip()).toList());
    }

    @Test
    void editedMessageIsRenderedAgain(App app) {
        ChatUser alice = app.newUser("rerender");
        long room = alice.createRoomId();
        long id = alice.sendId(room, "plain");

        JsonObject edited = alice.agent().patch("api/messages/" + id, Jsons.object("content", "now https://example.com/x"))
                .expect(200).json();

        assertEquals("<p>now <a href=\"https://example.com/x\" " + LINK_ATTRIBUTES + ">https://example.com/x</a></p>",
                edited.getString("html"));
    }

    @Test
    void markdownIsFormattedAndAMentionIsASpan(App app) {
        ChatUser alice = app.newUser("format");
        ChatUser minji = app.newUser("민지fmt");
        long room = alice.createRoomId();
        alice.addMember(room, minji);

        JsonObject message = alice.send(room, "**굵게** _기울임_ `code` ~~지움~~\n- 하나\n\n> 인용 @" + minji.username());

        String html = message.getString("html");
        Element body = Jsoup.parseBodyFragment(html).body();
        assertAll(html,
                () -> assertEquals("굵게", body.selectFirst("strong").text()),
                () -> assertEquals("기울임", body.selectFirst("em").text()),
                () -> assertEquals("code", body.selectFirst("code").text()),
                () -> assertEquals("지움", body.selectFirst("del").text()),
                () -> assertEquals("하나", body.selectFirst("ul > li").text()),
                () -> assertEquals("@" + minji.displayName(), body.selectFirst("blockquote span.mention").text()),
                () -> assertEquals(String.valueOf(minji.id()), body.selectFirst("span.mention").attr("data-user")));
        assertEquals(html, alice.history(room).getFirst().getString("html"), "history renders the same");
    }

    static Stream<String> hostileContent() {
        return Stream.of(
                "javascript:alert(1)",
                "<a href=\"javascript:alert(1)\">click</a>",
                "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
                "<img src=x onerror=alert(1)>",
                "https://example.com/\"onmouseover=\"alert(1)",
                "https://example.com/'><script>alert(1)</script>",
                "http://example.com/<svg/onload=alert(1)>",
                "<iframe src=https://evil.example/></iframe>",
                "https://example.com/?a=1&b=<b>2</b>",
                "<<script>script>alert(1)<</script>/script>",
                "&lt;script&gt;alert(1)&lt;/script&gt;",
                "jAvAsCrIpT:alert(1) and hxxp://x https:// http://",
                "<br onclick=alert(1)>https://example.com/ok\n<a>",
                "[click](javascript:alert(1))",
                "[x](https://example.com \"<img src=x onerror=alert(1)>\")",
                "![x](javascript:alert(1))",
                "[r][ref]\n\n[ref]: javascript:alert(1)",
                "**<script>alert(1)</script>**",
                "```\n<script>alert(1)</script>\n```",
                "`".repeat(10_000).substring(0, 9_000),
                "*".repeat(4_000) + "a" + "*".repeat(4_000));
    }

    @ParameterizedTest
    @MethodSource("hostileContent")
    void hostileContentYieldsOnlyAllowedMarkup(String content, App app) {
        ChatUser alice = app.newUser("xss");
        long room = alice.createRoomId();

        String html = alice.send(room, content).getString("html");

        Element body = Jsoup.parseBodyFragment(html).body();
        for (Element element : body.getAllElements()) {
            if (element == body) {
                continue;
            }
            assertTrue(ALLOWED.contains(element.tagName()), () -> "<" + element.tagName() + "> in " + html);
            if (element.tagName().equals("a")) {
                assertSafeLink(element, html);
            } else if (!element.tagName().equals("ol")) {
                assertTrue(element.attributes().isEmpty(), () -> "attributes on <" + element.tagName() + "> in " + html);
            }
        }
    }

    private static void assertSafeLink(Element link, String html) {
        Set<String> names = link.attributes().asList().stream().map(Attribute::getKey).collect(Collectors.toSet());
        String href = link.attr("href");
        assertAll("link " + link + " in " + html,
                () -> assertEquals(Set.of("href", "rel"), names),
                () -> assertTrue(href.startsWith("http://") || href.startsWith("https://"), "href " + href),
                () -> assertEquals("noopener noreferrer nofollow", link.attr("rel")),
                () -> assertTrue(link.children().isEmpty(), "markup inside a link"));
    }
}
