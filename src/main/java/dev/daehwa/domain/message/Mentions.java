package dev.daehwa.domain.message;

import dev.daehwa.domain.user.User;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.Set;

/**
 * Who a message mentions: each {@code @username} ({@link MentionScanner}) that names a member of
 * its room, whatever the case it was typed in. Anyone else's name, and a name that is nobody's,
 * stays plain text.
 */
public final class Mentions {

    /** {@code [start, end)} of the text is the {@code @} and the name that mentions {@code user}. */
    public record Mention(int start, int end, User user) {
    }

    /**
     * Distinct names looked up per message. Each is a key to look up among the room's members, so
     * a message of ten thousand {@code @a @b …} does not become a query of thousands; names past
     * this many are plain text.
     */
    public static final int MAX_NAMES = 50;

    private Mentions() {
    }

    /**
     * The keys ({@link User#keyOf}) of the names the text could mention, whole and trimmed, in
     * order, at most {@link #MAX_NAMES} names: what to look up among the room's members before
     * calling {@link #in}.
     */
    public static Set<String> keysIn(String content) {
        Set<String> keys = new LinkedHashSet<>();
        if (content == null || content.isEmpty()) {
            return keys;
        }
        Set<String> names = new HashSet<>();
        for (MentionScanner.Candidate candidate : MentionScanner.scan(content)) {
            String whole = User.keyOf(content.substring(candidate.start() + 1, candidate.end()));
            if (!names.contains(whole) && names.size() == MAX_NAMES) {
                break;
            }
            names.add(whole);
            keys.add(whole);
            if (candidate.shortEnd() < candidate.end()) {
                keys.add(User.keyOf(content.substring(candidate.start() + 1, candidate.shortEnd())));
            }
        }
        return keys;
    }

    /**
     * The mentions in the text, in order.
     *
     * @param membersByKey the room's members by {@link User#keyOf} of their username
     */
    public static List<Mention> in(String content, Map<String, User> membersByKey) {
        if (content == null || content.isEmpty() || membersByKey.isEmpty()) {
            return new ArrayList<>();
        }
        return spansIn(content, membersByKey::containsKey).stream()
                .map(span -> new Mention(span.start(), span.end(), membersByKey.get(span.key())))
                .collect(Collectors.toCollection(ArrayList::new));
    }

    /** {@code [start, end)} of a text names whoever has the username key {@code key}. */
    public record Span(int start, int end, String key) {
    }

    /**
     * The places in the text that name someone {@code isNamed} accepts by key, in order: the whole
     * name read after the {@code @} when it names someone, else the name without its trailing
     * {@code .} and {@code -}.
     */
    public static List<Span> spansIn(CharSequence text, Predicate<String> isNamed) {
        List<Span> spans = new ArrayList<>();
        for (MentionScanner.Candidate candidate : MentionScanner.scan(text)) {
            String whole = User.keyOf(text.subSequence(candidate.start() + 1, candidate.end()).toString());
            if (isNamed.test(whole)) {
                spans.add(new Span(candidate.start(), candidate.end(), whole));
            } else if (candidate.shortEnd() < candidate.end()) {
                String trimmed = User.keyOf(text.subSequence(candidate.start() + 1, candidate.shortEnd()).toString());
                if (isNamed.test(trimmed)) {
                    spans.add(new Span(candidate.start(), candidate.shortEnd(), trimmed));
                }
            }
        }
        return spans;
    }

    /** The people mentioned, each once, in the order they were first mentioned. */
    public static List<User> people(List<Mention> mentions) {
        Map<Long, User> people = new LinkedHashMap<>();
        mentions.forEach(mention -> people.putIfAbsent(mention.user().id(), mention.user()));
        return List.copyOf(people.values());
    }
}
