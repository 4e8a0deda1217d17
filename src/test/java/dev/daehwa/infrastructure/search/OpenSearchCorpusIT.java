package dev.daehwa.infrastructure.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.daehwa.application.search.SearchCriteria;
import dev.daehwa.application.search.SearchHits;
import dev.daehwa.application.search.SearchOrder;
import dev.daehwa.application.search.SearchQuery;
import dev.daehwa.application.search.SearchQueryParser;
import dev.daehwa.it.support.OpenSearchNode;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The Korean corpus of {@link KoreanCorpusTest}, indexed in a real OpenSearch node through
 * {@link OpenSearchIndex} and searched through {@link OpenSearchQueries}: every search, known
 * misses included, must find exactly what the embedded index finds, and in relevance order the
 * same messages in the same order. Runs in the OpenSearch pass (it.search=opensearch).
 */
class OpenSearchCorpusIT {

    private static List<KoreanCorpusTest.Message> messages;
    private static List<KoreanCorpusTest.Search> searches;
    private static KoreanCorpusTest.Index embedded;
    private static OpenSearchIndex openSearch;
    private static final OpenSearchQueries QUERIES = new OpenSearchQueries(new ChatAnalyzer());

    @BeforeAll
    static void indexCorpusInBoth() throws IOException {
        Assumptions.assumeTrue("opensearch".equals(System.getProperty("it.search")),
                "runs in the OpenSearch pass (it.search=opensearch)");
        messages = KoreanCorpusTest.lines("messages.tsv").stream().map(KoreanCorpusTest::message).toList();
        searches = KoreanCorpusTest.lines("queries.tsv").stream().map(KoreanCorpusTest::search).toList();
        embedded = KoreanCorpusTest.Index.of("ChatAnalyzer", new ChatAnalyzer(), messages);
        openSearch = OpenSearchIndex.open(OpenSearchConnection.to(OpenSearchNode.shared().url()),
                "corpus-" + System.nanoTime(), new ChatAnalyzer());
        openSearch.apply(messages.stream().map(KoreanCorpusTest::change).toList());
        openSearch.refresh();
    }

    @AfterAll
    static void close() throws IOException {
        if (openSearch != null) {
            openSearch.close();
        }
        if (embedded != null) {
            embedded.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> eachSearchFindsWhatTheEmbeddedIndexFinds() {
        return searches.stream().map(search -> dynamicTest(search.query(), () -> {
            Set<Long> expected = embedded.find(search.query());
            assertEquals(expected, new TreeSet<>(find(search.query(), SearchOrder.RECENT)), search.query());
            if (!search.knownMiss()) {
                assertEquals(search.expected(), expected, "the corpus itself: " + search.query());
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> relevanceOrdersTheSameAsTheEmbeddedIndex() {
        return searches.stream().map(search -> dynamicTest(search.query(), () ->
                assertEquals(embedded.ranked(search.query()), find(search.query(), SearchOrder.RELEVANCE),
                        "best first, as the embedded index ranks them: " + search.query())));
    }

    private static List<Long> find(String text, SearchOrder order) {
        SearchQuery parsed = SearchQueryParser.parse(text);
        SearchCriteria criteria = new SearchCriteria(parsed.required(), parsed.excluded(), Set.of(KoreanCorpusTest.ROOM),
                Set.of(), Set.of(), null, null, parsed.hasLink(), order, messages.size(), null);
        JsonObject request = QUERIES.request(criteria, null);
        if (request == null) {
            return List.of();
        }
        try {
            SearchHits hits = OpenSearchSearchEngine.hits(criteria, openSearch.search(request));
            return hits.messageIds();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
