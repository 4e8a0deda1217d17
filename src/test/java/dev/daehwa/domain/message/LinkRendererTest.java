package dev.daehwa.domain.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
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

class LinkRendererTest {

    private static final String ATTRS = " target=\"_blank\" rel=\"noopener noreferrer nofollow\"";

    private final LinkRenderer renderer = new LinkRenderer();

    // ---------------------------------------------------------------- escaping

    @Test
    void escapesMarkupCharacters() {
        assertEquals("&lt;b&gt;hi&lt;/b&gt; &amp; &#34;q&#34; &#39;a&#39;",
                renderer.render("<b>hi</b> & \"q\" 'a'"));
    }

    @Test
    void plainTextIsUnchanged() {
        assertEquals("안녕하세요, team! 오늘 3시에 만나요", renderer.render("안녕하세요, team! 오늘 3시에 만나요"));
    }

    @Test
    void typedEntitiesStayLiteral() {
        String html = renderer.render("&lt;script&gt; &amp; &#x3C;");
        assertEquals("&amp;lt;script&amp;gt; &amp;amp; &amp;#x3C;", html);
        assertSafeAndLossless("&lt;script&gt; &amp; &#x3C;", html);
    }

    @Test
    void nullAndEmptyRenderAsNothing() {
        assertEquals("", renderer.render(null));
        assertEquals("", renderer.render(""));
    }

    // ---------------------------------------------------------------- links

    @Test
    void linksHttpAndHttps() {
        assertEquals("see <a href=\"http://example.com\"" + ATTRS + ">http://example.com</a> and "
                        + "<a href=\"https://example.com/a/b?c=d#e\"" + ATTRS + ">https://example.com/a/b?c=d#e</a>",
                renderer.render("see http://example.com and https://example.com/a/b?c=d#e"));
    }

    @Test
    void schemeIsCaseInsensitiveButHrefIsLowerCase() {
        assertEquals("<a href=\"https://Example.COM/Path\"" + ATTRS + ">HTTPS://Example.COM/Path</a> "
                        + "<a href=\"http://x.kr\"" + ATTRS + ">hTtP://x.kr</a>",
                renderer.render("HTTPS://Example.COM/Path hTtP://x.kr"));
    }

    @Test
    void ampersandInUrlIsEscapedInHrefAndText() {
        String html = renderer.render("https://example.com/?a=1&b=2");
        assertEquals("<a href=\"https://example.com/?a=1&amp;b=2\"" + ATTRS + ">https://example.com/?a=1&amp;b=2</a>", html);
        assertEquals("https://example.com/?a=1&b=2", Jsoup.parseBodyFragment(html).selectFirst("a").attr("href"));
    }

    @Test
    void koreanTextAroundLinks() {
        String input = "회의록: https://example.com/문서?a=1&b=2.";
        String html = renderer.render(input);
        assertEquals("회의록: <a href=\"https://example.com/문서?a=1&amp;b=2\"" + ATTRS
                + ">https://example.com/문서?a=1&amp;b=2</a>.", html);
        assertSafeAndLossless(input, html);
    }

    @Test
    void koreanAfterSpaceAndIdeographicSpaceEndTheLink() {
        assertEquals(List.of("https://example.com/a", "https://example.com/b"),
                hrefs(renderer.render("링크 https://example.com/a 확인해주세요\nhttps://example.com/b\u3000다음")));
    }

    @Test
    void quotesAndAngleBracketsEndTheLink() {
        assertEquals(List.of("https://x.com/"), hrefs(renderer.render("https://x.com/\"onmouseover=\"alert(1)")));
        assertEquals(List.of("https://x.com"), hrefs(renderer.render("<https://x.com>")));
        assertEquals(List.of("https://x.com/a"), hrefs(renderer.render("https://x.com/a<script>")));
    }

    @Test
    void singleQuoteInsideUrlIsEscapedInHref() {
        String input = "https://x.com/'onmouseover='alert(1)'";
        String html = renderer.render(input);
        assertTrue(html.startsWith("<a href=\"https://x.com/&#39;onmouseover=&#39;alert(1)\""), html);
        assertSafeAndLossless(input, html);
    }

    @Test
    void twoLinksInARow() {
        assertEquals(List.of("https://a.com", "http://b.com"), hrefs(renderer.render("https://a.com, http://b.com!")));
    }

    @Test
    void onlyHttpSchemesAreLinked() {
        for (String input : List.of("javascript:alert(1)", "data:text/html,<script>alert(1)</script>",
                "vbscript:msgbox(1)", "ftp://example.com", "mailto:a@b.c", "www.example.com", "//example.com",
                "file:///etc/passwd", "https:example.com", "http:/example.com", "http//example.com")) {
            assertEquals(List.of(), hrefs(renderer.render(input)), input);
        }
    }

    @Test
    void httpInsideAnotherSchemeOnlyLinksTheHttpPart() {
        assertEquals(List.of("http://evil.com"), hrefs(renderer.render("javascript:http://evil.com")));
    }

    // ---------------------------------------------------------------- trailing punctuation and parens

    @ParameterizedTest
    @ValueSource(strings = {".", ",", ")", "!", "?", ";", ":", "'", "]", "}", "...", "!?", ").", "'.", "]),"})
    void trailingPunctuationStaysOutsideTheLink(String punctuation) {
        String html = renderer.render("https://example.com/path" + punctuation);
        assertEquals("<a href=\"https://example.com/path\"" + ATTRS + ">https://example.com/path</a>"
                + Encode.forHtml(punctuation), html);
    }

    @Test
    void punctuationInsideTheUrlIsKept() {
        assertEquals(List.of("https://example.com/a.b,c!d?e=f;g:h'i"),
                hrefs(renderer.render("https://example.com/a.b,c!d?e=f;g:h'i.")));
    }

    @Test
    void balancedParensAreKept() {
        assertEquals(List.of("https://en.wikipedia.org/wiki/Foo_(bar)"),
                hrefs(renderer.render("https://en.wikipedia.org/wiki/Foo_(bar)")));
        assertEquals(List.of("https://en.wikipedia.org/wiki/Foo_(bar)"),
                hrefs(renderer.render("(see https://en.wikipedia.org/wiki/Foo_(bar))")));
        assertEquals(List.of("https://en.wikipedia.org/wiki/Foo_(bar)"),
                hrefs(renderer.render("https://en.wikipedia.org/wiki/Foo_(bar).")));
        assertEquals(List.of("https://x.com/a_((b))"), hrefs(renderer.render("https://x.com/a_((b)))")));
        assertEquals(List.of("https://x.com/list[1]"), hrefs(renderer.render("[https://x.com/list[1]]")));
    }

    @Test
    void unbalancedClosingParenIsNotPartOfTheLink() {
        String html = renderer.render("(https://example.com/a)");
        assertEquals("(<a href=\"https://example.com/a\"" + ATTRS + ">https://example.com/a</a>)", html);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://", "http://", "https://.", "see https:// now", "http://)", "https://...!",
            "https:///", "HTTPS://", "https://()"})
    void schemeWithoutAnythingUsableIsNotLinked(String input) {
        String html = renderer.render(input);
        assertEquals(List.of(), hrefs(html), html);
        assertSafeAndLossless(input, html);
    }

    // ---------------------------------------------------------------- newlines

    @Test
    void newlinesBecomeBreaks() {
        assertEquals("a<br>b<br>c<br>d", renderer.render("a\nb\r\nc\rd"));
        assertEquals("<br><br>", renderer.render("\r\n\r\n"));
        assertEquals("<br><br>", renderer.render("\n\r"));
        assertEquals("x<br><br>y", renderer.render("x\r\r\ny"));
    }

    @Test
    void newlineEndsALink() {
        assertEquals("<a href=\"https://a.com\"" + ATTRS + ">https://a.com</a><br>"
                        + "<a href=\"https://b.com\"" + ATTRS + ">https://b.com</a>.",
                renderer.render("https://a.com\r\nhttps://b.com."));
    }

    // ---------------------------------------------------------------- XSS corpus

    static Stream<String> xssPayloads() {
        return Stream.of(
                // script tags
                "<script>alert(1)</script>",
                "<SCRIPT SRC=https://xss.example/xss.js></SCRIPT>",
                "<scr<script>ipt>alert(1)</scr</script>ipt>",
                "<script/src=data:,alert(1)>",
                "</script><script>alert(document.cookie)</script>",
                "<<script>alert(1);//<</script>",
                "<script\n>alert(1)</script\n>",
                // event handlers
                "<img src=x onerror=alert(1)>",
                "<img src=\"x\" onerror=\"alert(1)\">",
                "<svg onload=alert(1)>",
                "<body onload=alert(1)>",
                "<div onmouseover='alert(1)'>hover</div>",
                "<input autofocus onfocus=alert(1)>",
                "<details open ontoggle=alert(1)>",
                "<video><source onerror=alert(1)>",
                "<marquee onstart=alert(1)>",
                "\" onerror=\"alert(1)",
                "' onmouseover='alert(1)",
                // javascript: in many spellings and encodings
                "javascript:alert(1)",
                "JaVaScRiPt:alert(1)",
                " javascript:alert(1)",
                "java\tscript:alert(1)",
                "java\nscript:alert(1)",
                "java\u0000script:alert(1)",
                "&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)",
                "&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)",
                "javascript&colon;alert(1)",
                "%6A%61%76%61%73%63%72%69%70%74%3Aalert(1)",
                "\\u006Aavascript:alert(1)",
                "<a href=\"javascript:alert(1)\">click</a>",
                "<a href=javascript:alert(1)>https://example.com</a>",
                "javascript://https://example.com/%0Aalert(1)",
                "javascript:http://example.com/%0Aalert(1)",
                "https://javascript:alert(1)",
                "<iframe src=\"javascript:alert(1)\"></iframe>",
                "<form action=javascript:alert(1)><button>go</button></form>",
                // data: and vbscript:
                "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
                "data:text/html,<script>alert(1)</script>",
                "<object data=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">",
                "<embed src=data:image/svg+xml,<svg onload=alert(1)>>",
                "vbscript:msgbox(\"XSS\")",
                "VBScript:Execute(\"MsgBox 1\")",
                // SVG and MathML
                "<svg><script>alert(1)</script></svg>",
                "<svg><a xlink:href=\"javascript:alert(1)\"><text x=\"20\" y=\"20\">XSS</text></a></svg>",
                "<svg><animate onbegin=alert(1) attributeName=x dur=1s>",
                "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
                "<math href=\"javascript:alert(1)\">CLICKME</math>",
                // attribute-breaking quotes inside URLs
                "https://x.com/\"onmouseover=\"alert(1)",
                "https://x.com/'onmouseover='alert(1)'",
                "https://x.com/\"><script>alert(1)</script>",
                "https://x.com/'><img src=x onerror=alert(1)>",
                "https://x.com/`onmouseover=alert(1)`",
                "https://x.com/?q=</a><script>alert(1)</script>",
                "https://x.com/&quot;onmouseover=&quot;alert(1)",
                "https://x.com/&#34;onclick=&#34;alert(1)",
                "http://x.com/ style=\"x:expression(alert(1))\"",
                "https://x.com/<svg/onload=alert(1)>",
                "http://\"onmouseover=\"alert(1)",
                "https://x.com/%22%3E%3Cscript%3Ealert(1)%3C/script%3E",
                // HTML entities and comments
                "&lt;script&gt;alert(1)&lt;/script&gt;",
                "&amp;lt;script&amp;gt;",
                "<!--<script>alert(1)</script>-->",
                "<!-- --!><script>alert(1)</script>",
                "<![CDATA[<script>alert(1)</script>]]>",
                "<?xml version=\"1.0\"?><script>alert(1)</script>",
                "<!DOCTYPE html><script>alert(1)</script>",
                // null bytes and control characters
                "<scr\u0000ipt>alert(1)</scr\u0000ipt>",
                "\u0000<script>alert(1)</script>",
                "https://x.com/\u0000\"onmouseover=alert(1)",
                "<img src=x\u000Bonerror=alert(1)>",
                "<img\u000Csrc=x\u000Conerror=alert(1)>",
                "\u007F\u0085\u009F<b>controls</b>",
                // unicode tricks
                "\uFF1Cscript\uFF1Ealert(1)\uFF1C/script\uFF1E",
                "https://x.com/\u202Egnp.exe",
                "\u202Ejavascript:alert(1)",
                "https://x.com/\u200B<script>alert(1)</script>",
                "https://x.com\u3000\"onmouseover=alert(1)",
                "\uFEFF<script>alert(1)</script>",
                "\uD800<script>\uDFFF",
                "ｊａｖａｓｃｒｉｐｔ：alert(1)",
                "https://x.com/\uD83D\uDE00?a=<b>",
                "\u2028<script>\u2029alert(1)",
                "https://\u0441\u0440.com/?x=\"y\"",
                // nested and malformed tags
                "<a href=\"https://example.com\"><a href=\"javascript:alert(1)\">x</a></a>",
                "<b><i>unclosed",
                "</a></div></body></html>",
                "<br><br/><br />",
                "<a",
                "<a href=",
                "<img src=\"https://x.com/a.png",
                "<<img src=x onerror=alert(1)//<",
                "<textarea><script>alert(1)</script></textarea>",
                "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
                "<title><img src=x onerror=alert(1)></title>",
                "<plaintext><script>",
                "<xmp><script>alert(1)</script></xmp>",
                // CSS
                "<style>body{background:url(javascript:alert(1))}</style>",
                "<div style=\"width:expression(alert(1))\">",
                "<div style=\"background-image:url('javascript:alert(1)')\">",
                "<link rel=stylesheet href=https://xss.example/x.css>",
                "@import 'https://xss.example/x.css';",
                // other vectors
                "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
                "<base href=\"javascript:alert(1)//\">",
                "<iframe srcdoc=\"<script>alert(1)</script>\">",
                "{{constructor.constructor('alert(1)')()}}",
                "${alert(1)}",
                "<isindex type=image src=1 onerror=alert(1)>",
                // mixed with newlines and Korean
                "안녕\r\n<script>alert('하이')</script>\rhttps://x.com/\"<b>",
                "줄1\n\n줄2\r\r\n<img src=x onerror=alert(1)>");
    }

    @Test
    void corpusHasAtLeastFiftyDistinctPayloads() {
        List<String> payloads = xssPayloads().toList();
        assertEquals(payloads.size(), new HashSet<>(payloads).size(), "duplicate payloads");
        assertTrue(payloads.size() >= 50, "only " + payloads.size() + " payloads");
    }

    @ParameterizedTest
    @MethodSource("xssPayloads")
    void xssPayloadRendersAsInertText(String payload) {
        assertSafeAndLossless(payload, renderer.render(payload));
    }

    // ---------------------------------------------------------------- shared oracle

    private static final Set<String> LINK_ATTRIBUTES = Set.of("href", "target", "rel");
    private static final Pattern TAG_START = Pattern.compile("<");
    private static final Pattern CR_LF = Pattern.compile("\\r\\n?");

    /**
     * The safety oracle shared with {@link LinkRendererPropertiesTest}: the output may hold only
     * {@code <a>} and {@code <br>}, every link points at http(s) with exactly our attributes and shows
     * its own target, and the visible text is the input (line breaks normalised to {@code \n},
     * characters HTML cannot carry shown as spaces): nothing lost, nothing injected.
     */
    static void assertSafeAndLossless(String input, String html) {
        Matcher tag = TAG_START.matcher(html);
        while (tag.find()) {
            String rest = html.substring(tag.start());
            if (!(rest.startsWith("<a href=\"") || rest.startsWith("</a>") || rest.startsWith("<br>"))) {
                fail("raw '<' that is not <a, </a> or <br> at " + tag.start() + " in: " + html);
            }
        }

        Element body = Jsoup.parseBodyFragment(html).body();
        Elements elements = body.select("*");
        for (Element element : elements.subList(1, elements.size())) { // [0] is body itself
            switch (element.tagName()) {
                case "br" -> assertTrue(element.attributes().isEmpty(), () -> "attributes on <br> in: " + html);
                case "a" -> assertSafeLink(element, html);
                default -> fail("unexpected <" + element.tagName() + "> in: " + html);
            }
        }
        assertEquals(expectedText(input), visibleText(body), () -> "visible text differs for: " + html);
    }

    private static void assertSafeLink(Element a, String html) {
        Set<String> keys = new HashSet<>();
        for (Attribute attribute : a.attributes()) {
            keys.add(attribute.getKey());
        }
        assertEquals(LINK_ATTRIBUTES, keys, () -> "link attributes in: " + html);
        String href = a.attr("href");
        assertTrue(href.startsWith("http://") || href.startsWith("https://"), () -> "href " + href + " in: " + html);
        assertEquals("_blank", a.attr("target"), html);
        assertEquals("noopener noreferrer nofollow", a.attr("rel"), html);
        assertTrue(a.children().isEmpty(), () -> "element inside <a> in: " + html);
        String shown = a.wholeText();
        int scheme = shown.indexOf("://");
        assertEquals(shown.substring(0, scheme).toLowerCase(Locale.ROOT) + shown.substring(scheme), href,
                () -> "link shows something else than its target in: " + html);
    }

    /** The input as a reader should see it; see the encoder's handling of invalid characters. */
    static String expectedText(String input) {
        StringBuilder expected = new StringBuilder(input.length());
        CR_LF.matcher(input).replaceAll("\n").codePoints()
                .forEach(cp -> expected.appendCodePoint(cannotBeCarriedByHtml(cp) ? ' ' : cp));
        return expected.toString();
    }

    /**
     * Controls other than tab/LF/CR/NEL, unpaired surrogates and noncharacters: the OWASP encoder
     * replaces these with a space because they are not allowed in HTML text.
     */
    private static boolean cannotBeCarriedByHtml(int cp) {
        boolean control = cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r' || cp >= 0x7F && cp <= 0x9F && cp != 0x85;
        boolean nonCharacter = cp >= 0xFDD0 && cp <= 0xFDEF || (cp & 0xFFFE) == 0xFFFE;
        boolean unpairedSurrogate = cp >= 0xD800 && cp <= 0xDFFF; // paired ones arrive as one code point
        return control || nonCharacter || unpairedSurrogate;
    }

    /** Text as shown: text nodes verbatim, each {@code <br>} as a newline; anything else fails. */
    static String visibleText(Element parent) {
        StringBuilder text = new StringBuilder();
        for (Node node : parent.childNodes()) {
            if (node instanceof TextNode textNode) {
                text.append(textNode.getWholeText());
            } else if (node instanceof Element element && element.nameIs("br")) {
                text.append('\n');
            } else if (node instanceof Element element && element.nameIs("a")) {
                text.append(visibleText(element));
            } else {
                fail("unexpected node " + node.nodeName() + ": " + node.outerHtml());
            }
        }
        return text.toString();
    }

    static List<String> hrefs(String html) {
        return Jsoup.parseBodyFragment(html).select("a").eachAttr("href");
    }

    @Test
    void oracleRejectsUnsafeOutput() {
        // The oracle itself must be able to fail, or the corpus above proves nothing.
        assertFalse(passes("<b>x</b>", "<b>x</b>"));
        assertFalse(passes("<script>", "<script>"));
        assertFalse(passes("x", "<a href=\"javascript:x\" target=\"_blank\" rel=\"noopener noreferrer nofollow\">x</a>"));
        assertFalse(passes("https://a", "<a href=\"https://a\" target=\"_blank\" rel=\"noopener noreferrer nofollow\" onclick=\"x\">https://a</a>"));
        assertFalse(passes("https://a", "<a href=\"https://b\"" + ATTRS + ">https://a</a>"));
        assertFalse(passes("<!--x-->", "<!--x-->"));
        assertFalse(passes("a b", "a"));
        assertFalse(passes("a", "a<br>"));
        assertTrue(passes("a\r\n<", "a<br>&lt;"));
    }

    private static boolean passes(String input, String html) {
        try {
            assertSafeAndLossless(input, html);
            return true;
        } catch (AssertionError expected) {
            return false;
        }
    }
}
