package dev.daehwa.domain.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.daehwa.domain.error.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReactionEmojiTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "👍", "❤️", "❤", "😂", "😮", "😢", "🙏", "✅", "👀",
            "👍🏽", "🙏🏿",
            "👩‍💻", "👩🏽‍💻", "👨‍👩‍👧‍👦", "🏳️‍🌈", "👩🏻‍❤️‍💋‍👨🏼",
            "🇰🇷", "🇯🇵",
            "1️⃣", "#️⃣", "*⃣",
            "🏴󠁧󠁢󠁳󠁣󠁴󠁿",
    })
    void oneEmojiIsAReaction(String emoji) {
        assertTrue(ReactionEmoji.isOne(emoji), emoji);
        assertEquals(emoji, ReactionEmoji.check(emoji));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", " ", "a", "1", "#", "가", "ㅋ", "+1", ":thumbsup:",
            "👍👍", "👍 ", " 👍", "🇰", "🇰🇷🇯🇵",
            "🏽", "a🏽", "✅🏽", "👍‍", "‍👍", "👍‍‍👍", "👍️️",
            "1⃣⃣", "🏴󠁧󠁢", "<b>", "\u0000", "\uD83D",
    })
    void anythingElseIsNot(String text) {
        assertFalse(ReactionEmoji.isOne(text), text);
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> ReactionEmoji.check(text));
        assertEquals("emoji", refused.fieldErrors().get(0).field());
        assertEquals("not-one-emoji", refused.fieldErrors().get(0).code());
    }

    @Test
    void aLongTextIsRefusedWithoutBeingReadWhole() {
        assertFalse(ReactionEmoji.isOne("👍".repeat(100_000)));
        assertFalse(ReactionEmoji.isOne("👨‍".repeat(20) + "👨"), "a joined run past the longest emoji sequence");
    }

    @Test
    void nullIsNot() {
        assertFalse(ReactionEmoji.isOne(null));
    }
}
