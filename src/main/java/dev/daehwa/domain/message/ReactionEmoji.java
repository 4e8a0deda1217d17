package dev.daehwa.domain.message;

import dev.daehwa.domain.error.FieldRefusal;
import dev.daehwa.domain.error.InvalidInputException;

/**
 * What a reaction may be: exactly one emoji as people pick it from a keyboard, with its skin tone
 * if any. That is one of the emoji sequences of Unicode's emoji standard (UTS #51): a pictograph
 * with an optional presentation selector and skin tone, several of them joined by zero-width
 * joiners (👩🏽‍💻), a flag of two regional indicators (🇰🇷), a keycap (1️⃣), or a tag sequence (🏴󠁧󠁢󠁳󠁣󠁴󠁿).
 * Letters, digits alone, two emoji side by side, or text presentation are not a reaction.
 */
public final class ReactionEmoji {

    /** Longer than any emoji sequence, so that the check reads a bounded text. */
    static final int MAX_CHARS = 40;

    private static final int ZWJ = 0x200D;
    private static final int EMOJI_PRESENTATION = 0xFE0F;
    private static final int KEYCAP = 0x20E3;
    private static final int BLACK_FLAG = 0x1F3F4;
    private static final int CANCEL_TAG = 0xE007F;

    private ReactionEmoji() {
    }

    /** The emoji, unchanged; refused with {@code emoji}/{@code not-one-emoji} otherwise. */
    public static String check(String candidate) {
        if (!isOne(candidate)) {
            throw InvalidInputException.of(FieldRefusal.EMOJI_NOT_ONE, "A reaction is one emoji.");
        }
        return candidate;
    }

    static boolean isOne(String candidate) {
        if (candidate == null || candidate.isEmpty() || candidate.length() > MAX_CHARS) {
            return false;
        }
        int[] cps = candidate.codePoints().toArray();
        return isFlag(cps) || isKeycap(cps) || isTagSequence(cps) || isZwjSequence(cps);
    }

    private static boolean isFlag(int[] cps) {
        return cps.length == 2 && isRegionalIndicator(cps[0]) && isRegionalIndicator(cps[1]);
    }

    private static boolean isRegionalIndicator(int cp) {
        return cp >= 0x1F1E6 && cp <= 0x1F1FF;
    }

    private static boolean isKeycap(int[] cps) {
        boolean key = cps.length >= 2 && (Character.isDigit(cps[0]) && cps[0] < 0x80 || cps[0] == '#' || cps[0] == '*');
        return key && (cps.length == 2 && cps[1] == KEYCAP
                || cps.length == 3 && cps[1] == EMOJI_PRESENTATION && cps[2] == KEYCAP);
    }

    private static boolean isTagSequence(int[] cps) {
        if (cps.length < 3 || cps[0] != BLACK_FLAG || cps[cps.length - 1] != CANCEL_TAG) {
            return false;
        }
        for (int i = 1; i < cps.length - 1; i++) {
            if (cps[i] < 0xE0020 || cps[i] > 0xE007E) {
                return false;
            }
        }
        return true;
    }

    /** Pictographs, each with an optional selector and skin tone, joined by zero-width joiners. */
    private static boolean isZwjSequence(int[] cps) {
        int at = 0;
        while (true) {
            if (at >= cps.length || !isPictograph(cps[at])) {
                return false;
            }
            int base = cps[at++];
            if (at < cps.length && cps[at] == EMOJI_PRESENTATION) {
                at++;
            }
            if (at < cps.length && Character.isEmojiModifier(cps[at])) {
                if (!Character.isEmojiModifierBase(base)) {
                    return false;
                }
                at++;
            }
            if (at == cps.length) {
                return true;
            }
            if (cps[at++] != ZWJ) {
                return false;
            }
        }
    }

    /** A pictograph that shows as an emoji (digits and letters have the Emoji property, but are not this). */
    private static boolean isPictograph(int cp) {
        return Character.isExtendedPictographic(cp) && !Character.isEmojiModifier(cp);
    }
}
