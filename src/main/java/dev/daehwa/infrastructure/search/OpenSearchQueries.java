package dev.daehwa.infrastructure.search;

import dev.daehwa.application.search.SearchCriteria;
import dev.daehwa.application.search.SearchOrder;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.FieldDoc;

/**
 * Turns search criteria into an OpenSearch search request that matches what {@link LuceneQueries}
 * matches: each word or quoted phrase the phrase of its {@link QueryTerms} (over the
 * pre-analyzed content, see {@link OpenSearchIndex}), exclusions as {@code must_not}, and the
 * filters (rooms first: the permission filter) in {@code filter}, so that they narrow what is
 * counted and paged without touching relevance. Totals are exact ({@code track_total_hits}).
 */
final class OpenSearchQueries {

    /** Looked up once: each {@code Json.createXxx} call would look the provider up again. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private final QueryTerms queryTerms;

    OpenSearchQueries(Analyzer analyzer) {
        this.queryTerms = new QueryTerms(analyzer);
    }

    /** The request for one page (one hit more than asked for: it tells if a next page exists); null when nothing can match. */
    JsonObject request(SearchCriteria criteria, FieldDoc after) {
        JsonObjectBuilder bool = JSON.createObjectBuilder();
        JsonArrayBuilder must = JSON.createArrayBuilder();
        boolean anyWord = false;
        for (String text : criteria.required()) {
            JsonObject phrase = phrase(text);
            if (phrase != null) {
                must.add(phrase);
                anyWord = true;
            }
        }
        if (!anyWord && !criteria.required().isEmpty()) {
            return null; // every word analyzed to nothing
        }
        if (anyWord) {
            bool.add("must", must);
        }
        JsonArrayBuilder mustNot = JSON.createArrayBuilder();
        criteria.excluded().stream().map(this::phrase).filter(p -> p != null).forEach(mustNot::add);
        bool.add("must_not", mustNot);
        JsonArrayBuilder filter = JSON.createArrayBuilder()
                .add(terms(MessageFields.ROOM, criteria.roomIds()));
        if (!criteria.senderIds().isEmpty()) {
            filter.add(terms(MessageFields.SENDER, criteria.senderIds()));
        }
        if (!criteria.mentionedIds().isEmpty()) {
            filter.add(terms(MessageFields.MENTIONS, criteria.mentionedIds()));
        }
        if (criteria.sentFrom() != null || criteria.sentUntil() != null) {
            JsonObjectBuilder range = JSON.createObjectBuilder();
            if (criteria.sentFrom() != null) {
                range.add("gte", criteria.sentFrom().toEpochMilli());
            }
            if (criteria.sentUntil() != null) {
                range.add("lt", criteria.sentUntil().toEpochMilli());
            }
            filter.add(JSON.createObjectBuilder().add("range", JSON.createObjectBuilder().add(MessageFields.TIME, range)));
        }
        if (criteria.hasLink()) {
            filter.add(JSON.createObjectBuilder().add("term",
                    JSON.createObjectBuilder().add(MessageFields.HAS, MessageFields.HAS_LINK)));
        }
        bool.add("filter", filter);

        JsonObjectBuilder request = JSON.createObjectBuilder()
                .add("size", criteria.limit() + 1)
                .add("track_total_hits", true)
                .add("_source", false)
                .add("query", JSON.createObjectBuilder().add("bool", bool))
                .add("sort", sort(criteria.order()));
        if (after != null) {
            JsonArrayBuilder values = JSON.createArrayBuilder();
            for (Object value : after.fields) {
                if (value instanceof Float score) {
                    values.add(score.doubleValue());
                } else {
                    values.add((Long) value);
                }
            }
            request.add("search_after", values);
        }
        return request.build();
    }

    /**
     * A term query for one term, a phrase query for more. The index holds each message's terms
     * one after another (see {@link OpenSearchIndex}), so the query's terms, joined the same way,
     * are a phrase there exactly when they are one in the embedded index.
     */
    private JsonObject phrase(String text) {
        List<QueryTerms.Term> terms = queryTerms.of(text);
        if (terms.isEmpty()) {
            return null;
        }
        if (terms.size() == 1) {
            return JSON.createObjectBuilder().add("term", JSON.createObjectBuilder()
                    .add(MessageFields.CONTENT, terms.getFirst().text())).build();
        }
        return JSON.createObjectBuilder().add("match_phrase", JSON.createObjectBuilder()
                .add(MessageFields.CONTENT, JSON.createObjectBuilder()
                        .add("query", terms.stream().map(QueryTerms.Term::text).collect(Collectors.joining(" ")))
                        .add("analyzer", OpenSearchIndex.TERMS_ANALYZER))).build();
    }

    private static JsonObject terms(String field, Collection<Long> values) {
        JsonArrayBuilder ids = JSON.createArrayBuilder();
        values.forEach(ids::add);
        return JSON.createObjectBuilder().add("terms", JSON.createObjectBuilder().add(field, ids)).build();
    }

    /** The same order as the embedded index: relevance, then newer first; or newer first; the id last. */
    private static JsonArrayBuilder sort(SearchOrder order) {
        JsonArrayBuilder sort = JSON.createArrayBuilder();
        if (order == SearchOrder.RELEVANCE) {
            sort.add(JSON.createObjectBuilder().add("_score", "desc"));
        }
        return sort.add(JSON.createObjectBuilder().add(MessageFields.TIME, "desc"))
                .add(JSON.createObjectBuilder().add(MessageFields.ID_ORDER, "desc"));
    }
}
