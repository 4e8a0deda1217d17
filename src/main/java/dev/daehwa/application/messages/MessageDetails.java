package dev.daehwa.application.messages;

import dev.daehwa.domain.user.PublicProfile;
import dev.daehwa.domain.user.User;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a message shows beyond its own row, as one reader sees it: the people it mentions and the
 * message it answers. Read for a whole list of messages at once by {@link MessageDetailsReader},
 * so that a page of history costs the same few statements however long it is.
 *
 * @param mentions the people the message mentions, in the order first mentioned
 * @param replyTo what it quotes of the message it answers, or null when it is no reply
 */
public record MessageDetails(List<PublicProfile> mentions, ReplyQuote replyTo) {

    /** A message that mentions nobody and answers nothing. */
    public static final MessageDetails NONE = new MessageDetails(List.of(), null);

    /** The people mentioned by the key of their username ({@link User#keyOf}), for rendering. */
    public Map<String, PublicProfile> mentionedByKey() {
        Map<String, PublicProfile> byKey = new LinkedHashMap<>();
        mentions.forEach(person -> byKey.put(User.keyOf(person.username()), person));
        return byKey;
    }
}
