package dev.daehwa.application.messages;

import dev.daehwa.domain.user.PublicProfile;
import dev.daehwa.domain.user.User;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a message shows beyond its own row, as one reader sees it: the people it mentions and the
 * message it answers, and the reactions to it. Read for a whole list of messages at once by
 * {@link MessageDetailsReader}, so that a page of history costs the same few statements however
 * long it is. Reactions say whether the reader is among the reactors, so two readers may see one
 * message's details differently.
 *
 * @param mentions the people the message mentions, in the order first mentioned
 * @param replyTo what it quotes of the message it answers, or null when it is no reply
 * @param reactions its emoji in the order of each one's first reaction
 */
public record MessageDetails(List<PublicProfile> mentions, ReplyQuote replyTo, List<Reaction> reactions) {

    /** A message that mentions nobody, answers nothing and has no reactions. */
    public static final MessageDetails NONE = new MessageDetails(List.of(), null, List.of());

    /**
     * One emoji's reactions as the reader sees them.
     *
     * @param count how many members reacted with it
     * @param me whether the reader is one of them
     * @param reactors the first of them, in the order they reacted; the count tells the rest
     */
    public record Reaction(String emoji, int count, boolean me, List<PublicProfile> reactors) {
    }

    /** The people mentioned by the key of their username ({@link User#keyOf}), for rendering. */
    public Map<String, PublicProfile> mentionedByKey() {
        Map<String, PublicProfile> byKey = new LinkedHashMap<>();
        mentions.forEach(person -> byKey.put(User.keyOf(person.username()), person));
        return byKey;
    }
}
