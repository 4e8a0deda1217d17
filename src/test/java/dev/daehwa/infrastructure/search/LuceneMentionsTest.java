package dev.daehwa.infrastructure.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.daehwa.application.search.SearchCriteria;
import dev.daehwa.application.search.SearchOrder;
import dev.daehwa.domain.message.MessageChange;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.ScoreDoc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded index keeps whom each message mentions, as its latest state says: mentions: finds
 * a message by any of the people it mentions, and an edit that drops a mention drops it from the
 * index too. (OpenSearchIndexIT checks the same of the OpenSearch index.)
 */
class LuceneMentionsTest {

    private static final long ROOM = 5;
    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");

    @TempDir
    Path dir;

    @Test
    void mentionsAreIndexedAndAnEditReplacesThem() throws IOException {
        try (LuceneIndex index = LuceneIndex.open(dir, new ChatAnalyzer())) {
            index.apply(List.of(state(1, "@minji @joon 회의 자료", T0, List.of(21L, 22L)),
                    state(2, "회의 자료는 내일", T0, List.of()),
                    state(3, "@dami 회의", T0, List.of(23L))));
            index.refresh();
            assertEquals(List.of(1L), find(index, "회의", Set.of(21L)));
            assertEquals(List.of(3L, 1L), find(index, "회의", Set.of(22L, 23L)), "any of the people asked for");
            assertEquals(List.of(3L, 2L, 1L), find(index, "회의", Set.of()), "no mentions: means whoever");

            index.apply(List.of(state(1, "@joon 회의 자료", T0.plusSeconds(1), List.of(22L))));
            index.refresh();
            assertEquals(List.of(), find(index, "회의", Set.of(21L)), "the edit took the mention away");
            assertEquals(List.of(1L), find(index, "회의", Set.of(22L)));
        }
    }

    private static MessageChange state(long id, String content, Instant changedAt, List<Long> mentioned) {
        return new MessageChange(id, ROOM, id, 1, content, T0, false, changedAt, mentioned);
    }

    private static List<Long> find(LuceneIndex index, String word, Set<Long> mentioned) {
        SearchCriteria criteria = new SearchCriteria(List.of(word), List.of(), Set.of(ROOM), Set.of(), mentioned,
                null, null, false, SearchOrder.RECENT, 10, null);
        LuceneQueries queries = new LuceneQueries(new ChatAnalyzer());
        return index.search(searcher -> {
            List<Long> ids = new ArrayList<>();
            for (ScoreDoc hit : searcher.search(queries.query(criteria), 10, LuceneQueries.sort(criteria.order())).scoreDocs) {
                Object[] sortValues = ((FieldDoc) hit).fields;
                ids.add((Long) sortValues[sortValues.length - 1]);
            }
            return ids;
        });
    }
}
