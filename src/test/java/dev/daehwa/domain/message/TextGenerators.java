package dev.daehwa.domain.message;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.List;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.api.Pair;

/** Generated message text for property tests: chat-like, hostile, or anything at all. */
public final class TextGenerators {

    private static final String ALPHABET = "<>\"'&/:;=()[]{}.,!?#%\\`\n\r\t aZz09-_";
    private static final String LATIN_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String LOWER_AND_DIGITS = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final String URL_PUNCTUATION = "/?=&#%-_~+.,;:!'";

    private static final List<String> FRAGMENTS = List.of(
            "http://", "https://", "HTTPS://", "javascript:", "JaVaScRiPt:", "data:", "vbscript:",
            "<script>", "</script>", "onerror=", "onload=", "<a href=\"", "</a>", "<br>", "<img src=x ",
            "&amp;", "&lt;", "&#34;", "&#x3C;", "<!--", "-->", "\r\n", "example.com", "x.kr/문서",
            "_(bar)", "회의록", "\u0000", "\u3000", "\u202E", "\uD800", "\uFFFE", "\uD83D\uDE00");

    private TextGenerators() {
    }

    /** Strings of {@code minLength..maxLength} characters, each picked uniformly from {@code chars}. */
    private static Gen<String> stringsOf(String chars, int minLength, int maxLength) {
        Gen<Character> character = integers().between(0, chars.length() - 1).map(chars::charAt);
        return joined(lists().of(character).ofSizeBetween(minLength, maxLength));
    }

    private static <T> Gen<String> joined(Gen<List<T>> parts) {
        return parts.map(list -> {
            StringBuilder s = new StringBuilder();
            list.forEach(s::append);
            return s.toString();
        });
    }

    /** Hangul syllables 가..힣. */
    private static Gen<String> hangul(int minLength, int maxLength) {
        return strings().betweenCodePoints('가', '힣').ofLengthBetween(minLength, maxLength);
    }

    /** Chat-like text: up to 30 pieces of injection fragments, markup characters, Hangul and words. */
    public static Gen<String> chatLike() {
        Gen<String> piece = Generate.frequency(List.of(
                Pair.of(4, Generate.pick(FRAGMENTS)),
                Pair.of(6, stringsOf(ALPHABET, 1, 4)),
                Pair.of(2, hangul(1, 3)),
                Pair.of(2, stringsOf(LATIN_LETTERS, 1, 6))));
        return joined(lists().of(piece).ofSizeBetween(0, 30));
    }

    /**
     * Any string: any UTF-16 units (so lone surrogates and noncharacters too), any defined code
     * points (so supplementary characters), or printable ASCII, up to 255 characters.
     */
    public static Gen<String> anyString() {
        Gen<Character> anyChar = integers().between(Character.MIN_VALUE, Character.MAX_VALUE).map(i -> (char) i.intValue());
        return Generate.frequency(List.of(
                Pair.of(2, joined(lists().of(anyChar).ofSizeBetween(0, 255))),
                Pair.of(2, strings().allPossible().ofLengthBetween(0, 255)),
                Pair.of(1, strings().basicLatinAlphabet().ofLengthBetween(0, 255))));
    }

    /**
     * Up to 20 arbitrary code points, including lone surrogates, controls and noncharacters, which
     * {@link #anyString()} rarely produces; besides the whole range, those are also drawn on purpose.
     */
    public static Gen<String> anyCodePoints() {
        Gen<Integer> codePoint = Generate.frequency(List.of(
                Pair.of(6, integers().between(0, Character.MAX_CODE_POINT)),
                Pair.of(1, integers().between(Character.MIN_SURROGATE, Character.MAX_SURROGATE)),
                Pair.of(1, integers().between(0, 0x9F)),
                Pair.of(1, Generate.pick(List.of(0xFDD0, 0xFDEF, 0xFFFE, 0xFFFF, 0x1FFFE, 0x10FFFF, 0x202E, 0x3000)))));
        return lists().of(codePoint).ofSizeBetween(0, 20).map(cps -> {
            StringBuilder s = new StringBuilder();
            cps.forEach(cp -> s.append(Character.toChars(cp)));
            return s.toString();
        });
    }

    /** Words in Hangul and Latin letters with spaces: text around a link that is not Markdown. */
    public static Gen<String> words() {
        Gen<String> piece = Generate.frequency(List.of(
                Pair.of(1, hangul(1, 4)),
                Pair.of(1, stringsOf(LATIN_LETTERS, 1, 6)),
                Pair.of(1, hangul(1, 4).map(word -> "\n" + word)),
                Pair.of(1, Generate.pick(List.of(" ", ", ")))));
        return joined(lists().of(piece).ofSizeBetween(0, 12));
    }

    /** http(s) URLs with a short host and an optional path that ends in a letter (no trailing punctuation). */
    public static Gen<String> urls() {
        Gen<String> scheme = Generate.pick(List.of("http://", "https://"));
        Gen<String> host = stringsOf(LOWER_AND_DIGITS, 1, 10).map(h -> h + ".com");
        Gen<Character> pathChar = Generate.frequency(List.of(
                Pair.of(1, Generate.characters('a', 'z')),
                Pair.of(1, Generate.characters('가', '힣')),
                Pair.of(1, integers().between(0, URL_PUNCTUATION.length() - 1).map(URL_PUNCTUATION::charAt))));
        Gen<String> path = joined(lists().of(pathChar).ofSizeBetween(0, 15))
                .map(p -> p.isEmpty() ? "" : "/" + p + "x");
        return scheme.zip(host, path, (s, h, p) -> s + h + p);
    }

}
