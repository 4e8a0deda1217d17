package dev.daehwa.domain.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SnippetTest {

    private static int codePoints(String text) {
        return text.codePointCount(0, text.length());
    }

    @Test
    void aShortMessageIsShownWhole() {
        assertEquals("안녕하세요, 다들 잘 지내요?", Snippet.of("안녕하세요, 다들 잘 지내요?"));
    }

    @Test
    void whitespaceRunsBecomeOneSpaceAndTheEndsAreTrimmed() {
        assertEquals("첫 줄 둘째 줄 셋째", Snippet.of("  첫 줄\n\n둘째\t\t줄\r\n   셋째  \n"));
    }

    @Test
    void exactlyTheLimitIsNotCut() {
        String eighty = "가".repeat(Snippet.LENGTH);
        assertEquals(eighty, Snippet.of(eighty));
    }

    @Test
    void pastTheLimitItIsCutAtEightyCodePointsAndEndsWithAnEllipsis() {
        String snippet = Snippet.of("가".repeat(Snippet.LENGTH + 1));
        assertEquals("가".repeat(Snippet.LENGTH) + "…", snippet);
    }

    @Test
    void hangulCountsOneSyllableAsOneCharacter() {
        String text = "한국어 문장입니다. ".repeat(20);
        String snippet = Snippet.of(text);
        assertEquals(Snippet.LENGTH + 1, codePoints(snippet), "80 syllables and spaces, then …");
        assertTrue(text.startsWith(snippet.substring(0, snippet.length() - 1)));
    }

    @Test
    void anEmojiIsNeverSplitInHalf() {
        // 79 letters and then emoji: the cut falls after the first emoji's two UTF-16 units, not
        // between them, which a cut at 80 UTF-16 units would do.
        String text = "a".repeat(Snippet.LENGTH - 1) + "😀😀😀";
        String snippet = Snippet.of(text);
        assertEquals("a".repeat(Snippet.LENGTH - 1) + "😀…", snippet);
        assertFalse(Character.isHighSurrogate(snippet.charAt(snippet.length() - 2)),
                "a lone high surrogate before the ellipsis");
    }

    @Test
    void emojiCountAsOneCharacterEach() {
        String eightyEmoji = "🎉".repeat(Snippet.LENGTH);
        assertEquals(eightyEmoji, Snippet.of(eightyEmoji), "80 emoji are 160 UTF-16 units and still fit");
        assertEquals(eightyEmoji + "…", Snippet.of(eightyEmoji + "🎉"));
    }

    @Test
    void collapsingHappensBeforeCounting() {
        String spaced = "a" + " ".repeat(500) + "b";
        assertEquals("a b", Snippet.of(spaced));
    }
}
