package dev.daehwa.domain.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Hostile message text for the scanners that find links and mentions: long bracket and
 * punctuation runs, very long URLs, deep nesting, mixed scripts. For each, the scanner finds the
 * links the original rules find, and the scanners' work grows linearly with the length: every read of the text is counted ({@link CountingText}), and doubling the text may at
 * most multiply the reads by {@link #DOUBLING_LIMIT}.
 */
class LinkScannerAdversarialTest {

    private static final double DOUBLING_LIMIT = 2.5;
    /** Reads per character: a scheme check, the URL, a trim, a name after an @, with room to spare. */
    private static final int READS_PER_CHARACTER_LIMIT = 16;
    private static final int[] SIZES = {1_250, 2_500, 5_000, 10_000, 20_000, 40_000};

    /** One family of hostile inputs: the text of about {@code n} characters, and the links it must render. */
    record Family(String name, IntFunction<String> text, IntFunction<List<String>> links) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Family> families() {
        return Stream.of(
                new Family("closing parens after a link", n -> "http://a" + ")".repeat(n), n -> List.of("http://a")),
                new Family("closing square brackets after a link", n -> "http://a" + "]".repeat(n), n -> List.of("http://a")),
                new Family("closing braces after a link", n -> "https://a" + "}".repeat(n), n -> List.of("https://a")),
                new Family("closers of every kind after a link", n -> "https://a/" + ")]}".repeat(n / 3),
                        n -> List.of("https://a/")),
                new Family("full stops after a link", n -> "http://a" + ".".repeat(n), n -> List.of("http://a")),
                new Family("commas after a link", n -> "http://a" + ",".repeat(n), n -> List.of("http://a")),
                new Family("punctuation and closers alternating", n -> "https://a" + ".)".repeat(n / 2),
                        n -> List.of("https://a")),
                new Family("scheme then only full stops", n -> "http://" + ".".repeat(n), n -> List.of()),
                new Family("scheme then only closers", n -> "https://" + ")".repeat(n), n -> List.of()),
                new Family("full stops alone", n -> ".".repeat(n), n -> List.of()),
                new Family("commas alone", n -> ",".repeat(n), n -> List.of()),
                new Family("opening parens alone", n -> "(".repeat(n), n -> List.of()),
                new Family("opening parens in a link", n -> "http://a" + "(".repeat(n),
                        n -> List.of("http://a" + "(".repeat(n))),
                new Family("deeply nested balanced parens", n -> "https://x.kr/" + "(".repeat(n / 2) + ")".repeat(n / 2),
                        n -> List.of("https://x.kr/" + "(".repeat(n / 2) + ")".repeat(n / 2))),
                new Family("nested parens with as many extra closers", n -> "https://x.kr/" + "(".repeat(n / 3) + ")".repeat(2 * (n / 3)),
                        n -> List.of("https://x.kr/" + "(".repeat(n / 3) + ")".repeat(n / 3))),
                new Family("nested link in parens", n -> "(".repeat(n / 2) + "https://x.kr/a" + ")".repeat(n / 2),
                        n -> List.of("https://x.kr/a")),
                new Family("a URL of n characters", n -> "https://example.com/" + "a".repeat(n),
                        n -> List.of("https://example.com/" + "a".repeat(n))),
                new Family("a URL of n characters ending in a full stop", n -> "https://example.com/" + "a/b".repeat(n / 3) + ".",
                        n -> List.of("https://example.com/" + "a/b".repeat(n / 3))),
                new Family("schemes back to back", n -> "http://".repeat(n / 7 + 2), n -> List.of("http://".repeat(n / 7 + 2))),
                new Family("broken schemes", n -> "https:/".repeat(n / 7), n -> List.of()),
                new Family("scheme prefixes", n -> "http".repeat(n / 4), n -> List.of()),
                new Family("a long run of h before a link", n -> "h".repeat(n) + "ttp://a", n -> List.of("http://a")),
                new Family("many short links", n -> "http://a ".repeat(n / 9), n -> nCopies(n / 9, "http://a")),
                new Family("many links each closed by a paren", n -> "(http://a) ".repeat(n / 11), n -> nCopies(n / 11, "http://a")),
                new Family("Hangul, emoji and parens in a link", n -> "https://예.kr/" + "가😀(".repeat(n / 4) + ")".repeat(n / 4),
                        n -> List.of("https://예.kr/" + "가😀(".repeat(n / 4) + ")".repeat(n / 4))),
                new Family("Hangul text with emoji around links", n -> "회의록 😀 https://x.kr/문서). ".repeat(n / 26),
                        n -> nCopies(n / 26, "https://x.kr/문서")),
                new Family("unpaired surrogates after a link", n -> "https://a.kr/😀" + "\uD83D".repeat(n),
                        n -> List.of("https://a.kr/😀")),
                new Family("line breaks", n -> "\r\n".repeat(n / 2), n -> List.of()),
                new Family("markup characters", n -> "<&\"'>".repeat(n / 5), n -> List.of()),
                new Family("markup inside a link", n -> "https://a/" + "&'b".repeat(n / 3) + ")",
                        n -> List.of("https://a/" + "&'b".repeat(n / 3))));
    }

    private static List<String> nCopies(int count, String link) {
        return Collections.nCopies(count, link);
    }

    // ---------------------------------------------------------------- rules

    @ParameterizedTest
    @MethodSource("families")
    void hostileTextHasTheLinksOfOrdinaryText(Family family) {
        for (int n : new int[] {1, 2, 7, 50, 1_000, 10_000}) {
            String input = family.text().apply(n);
            assertEquals(family.links().apply(n), linksIn(input), () -> family + " at n=" + n);
            if (n <= 1_000) {
                assertEquals(hrefs(OriginalLinkRules.render(input)), linksIn(input), () -> family + " at n=" + n);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("families")
    void hasLinkAgreesWithTheRenderedLinks(Family family) {
        String input = family.text().apply(10_000);
        assertEquals(!family.links().apply(10_000).isEmpty(), LinkScanner.containsLink(input));
    }

    // ---------------------------------------------------------------- linear cost

    @ParameterizedTest
    @MethodSource("families")
    void doublingTheTextAtMostDoublesTheScannersWork(Family family) {
        List<String> table = new ArrayList<>();
        long previous = -1;
        for (int n : SIZES) {
            String input = family.text().apply(n);
            CountingText counted = new CountingText(input);
            assertEquals(linksIn(input), linksIn(counted));
            MentionScanner.scan(counted);
            long reads = counted.reads();
            table.add(input.length() + " chars: " + reads + " reads");
            assertTrue(reads <= (long) READS_PER_CHARACTER_LIMIT * Math.max(input.length(), 1),
                    () -> family + ": more than " + READS_PER_CHARACTER_LIMIT + " reads per character: " + table);
            if (previous > 0) {
                long before = previous;
                assertTrue(reads <= DOUBLING_LIMIT * before,
                        () -> family + ": twice the text cost " + (double) reads / before + " times the work: " + table);
            }
            previous = reads;
        }
    }

    @ParameterizedTest
    @MethodSource("families")
    void findingALinkForSearchIsLinearToo(Family family) {
        long previous = -1;
        for (int n : SIZES) {
            String input = family.text().apply(n);
            CountingText counted = new CountingText(input);
            LinkScanner.next(counted, 0);
            long reads = counted.reads();
            assertTrue(reads <= (long) READS_PER_CHARACTER_LIMIT * Math.max(input.length(), 1), family::toString);
            if (previous > 0) {
                assertTrue(reads <= DOUBLING_LIMIT * previous, family::toString);
            }
            previous = reads;
        }
    }

    @Test
    void theCounterSeesQuadraticWork() {
        // The check above must be able to fail: rescanning the text once per character is caught.
        CountingText small = new CountingText("x".repeat(1_000));
        CountingText large = new CountingText("x".repeat(2_000));
        for (CountingText text : List.of(small, large)) {
            for (int i = 0; i < text.length(); i++) {
                text.subSequence(0, i).toString();
            }
        }
        assertFalse(large.reads() <= DOUBLING_LIMIT * small.reads());
    }

    // ---------------------------------------------------------------- the original rules

    private static final String BRACKETS_AND_PUNCTUATION = "()[]{}.,!?;:'\"<> \n\rh/a가😀\uD83D";

    /** Links glued to runs of brackets, punctuation and mixed scripts, in every order. */
    static Gen<String> bracketHeavy() {
        Gen<String> piece = Generate.frequency(List.of(
                Pair.of(3, Generate.pick(List.of("http://", "https://", "HTTP://", "http://a", "https://x.kr/", "http:/"))),
                Pair.of(6, integers().between(0, BRACKETS_AND_PUNCTUATION.length() - 1)
                        .map(i -> String.valueOf(BRACKETS_AND_PUNCTUATION.charAt(i)))),
                Pair.of(1, Generate.pick(List.of("😀", "회의", "\u3000", "\u202E", "\uDFFF", "\uFDD0")))));
        return lists().of(piece).ofSizeBetween(0, 40).map(parts -> String.join("", parts));
    }

    @Test
    void agreesWithTheOriginalRulesOnGeneratedText() {
        AtomicInteger ran = new AtomicInteger();
        List<Gen<String>> generators = List.of(bracketHeavy(), TextGenerators.chatLike(),
                TextGenerators.anyString(), TextGenerators.anyCodePoints());
        for (Gen<String> generator : generators) {
            qt().withFixedSeed(0x6c696e6b).withExamples(1_000).forAll(generator).checkAssert(input -> {
                ran.incrementAndGet();
                List<String> original = hrefs(OriginalLinkRules.render(input));
                assertEquals(original, linksIn(input), () -> "for: " + input);
                assertEquals(!original.isEmpty(), LinkScanner.containsLink(input));
            });
        }
        assertTrue(ran.get() >= 3_000, () -> "only " + ran.get() + " examples ran");
    }


    private static List<String> hrefs(String html) {
        return org.jsoup.Jsoup.parseBodyFragment(html).select("a").eachAttr("href");
    }

    /** Every link the scanner finds, as its href: the scheme in lower case. */
    private static List<String> linksIn(CharSequence text) {
        List<String> links = new ArrayList<>();
        LinkScanner.Link link = LinkScanner.next(text, 0);
        while (link != null) {
            String url = text.subSequence(link.start(), link.end()).toString();
            int scheme = link.schemeEnd() - link.start();
            links.add(url.substring(0, scheme).toLowerCase(java.util.Locale.ROOT) + url.substring(scheme));
            link = LinkScanner.next(text, link.end());
        }
        return links;
    }
}
