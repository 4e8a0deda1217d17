package dev.daehwa.application.search;

import dev.daehwa.domain.error.FieldRefusal;
import dev.daehwa.domain.error.InvalidInputException;
import java.util.Locale;

/** Best matches first (newer first among equals), or simply newest first. */
public enum SearchOrder {
    RELEVANCE, RECENT;

    public static SearchOrder of(String value) {
        if (value == null || value.isBlank()) {
            return RELEVANCE;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of(FieldRefusal.SEARCH_ORDER_UNKNOWN,
                    "order is either relevance or recent, not " + value + ".");
        }
    }
}
