package dev.daehwa.application.search;

import dev.daehwa.domain.error.FieldRefusal;
import dev.daehwa.domain.error.InvalidInputException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * What a searcher asked for. {@code zone} is where the days of {@code before:} and
 * {@code after:} begin and end: the searcher's own midnight, not the server's.
 */
public record SearchRequest(String query, Long roomId, int limit, String cursor, SearchOrder order, ZoneId zone) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 50;

    /** The named time zone, or UTC when none is given. */
    public static ZoneId zone(String name) {
        if (name == null || name.isBlank()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(name.strip());
        } catch (DateTimeException e) {
            throw InvalidInputException.of(FieldRefusal.SEARCH_ZONE_UNKNOWN,
                    "tz must be a time zone such as Asia/Seoul or UTC, not " + name + ".");
        }
    }
}
