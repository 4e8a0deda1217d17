package dev.daehwa.domain.message;

import dev.daehwa.domain.user.User;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who a message mentions: each {@code @username} ({@link MentionScanner}) that names a member of
 * its room, whatever the case it was typed in. Anyone else's name, and a name that is nobody's,
 * stays plain text.
 */
public final class Mentions {

    /** {@code [start, end)} of the text is the {@code @} and the name that mentions {@code user}. */
    public record Mention(int start, int end, User user) {
    }

    private Mentions() {
    }

    /**
     * The mentions in the text, in order.
     *
     * @param membersByKey the room's members by {@link User#keyOf} of their username
     */
    public static List<Mention> in(String content, Map<String, User> membersByKey) {
        List<Mention> mentions = new ArrayList<>();
        if (content == null || content.isEmpty() || membersByKey.isEmpty()) {
            return mentions;
        }
        for (MentionScanner.Candidate candidate : MentionScanner.scan(content)) {
            User whole = membersByKey.get(User.keyOf(content.substring(candidate.start() + 1, candidate.end())));
            if (whole != null) {
                mentions.add(new Mention(candidate.start(), candidate.end(), whole));
            } else if (candidate.shortEnd() < candidate.end()) {
                User trimmed = membersByKey.get(
                        User.keyOf(content.substring(candidate.start() + 1, candidate.shortEnd())));
                if (trimmed != null) {
                    mentions.add(new Mention(candidate.start(), candidate.shortEnd(), trimmed));
                }
            }
        }
        return mentions;
    }

    /** The people mentioned, each once, in the order they were first mentioned. */
    public static List<User> people(List<Mention> mentions) {
        Map<Long, User> people = new LinkedHashMap<>();
        mentions.forEach(mention -> people.putIfAbsent(mention.user().id(), mention.user()));
        return List.copyOf(people.values());
    }
}
