package dev.daehwa.infrastructure.search;

import dev.daehwa.application.search.SearchCriteria;
import dev.daehwa.application.search.SearchEngine;
import dev.daehwa.application.search.SearchHits;
import dev.daehwa.application.search.SearchOrder;
import dev.daehwa.domain.error.UnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.FieldDoc;

/**
 * The search engine of a cluster (or any node with {@code DAEHWA_SEARCH_URL}): the OpenSearch
 * index kept by {@link SearchIndexer}. It answers exactly as {@link LuceneSearchEngine} does, down
 * to the cursor format and the highlighting (done here, from the database's text, with the same
 * analyzer).
 */
@ApplicationScoped
@Typed(OpenSearchSearchEngine.class)
public class OpenSearchSearchEngine implements SearchEngine {

    private static final Logger LOG = Logger.getLogger(OpenSearchSearchEngine.class.getName());
    /** A search server that did not answer is often restarting: a few seconds, not one. */
    private static final Duration RETRY_IN = Duration.ofSeconds(5);

    private final Analyzer analyzer = new ChatAnalyzer();
    private final OpenSearchQueries queries = new OpenSearchQueries(analyzer);
    private final LuceneQueries highlightQueries = new LuceneQueries(analyzer);
    private final SafeHighlighter highlighter = new SafeHighlighter(analyzer);

    @Inject
    private SearchIndexer indexer;

    @Override
    public SearchHits search(SearchCriteria criteria) {
        FieldDoc after = SearchCursor.parse(criteria.order(), criteria.cursor());
        OpenSearchIndex index = indexer.searchable(OpenSearchIndex.class);
        JsonObject request = queries.request(criteria, after);
        if (request == null) {
            return SearchHits.none();
        }
        JsonObject answer;
        try {
            answer = index.search(request);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Search through " + index.location() + " failed", e);
            throw UnavailableException.forAMoment("Search is unavailable right now: the search server did not answer.",
                    RETRY_IN);
        }
        return hits(criteria, answer);
    }

    static SearchHits hits(SearchCriteria criteria, JsonObject answer) {
        JsonObject outer = answer.getJsonObject("hits");
        JsonArray hits = outer.getJsonArray("hits");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < Math.min(hits.size(), criteria.limit()); i++) {
            ids.add(Long.parseLong(hits.getJsonObject(i).getString("_id")));
        }
        String next = hits.size() > criteria.limit()
                ? SearchCursor.of(criteria.order(), lastOnPage(criteria.order(), hits.getJsonObject(criteria.limit() - 1)))
                : null;
        return new SearchHits(ids, outer.getJsonObject("total").getJsonNumber("value").longValue(), next);
    }

    /** The sort values of a hit, as the embedded engine's cursor holds them. */
    private static FieldDoc lastOnPage(SearchOrder order, JsonObject hit) {
        JsonArray sort = hit.getJsonArray("sort");
        Object[] values = new Object[sort.size()];
        int i = 0;
        if (order == SearchOrder.RELEVANCE) {
            values[i] = (float) sort.getJsonNumber(i).doubleValue();
            i++;
        }
        for (; i < sort.size(); i++) {
            JsonNumber number = sort.getJsonNumber(i);
            values[i] = number.longValue();
        }
        return new FieldDoc(0, Float.NaN, values);
    }

    @Override
    public String highlight(SearchCriteria criteria, String text) {
        return highlighter.highlight(highlightQueries.words(criteria.required()), text);
    }
}
