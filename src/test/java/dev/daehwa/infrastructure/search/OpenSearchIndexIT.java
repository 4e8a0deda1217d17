package dev.daehwa.infrastructure.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.daehwa.application.search.SearchCriteria;
import dev.daehwa.application.search.SearchOrder;
import dev.daehwa.domain.message.MessageChange;
import dev.daehwa.it.support.OpenSearchNode;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Assumptions;

/**
 * The rules {@link OpenSearchIndex} keeps when several nodes write one index, against a real
 * OpenSearch node: an older state of a message never replaces a newer one (nor brings a deleted
 * message back), an edit replaces whom a message mentions, and the committed position survives
 * closing and opening again. Runs in the
 * OpenSearch pass (it.search=opensearch).
 */
class OpenSearchIndexIT {

    private static final long ROOM = 3;
    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00.000001Z");
    private static final OpenSearchQueries QUERIES = new OpenSearchQueries(new ChatAnalyzer());

    @BeforeAll
    static void onlyInTheOpenSearchPass() {
        Assumptions.assumeTrue("opensearch".equals(System.getProperty("it.search")),
                "runs in the OpenSearch pass (it.search=opensearch)");
    }

    @Test
    void anOlderStateWrittenLaterDoesNotReplaceTheNewerOne() throws IOException {
        try (OpenSearchIndex index = open("order-" + System.nanoTime())) {
            index.apply(List.of(state(1, "회의는 화요일로 바뀌었습니다", T0.plusSeconds(5), false)));
            // another node read the message before the edit and writes only now
            index.apply(List.of(state(1, "회의는 월요일입니다", T0, false)));
            index.refresh();

            assertEquals(List.of(1L), find(index, "화요일"), "the newer text stays");
            assertEquals(List.of(), find(index, "월요일"), "the older text never comes back");
        }
    }

    @Test
    void aDeletedMessageIsNotBroughtBackByAnOlderWrite() throws IOException {
        try (OpenSearchIndex index = open("delete-" + System.nanoTime())) {
            index.apply(List.of(state(2, "지울 메시지", T0, false)));
            index.apply(List.of(state(2, "지울 메시지", T0.plusSeconds(1), true)));
            index.apply(List.of(state(2, "지울 메시지", T0, false)));
            index.refresh();

            assertEquals(List.of(), find(index, "메시지"));
            assertEquals(0, index.documents());
        }
    }

    @Test
    void theCommittedPositionIsWhereTheNextOpeningStarts() throws IOException {
        String name = "position-" + System.nanoTime();
        IndexPosition through = new IndexPosition(T0.plusSeconds(30), 42);
        try (OpenSearchIndex fresh = open(name)) {
            assertTrue(fresh.rebuildReason().contains("there is no index"), fresh.rebuildReason());
            assertEquals(IndexPosition.BEGINNING, fresh.committedPosition());
            fresh.apply(List.of(state(42, "위치 시험", T0.plusSeconds(30), false)));
            fresh.refresh();
            fresh.commit(through, true);
        }
        try (OpenSearchIndex again = open(name)) {
            assertNull(again.rebuildReason(), "an index that was committed opens as it was");
            assertEquals(through, again.committedPosition());
            assertTrue(again.committedComplete());
            assertEquals(1, again.documents());
        }
    }

    @Test
    void anIndexWhoseRebuildNeverFinishedIsRebuilt() throws IOException {
        String name = "unfinished-" + System.nanoTime();
        try (OpenSearchIndex fresh = open(name)) {
            fresh.apply(List.of(state(7, "끝나지 않은 재구축", T0, false)));
            fresh.refresh();
            assertEquals(1, fresh.documents());
        }
        try (OpenSearchIndex again = open(name)) {
            assertFalse(again.rebuildReason() == null, "no position was ever committed: start over");
            assertEquals(IndexPosition.BEGINNING, again.committedPosition());
            assertEquals(0, again.documents(), "the index starts empty again");
        }
    }

    @Test
    void mentionsAreIndexedAndAnEditReplacesThem() throws IOException {
        try (OpenSearchIndex index = open("mentions-" + System.nanoTime())) {
            index.apply(List.of(state(8, "@minji @joon 회의 자료", T0, false, List.of(21L, 22L)),
                    state(9, "회의 자료는 내일", T0, false, List.of())));
            index.refresh();
            assertEquals(List.of(8L), find(index, "회의", Set.of(21L)));
            assertEquals(List.of(8L), find(index, "회의", Set.of(22L, 23L)), "any of the people asked for");

            index.apply(List.of(state(8, "@joon 회의 자료", T0.plusSeconds(1), false, List.of(22L))));
            index.refresh();
            assertEquals(List.of(), find(index, "회의", Set.of(21L)), "the edit took the mention away");
            assertEquals(List.of(8L), find(index, "회의", Set.of(22L)));
        }
    }

    private static OpenSearchIndex open(String name) throws IOException {
        return OpenSearchIndex.open(OpenSearchConnection.to(OpenSearchNode.shared().url()), name, new ChatAnalyzer());
    }

    private static MessageChange state(long id, String content, Instant changedAt, boolean deleted) {
        return state(id, content, changedAt, deleted, List.of());
    }

    private static MessageChange state(long id, String content, Instant changedAt, boolean deleted,
                                       List<Long> mentioned) {
        return new MessageChange(id, ROOM, id, 1, content, T0, deleted, changedAt, mentioned);
    }

    private static List<Long> find(OpenSearchIndex index, String word) throws IOException {
        return find(index, word, Set.of());
    }

    private static List<Long> find(OpenSearchIndex index, String word, Set<Long> mentioned) throws IOException {
        SearchCriteria criteria = new SearchCriteria(List.of(word), List.of(), Set.of(ROOM), Set.of(), mentioned,
                null, null, false, SearchOrder.RECENT, 10, null);
        return OpenSearchSearchEngine.hits(criteria, index.search(QUERIES.request(criteria, null))).messageIds();
    }
}
