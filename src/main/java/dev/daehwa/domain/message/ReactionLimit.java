package dev.daehwa.domain.message;

import dev.daehwa.domain.error.ConflictException;
import java.util.Collection;

/**
 * How many different emoji one message may carry. A bar of reactions stays readable, and a
 * message cannot be turned into a wall of emoji by a script. Any number of members may react with
 * an emoji that is already there.
 */
public final class ReactionLimit {

    public static final int MAX_DISTINCT_EMOJI = 20;

    private ReactionLimit() {
    }

    /**
     * Allows {@code emoji} on a message that carries {@code present} already; refused with a
     * conflict when it would be one emoji too many. The caller holds the message's lock, so that
     * two new emoji cannot both pass against the same {@code present}.
     */
    public static void allow(Collection<String> present, String emoji) {
        if (!present.contains(emoji) && present.size() >= MAX_DISTINCT_EMOJI) {
            throw new ConflictException("A message carries at most " + MAX_DISTINCT_EMOJI
                    + " different emoji; react with one that is already there.");
        }
    }
}
