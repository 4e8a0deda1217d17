package dev.daehwa.application.search;

import java.util.List;

/** One page of matching message ids, best first; {@code next} continues after it, or is null. */
public record SearchHits(List<Long> messageIds, long total, String next) {

    public static SearchHits none() {
        return new SearchHits(List.of(), 0, null);
    }
}
