package dev.daehwa.application.search;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A search ready for an engine: the texts still to be analyzed, and every filter already
 * resolved to ids and instants. {@code roomIds} is the permission filter, the rooms the searcher
 * is a member of right now (narrowed by {@code in:} or {@code room}); engines apply it inside the
 * query, so that totals and pages never count anything else.
 *
 * @param senderIds    messages by any of these people; empty for anyone
 * @param mentionedIds messages that mention any of these people; empty for whoever they mention
 * @param sentFrom     inclusive lower bound, or null
 * @param sentUntil    exclusive upper bound, or null
 * @param cursor       where the previous page ended, as an engine returned it, or null
 */
public record SearchCriteria(List<String> required, List<String> excluded, Set<Long> roomIds, Set<Long> senderIds,
                             Set<Long> mentionedIds, Instant sentFrom, Instant sentUntil, boolean hasLink,
                             SearchOrder order, int limit, String cursor) {

    public SearchCriteria {
        required = List.copyOf(required);
        excluded = List.copyOf(excluded);
        roomIds = Set.copyOf(roomIds);
        senderIds = Set.copyOf(senderIds);
        mentionedIds = Set.copyOf(mentionedIds);
    }
}
