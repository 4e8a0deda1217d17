package dev.daehwa.infrastructure.search;

import dev.daehwa.application.search.SearchOrder;
import dev.daehwa.domain.error.FieldRefusal;
import dev.daehwa.domain.error.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.lucene.search.FieldDoc;

/**
 * Where a page of results ended: the sort values of its last hit, opaque to clients. The message
 * id is the last sort value and unique, so the next page starts exactly after that message.
 *
 * <p>Under relevance order, scores shift a little as messages are added, so a page can repeat or
 * skip a result that was scored near the cut; under {@code order=recent} paging is exact.
 */
final class SearchCursor {

    private SearchCursor() {
    }

    static String of(SearchOrder order, FieldDoc last) {
        Object[] values = last.fields;
        String text = order == SearchOrder.RECENT
                ? "t:" + values[0] + ":" + values[1]
                : "r:" + Float.floatToIntBits((Float) values[0]) + ":" + values[1] + ":" + values[2];
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }

    /** The position to continue after, or null for the first page. */
    static FieldDoc parse(SearchOrder order, String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.US_ASCII).split(":");
            // Integer.MAX_VALUE as the doc: a hit equal in every value (the same message) is not "after"
            if (order == SearchOrder.RECENT && parts.length == 3 && parts[0].equals("t")) {
                return new FieldDoc(Integer.MAX_VALUE, Float.NaN,
                        new Object[] {Long.parseLong(parts[1]), Long.parseLong(parts[2])});
            }
            if (order == SearchOrder.RELEVANCE && parts.length == 4 && parts[0].equals("r")) {
                return new FieldDoc(Integer.MAX_VALUE, Float.NaN, new Object[] {
                        Float.intBitsToFloat(Integer.parseInt(parts[1])), Long.parseLong(parts[2]), Long.parseLong(parts[3])});
            }
        } catch (IllegalArgumentException malformed) {
            // falls through to the refusal
        }
        throw InvalidInputException.of(FieldRefusal.SEARCH_CURSOR_INVALID,
                "This cursor did not come from a search in " + order.name().toLowerCase() + " order.");
    }
}
