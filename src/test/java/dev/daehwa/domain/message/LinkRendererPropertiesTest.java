package dev.daehwa.domain.message;

import static dev.daehwa.domain.message.LinkRendererTest.assertSafeAndLossless;
import static dev.daehwa.domain.message.LinkRendererTest.hrefs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Generated messages, biased towards the characters and fragments that matter for HTML injection,
 * all checked against the same oracle as the example-based XSS corpus.
 */
class LinkRendererPropertiesTest {

    private static final String ALPHABET = "<>\"'&/:;=()[]{}.,!?#%\\`\n\r\t aZz09-_";

    private static final List<String> FRAGMENTS = List.of(
            "http://", "https://", "HTTPS://", "javascript:", "JaVaScRiPt:", "data:", "vbscript:",
            "<script>", "</script>", "onerror=", "onload=", "<a href=\"", "</a>", "<br>", "<img src=x ",
            "&amp;", "&lt;", "&#34;", "&#x3C;", "<!--", "-->", "\r\n", "example.com", "x.kr/문서",
            "_(bar)", "회의록", "\u0000", "\u3000", "\u202E", "\uD800", "\uFFFE", "\uD83D\uDE00");

    private final LinkRenderer renderer = new LinkRenderer();

    @Provide
    Arbitrary<String> chatLike() {
        Arbitrary<String> piece = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of(FRAGMENTS)),
                Tuple.of(6, Arbitraries.strings().withChars(ALPHABET).ofMinLength(1).ofMaxLength(4)),
                Tuple.of(2, Arbitraries.strings().withCharRange('가', '힣').ofMinLength(1).ofMaxLength(3)),
                Tuple.of(2, Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(6)));
        return piece.list().ofMaxSize(30).map(pieces -> String.join("", pieces));
    }

    @Property(tries = 1000)
    void chatLikeInputRendersOnlySafeLinksAndBreaksWithoutLosingText(@ForAll("chatLike") String input) {
        String html = renderer.render(input);
        assertSafeAndLossless(input, html);

        // Make sure the generator really exercises links, or the link checks above prove little.
        Statistics.label("renders a link").collect(html.contains("<a "));
        Statistics.label("renders a link").coverage(coverage -> coverage.check(true).percentage(p -> p > 10));
    }

    @Property(tries = 1000)
    void anyStringRendersWithoutThrowingAndOnlyOurTags(@ForAll String input) {
        String html = renderer.render(input);
        assertSafeAndLossless(input, html);
    }

    @Property(tries = 1000)
    void anyCodePointsRenderWithoutThrowing(@ForAll("anyCodePoints") String input) {
        String html = renderer.render(input);
        int lt = html.indexOf('<');
        while (lt >= 0) {
            String rest = html.substring(lt);
            assertTrue(rest.startsWith("<a ") || rest.startsWith("</a>") || rest.startsWith("<br>"), html);
            lt = html.indexOf('<', lt + 1);
        }
        assertSafeAndLossless(input, html);
    }

    @Provide
    Arbitrary<String> anyCodePoints() {
        // Includes lone surrogates, controls and noncharacters, which @ForAll String rarely produces.
        return Arbitraries.integers().between(0, Character.MAX_CODE_POINT)
                .list().ofMaxSize(20)
                .map(cps -> {
                    StringBuilder s = new StringBuilder();
                    cps.forEach(cp -> s.append(Character.toChars(cp)));
                    return s.toString();
                });
    }

    @Property(tries = 1000)
    void plainUrlsBetweenSpacesAreLinkedExactly(
            @ForAll("urls") String url, @ForAll("chatLike") String before, @ForAll("chatLike") String after) {
        String input = before + " " + url + " " + after;
        String html = renderer.render(input);
        assertSafeAndLossless(input, html);
        assertTrue(hrefs(html).contains(url), () -> url + " not linked in " + html);
    }

    @Provide
    Arbitrary<String> urls() {
        Arbitrary<String> scheme = Arbitraries.of("http://", "https://");
        Arbitrary<String> host = Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9')
                .ofMinLength(1).ofMaxLength(10).map(h -> h + ".com");
        Arbitrary<String> path = Arbitraries.strings()
                .withCharRange('a', 'z').withCharRange('가', '힣').withChars("/?=&#%-_~+.,;:!'")
                .ofMaxLength(15)
                .map(p -> p.isEmpty() ? "" : "/" + p + "x"); // ends in a letter: no trailing punctuation
        return Combinators.combine(scheme, host, path).as((s, h, p) -> s + h + p);
    }

    @Property(tries = 1000)
    void renderingIsStableUnderCrlfNormalisation(@ForAll("chatLike") String input) {
        String normalised = input.replace("\r\n", "\n").replace('\r', '\n');
        assertEquals(renderer.render(normalised), renderer.render(input));
    }
}
