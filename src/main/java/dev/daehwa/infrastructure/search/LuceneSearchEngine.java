package dev.daehwa.infrastructure.search;

import dev.daehwa.application.search.SearchCriteria;
import dev.daehwa.application.search.SearchEngine;
import dev.daehwa.application.search.SearchHits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;

/**
 * The single-node search engine: the embedded Lucene index kept by {@link SearchIndexer}.
 * Totals are exact (every match is counted), which the room filter keeps cheap: only messages
 * in the searcher's rooms are ever scored.
 */
@ApplicationScoped
@Typed(LuceneSearchEngine.class)
public class LuceneSearchEngine implements SearchEngine {

    private final Analyzer analyzer = new ChatAnalyzer();
    private final LuceneQueries queries = new LuceneQueries(analyzer);
    private final SafeHighlighter highlighter = new SafeHighlighter(analyzer);

    @Inject
    private SearchIndexer indexer;

    @Override
    public SearchHits search(SearchCriteria criteria) {
        FieldDoc after = SearchCursor.parse(criteria.order(), criteria.cursor());
        LuceneIndex index = indexer.searchable(LuceneIndex.class);
        Query query = queries.query(criteria);
        // one more than asked for: whether it exists decides if there is a next page
        TopFieldDocs top = index.search(searcher -> searcher.search(query,
                new TopFieldCollectorManager(LuceneQueries.sort(criteria.order()), criteria.limit() + 1, after,
                        Integer.MAX_VALUE)));
        List<Long> ids = new ArrayList<>();
        ScoreDoc[] hits = top.scoreDocs;
        for (int i = 0; i < Math.min(hits.length, criteria.limit()); i++) {
            Object[] values = ((FieldDoc) hits[i]).fields;
            ids.add((Long) values[values.length - 1]);
        }
        String next = hits.length > criteria.limit()
                ? SearchCursor.of(criteria.order(), (FieldDoc) hits[criteria.limit() - 1])
                : null;
        return new SearchHits(ids, top.totalHits.value(), next);
    }

    @Override
    public String highlight(SearchCriteria criteria, String text) {
        return highlighter.highlight(queries.words(criteria.required()), text);
    }
}
