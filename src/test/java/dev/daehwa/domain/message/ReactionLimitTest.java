package dev.daehwa.domain.message;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.daehwa.domain.error.ConflictException;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ReactionLimitTest {

    /** Twenty different emoji: the regional indicators 🇦 to 🇹, each an emoji of its own here. */
    private static List<String> twenty() {
        return IntStream.range(0, ReactionLimit.MAX_DISTINCT_EMOJI).mapToObj(i -> Character.toString(0x1F1E6 + i)).toList();
    }

    @Test
    void aNewEmojiIsAllowedUpToTwenty() {
        List<String> nineteen = twenty().subList(0, 19);
        assertDoesNotThrow(() -> ReactionLimit.allow(nineteen, "👍"));
        assertDoesNotThrow(() -> ReactionLimit.allow(List.of(), "👍"));
    }

    @Test
    void aTwentyFirstDifferentEmojiIsAConflict() {
        assertThrows(ConflictException.class, () -> ReactionLimit.allow(twenty(), "👍"));
    }

    @Test
    void anEmojiAlreadyThereIsAllowedOnAFullMessage() {
        List<String> full = twenty();
        assertDoesNotThrow(() -> ReactionLimit.allow(full, full.getLast()));
    }
}
