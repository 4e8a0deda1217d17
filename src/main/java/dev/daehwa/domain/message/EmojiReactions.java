package dev.daehwa.domain.message;

import dev.daehwa.domain.user.PublicProfile;
import java.util.List;
import java.util.Set;

/**
 * The reactions of one emoji on one message, as read for showing: how many members reacted with
 * it, the first of them by name ({@link #SHOWN_REACTORS} at most, the count tells the rest), and
 * the ids of every reactor that was read, which include whoever the reading was for.
 *
 * @param reactors the first reactors, in the order they reacted
 * @param reactorIds the ids of the reactors read: the first ones and any asked about
 */
public record EmojiReactions(String emoji, int count, List<PublicProfile> reactors, Set<Long> reactorIds) {

    /** How many reactors a message names per emoji; enough for a hover text. */
    public static final int SHOWN_REACTORS = 10;

    public EmojiReactions {
        reactors = List.copyOf(reactors);
        reactorIds = Set.copyOf(reactorIds);
    }

    public boolean reactedBy(long userId) {
        return reactorIds.contains(userId);
    }
}
