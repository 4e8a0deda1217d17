package dev.daehwa.application.search;

import java.time.LocalDate;
import java.util.List;

/**
 * A search as the user typed it, taken apart: what must match, what must not, and the operators.
 * Texts are not analyzed yet; each required text (a word or a quoted phrase) must match as a
 * whole, so a Korean compound typed as one word matches as its parts in order.
 *
 * @param required     words and phrases that must all match
 * @param excluded     words and phrases that must not match ({@code -word}, {@code -"a phrase"})
 * @param fromUsers    usernames from {@code from:}; any of them (none means anyone)
 * @param mentionsMe   from {@code mentions:me}: messages that mention the searcher
 * @param mentioned    usernames from {@code mentions:}; a message mentioning any of them, or the
 *                     searcher when {@code mentionsMe}, matches (none and not {@code mentionsMe}
 *                     means whoever it mentions, if anyone)
 * @param inRooms      room names from {@code in:}; any of them (none means every room)
 * @param before       from {@code before:}: only messages sent before that day starts
 * @param after        from {@code after:}: only messages sent after that day ends
 * @param hasLink      from {@code has:link}
 */
public record SearchQuery(List<String> required, List<String> excluded, List<String> fromUsers, boolean mentionsMe,
                          List<String> mentioned, List<String> inRooms, LocalDate before, LocalDate after,
                          boolean hasLink) {

    public SearchQuery {
        required = List.copyOf(required);
        excluded = List.copyOf(excluded);
        fromUsers = List.copyOf(fromUsers);
        mentioned = List.copyOf(mentioned);
        inRooms = List.copyOf(inRooms);
    }

    /** Whether anything narrows the search besides the words. */
    public boolean hasOperators() {
        return !fromUsers.isEmpty() || hasMentions() || !inRooms.isEmpty() || before != null || after != null
                || hasLink;
    }

    /** Whether {@code mentions:} narrows the search to messages that mention someone in particular. */
    public boolean hasMentions() {
        return mentionsMe || !mentioned.isEmpty();
    }
}
