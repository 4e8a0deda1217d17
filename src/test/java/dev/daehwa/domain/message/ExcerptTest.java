package dev.daehwa.domain.message;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ExcerptTest {

    @Test
    void aShortMessageIsQuotedWholeOnOneLine() {
        assertEquals("회의는 3시 그 다음은 저녁", Excerpt.of("  회의는 3시\n\n그 다음은\t저녁 "));
    }

    @Test
    void pastTheLimitItIsCutAtOneHundredCodePointsWithoutAMark() {
        assertEquals("가".repeat(Excerpt.LENGTH), Excerpt.of("가".repeat(Excerpt.LENGTH + 30)));
    }

    @Test
    void anEmojiAtTheCutIsKeptWholeOrLeftOut() {
        String text = "a".repeat(Excerpt.LENGTH - 1) + "😀😀";
        String excerpt = Excerpt.of(text);
        assertEquals("a".repeat(Excerpt.LENGTH - 1) + "😀", excerpt);
        assertEquals(Excerpt.LENGTH, excerpt.codePointCount(0, excerpt.length()));
    }
}
