package dev.daehwa.infrastructure.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import dev.daehwa.domain.user.PublicProfile;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;
import org.owasp.encoder.Encode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class MessageRendererTest {

    private static final String ATTRS = " rel=\"noopener noreferrer nofollow\"";

    private final MessageRenderer renderer = new MessageRenderer();

    /** The HTML of a one-paragraph message, without the paragraph around it. */
    private String render(String content) {
        return render(content, Map.of());
    }

    private String render(String content, Map<String, PublicProfile> mentioned) {
        String html = renderer.render(content, mentioned);
        return html.startsWith("<p>") && html.endsWith("</p>") && html.indexOf("<p>", 1) < 0
                ? html.substring(3, html.length() - 4) : html;
    }

    // ---------------------------------------------------------------- escaping

    @Test
    void escapesMarkupCharacters() {
        assertEquals("&lt;b&gt;hi&lt;/b&gt; &amp; &#34;q&#34; &#39;a&#39;",
                render("<b>hi</b> & \"q\" 'a'"));
    }

    @Test
    void plainTextIsUnchanged() {
        assertEquals("안녕하세요, team! 오늘 3시에 만나요", render("안녕하세요, team! 오늘 3시에 만나요"));
    }

    @Test
    void typedEntitiesShowAsTheirCharactersAndStayInert() {
        String html = render("&lt;script&gt; &amp; &#x3C; &#64;");
        assertEquals("&lt;script&gt; &amp; &lt; @", html);
        SafeHtml.assertSafe("&lt;script&gt; &amp; &#x3C;", html);
    }

    @Test
    void nullAndEmptyRenderAsNothing() {
        assertEquals("", render(null));
        assertEquals("", render(""));
    }

    // ---------------------------------------------------------------- links

    @Test
    void linksHttpAndHttps() {
        assertEquals("see <a href=\"http://example.com\"" + ATTRS + ">http://example.com</a> and "
                        + "<a href=\"https://example.com/a/b?c=d#e\"" + ATTRS + ">https://example.com/a/b?c=d#e</a>",
                render("see http://example.com and https://example.com/a/b?c=d#e"));
    }

    @Test
    void schemeIsCaseInsensitiveButHrefIsLowerCase() {
        assertEquals("<a href=\"https://Example.COM/Path\"" + ATTRS + ">HTTPS://Example.COM/Path</a> "
                        + "<a href=\"http://x.kr\"" + ATTRS + ">hTtP://x.kr</a>",
                render("HTTPS://Example.COM/Path hTtP://x.kr"));
    }

    @Test
    void ampersandInUrlIsEscapedInHrefAndText() {
        String html = render("https://example.com/?a=1&b=2");
        assertEquals("<a href=\"https://example.com/?a=1&amp;b=2\"" + ATTRS + ">https://example.com/?a=1&amp;b=2</a>", html);
        assertEquals("https://example.com/?a=1&b=2", Jsoup.parseBodyFragment(html).selectFirst("a").attr("href"));
    }

    @Test
    void koreanTextAroundLinks() {
        String input = "회의록: https://example.com/문서?a=1&b=2.";
        String html = render(input);
        assertEquals("회의록: <a href=\"https://example.com/문서?a=1&amp;b=2\"" + ATTRS
                + ">https://example.com/문서?a=1&amp;b=2</a>.", html);
        SafeHtml.assertSafe(input, html);
    }

    @Test
    void koreanAfterSpaceAndIdeographicSpaceEndTheLink() {
        assertEquals(List.of("https://example.com/a", "https://example.com/b"),
                hrefs(render("링크 https://example.com/a 확인해주세요\nhttps://example.com/b\u3000다음")));
    }

    @Test
    void quotesAndAngleBracketsEndTheLink() {
        assertEquals(List.of("https://x.com/"), hrefs(render("https://x.com/\"onmouseover=\"alert(1)")));
        assertEquals(List.of("https://x.com"), hrefs(render("<https://x.com>")));
        assertEquals(List.of("https://x.com/a"), hrefs(render("https://x.com/a<script>")));
    }

    @Test
    void singleQuoteInsideUrlIsEscapedInHref() {
        String input = "https://x.com/'onmouseover='alert(1)'";
        String html = render(input);
        assertTrue(html.startsWith("<a href=\"https://x.com/&#39;onmouseover=&#39;alert%281%29\""), html);
        SafeHtml.assertSafe(input, html);
    }

    @Test
    void twoLinksInARow() {
        assertEquals(List.of("https://a.com", "http://b.com"), hrefs(render("https://a.com, http://b.com!")));
    }

    @Test
    void onlyHttpSchemesAreLinked() {
        for (String input : List.of("javascript:alert(1)", "data:text/html,<script>alert(1)</script>",
                "vbscript:msgbox(1)", "ftp://example.com", "mailto:a@b.c", "www.example.com", "//example.com",
                "file:///etc/passwd", "https:example.com", "http:/example.com", "http//example.com")) {
            assertEquals(List.of(), hrefs(render(input)), input);
        }
    }

    @Test
    void httpInsideAnotherSchemeOnlyLinksTheHttpPart() {
        assertEquals(List.of("http://evil.com"), hrefs(render("javascript:http://evil.com")));
    }

    // ---------------------------------------------------------------- Markdown

    @Test
    void emphasisCodeAndStrikethrough() {
        assertEquals("<strong>굵게</strong> <em>기울임</em> <code>a &lt; b</code> <del>지움</del>",
                render("**굵게** _기울임_ `a < b` ~~지움~~"));
    }

    @Test
    void emojiAndHangulAreWrittenAsCharactersNotReferences() {
        assertEquals("안녕 👋 😀 <strong>🎉</strong>", render("안녕 👋 😀 **🎉**"));
    }

    @Test
    void aSingleTildeIsTextAsKoreanChatWritesIt() {
        assertEquals("안녕~ 반가워~", render("안녕~ 반가워~"));
    }

    @Test
    void headingsAreBoldParagraphs() {
        assertEquals("<p><strong>회의 안건</strong></p>", renderer.render("# 회의 안건"));
        assertEquals("<p><strong>Agenda</strong></p>", renderer.render("Agenda\n==="));
    }

    @Test
    void imagesAreLinksToTheImage() {
        assertEquals("<a href=\"https://x.kr/a.png\"" + ATTRS + ">그림</a>", render("![그림](https://x.kr/a.png)"));
    }

    @Test
    void linksKeepOnlyTheirTargetAndNeverATitleOrTarget() {
        assertEquals("<a href=\"https://x.kr\"" + ATTRS + ">여기</a>", render("[여기](https://x.kr \"제목\")"));
        assertEquals("<a href=\"mailto:a@b.kr\"" + ATTRS + ">메일</a>", render("[메일](mailto:a@b.kr)"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[x](javascript:alert(1))", "[x](JavaScript:alert(1))", "[x](jav&#x09;ascript:alert(1))",
            "[x](&#106;avascript:alert(1))", "[x](<javascript:alert(1)>)", "[x](data:text/html,hi)",
            "[x](vbscript:msgbox)", "[x](/relative)", "[x](//x.kr)", "[x][r]\n\n[r]: javascript:alert(1)",
            "<javascript:alert(1)>", "![x](javascript:alert(1))"})
    void linksToAnythingButWebAndMailAreText(String input) {
        String html = renderer.render(input);
        assertEquals(List.of(), hrefs(html), html);
        SafeHtml.assertSafe(input, html);
    }

    @Test
    void referenceLinksAndAutolinksWork() {
        assertEquals(List.of("https://x.kr/doc"), hrefs(renderer.render("[문서][d]\n\n[d]: https://x.kr/doc")));
        assertEquals(List.of("https://x.kr"), hrefs(renderer.render("<https://x.kr>")));
    }

    @Test
    void rawHtmlIsShownAsText() {
        assertEquals("&lt;b onclick=&#34;x&#34;&gt;굵게&lt;/b&gt;", render("<b onclick=\"x\">굵게</b>"));
        assertEquals("<p>&lt;div&gt;</p>\n<p>블록</p>", renderer.render("<div>\n\n블록"));
    }

    @Test
    void fencedCodeKeepsItsWhitespaceAndShowsMarkupAsText() {
        assertEquals("<pre><code>if (a) {\n    b  &lt;c&gt;\n}\n</code></pre>", renderer.render("```java\nif (a) {\n    b  <c>\n}\n```"));
    }

    @Test
    void listsAndQuotes() {
        assertEquals("<ul><li>하나</li><li>둘</li></ul>", renderer.render("- 하나\n- 둘"));
        assertEquals("<ol start=\"3\"><li>셋</li></ol>", renderer.render("3. 셋"));
        assertEquals("<blockquote>\n<p>인용<br />계속</p>\n</blockquote>", renderer.render("> 인용\n> 계속"));
    }

    @Test
    void underscoresAndAsterisksInABareUrlStayInTheUrl() {
        assertEquals(List.of("https://x.kr/_draft_/a*b*"), hrefs(renderer.render("see https://x.kr/_draft_/a*b* now")));
    }

    @Test
    void aUrlInALinksTextDoesNotNestAnotherLink() {
        String html = renderer.render("[https://a.kr](https://b.kr)");
        assertEquals(List.of("https://b.kr"), hrefs(html));
    }

    @Test
    void nestingDeeperThanTheCapIsShownAsText() {
        String html = renderer.render(">".repeat(5_000) + " 깊다");
        assertEquals(MarkdownTree.MAX_NESTING, Jsoup.parseBodyFragment(html).select("blockquote").size(), html);
        assertTrue(html.contains("깊다"), html);
        String emphasis = renderer.render("*".repeat(3_000) + "a" + "*".repeat(3_000));
        SafeHtml.assertSafe("a", emphasis);
    }

    // ---------------------------------------------------------------- mentions

    @Test
    void aMentionedMemberIsShownByDisplayNameAndEscaped() {
        Map<String, PublicProfile> minji = Map.of("minji", new PublicProfile(7, "minji", "민지 <b>"));
        assertEquals("<span class=\"mention\" data-user=\"7\">@민지 &lt;b&gt;</span> 안녕", render("@MinJi 안녕", minji));
        assertEquals("<strong><span class=\"mention\" data-user=\"7\">@민지 &lt;b&gt;</span></strong>", render("**@minji**", minji));
    }

    @Test
    void aMentionInCodeInALinkOrOfSomeoneNotMentionedIsText() {
        Map<String, PublicProfile> minji = Map.of("minji", new PublicProfile(7, "minji", "민지"));
        assertEquals("<code>@minji</code> @jisoo minji@example.com", render("`@minji` @jisoo minji@example.com", minji));
        assertEquals(List.of("https://x.kr/@minji"), hrefs(renderer.render("https://x.kr/@minji", minji)));
    }

    // ---------------------------------------------------------------- trailing punctuation and parens

    @ParameterizedTest
    @ValueSource(strings = {".", ",", ")", "!", "?", ";", ":", "'", "]", "}", "...", "!?", ").", "'.", "]),"})
    void trailingPunctuationStaysOutsideTheLink(String punctuation) {
        String html = render("https://example.com/path" + punctuation);
        assertEquals(List.of("https://example.com/path"), hrefs(html));
        assertTrue(html.startsWith("<a href=\"https://example.com/path\"" + ATTRS + ">https://example.com/path</a>"), html);
    }

    @Test
    void punctuationInsideTheUrlIsKept() {
        assertEquals(List.of("https://example.com/a.b,c!d?e=f;g:h'i"),
                hrefs(render("https://example.com/a.b,c!d?e=f;g:h'i.")));
    }

    @Test
    void balancedParensAreKept() {
        assertEquals(List.of("https://en.wikipedia.org/wiki/Foo_(bar)"),
                hrefs(render("https://en.wikipedia.org/wiki/Foo_(bar)")));
        assertEquals(List.of("https://en.wikipedia.org/wiki/Foo_(bar)"),
                hrefs(render("(see https://en.wikipedia.org/wiki/Foo_(bar))")));
        assertEquals(List.of("https://en.wikipedia.org/wiki/Foo_(bar)"),
                hrefs(render("https://en.wikipedia.org/wiki/Foo_(bar).")));
        assertEquals(List.of("https://x.com/a_((b))"), hrefs(render("https://x.com/a_((b)))")));
        assertEquals(List.of("https://x.com/list[1]"), hrefs(render("[https://x.com/list[1]]")));
    }

    @Test
    void unbalancedClosingParenIsNotPartOfTheLink() {
        String html = render("(https://example.com/a)");
        assertEquals("(<a href=\"https://example.com/a\"" + ATTRS + ">https://example.com/a</a>)", html);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://", "http://", "https://.", "see https:// now", "http://)", "https://...!",
            "https:///", "HTTPS://", "https://()"})
    void schemeWithoutAnythingUsableIsNotLinked(String input) {
        String html = render(input);
        assertEquals(List.of(), hrefs(html), html);
        SafeHtml.assertSafe(input, html);
    }

    // ---------------------------------------------------------------- newlines

    @Test
    void oneNewlineIsALineBreakAndABlankLineAParagraph() {
        assertEquals("a<br />b<br />c<br />d", render("a\nb\r\nc\rd"));
        assertEquals("<p>x</p>\n<p>y</p>", renderer.render("x\r\r\ny"));
        assertEquals("", renderer.render("\r\n\r\n"));
    }

    @Test
    void newlineEndsALink() {
        assertEquals("<a href=\"https://a.com\"" + ATTRS + ">https://a.com</a><br />"
                        + "<a href=\"https://b.com\"" + ATTRS + ">https://b.com</a>.",
                render("https://a.com\r\nhttps://b.com."));
    }

    // ---------------------------------------------------------------- XSS corpus

    @Test
    void corpusHasAtLeastFiftyDistinctPayloads() {
        List<String> payloads = XssCorpus.payloads().toList();
        assertEquals(payloads.size(), new HashSet<>(payloads).size(), "duplicate payloads");
        assertTrue(payloads.size() >= 50, "only " + payloads.size() + " payloads");
    }

    @ParameterizedTest
    @MethodSource("dev.daehwa.infrastructure.markdown.XssCorpus#payloads")
    void xssPayloadRendersAsInertText(String payload) {
        SafeHtml.assertSafe(payload, render(payload));
    }

    /** The links' targets; the sanitizer writes parentheses percent-encoded, which is the same address. */
    static List<String> hrefs(String html) {
        return Jsoup.parseBodyFragment(html).select("a").eachAttr("href").stream()
                .map(href -> href.replace("%28", "(").replace("%29", ")")).toList();
    }
}
