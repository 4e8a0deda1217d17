package dev.daehwa.domain.message;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Members' reactions to messages: one row per message, member and emoji. */
public interface ReactionRepository {

    /** The different emoji the message carries. */
    Set<String> emojiOn(long messageId);

    /** Whether the member has reacted to the message with this emoji. */
    boolean has(long messageId, long userId, String emoji);

    void add(long messageId, long userId, String emoji, Instant at);

    /** Removes one reaction; false if there was none. */
    boolean remove(long messageId, long userId, String emoji);

    /** Removes every reaction to the message, as it is deleted. */
    void removeAll(long messageId);

    /**
     * The reactions of each of these messages as {@code viewerId} sees them, in one statement:
     * per message, its emoji in the order of each one's first reaction, each with its first
     * {@link EmojiReactions#SHOWN_REACTORS} reactors and whether the viewer is among all of them.
     * Messages without reactions are left out.
     */
    Map<Long, List<EmojiReactions>> of(Collection<Long> messageIds, long viewerId);

    /** The reactions of one message with every reactor's id, in one statement, for telling each member apart. */
    List<EmojiReactions> allOf(long messageId);
}
