package dev.daehwa.infrastructure.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.daehwa.domain.error.UnavailableException;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A search that finds no index tells the client whether asking again soon can help: a node still
 * opening its index says when to retry (a {@code Retry-After}); a node with search turned off, or
 * whose search failed, does not, because it will refuse again.
 */
class SearchIndexerAvailabilityTest {

    @Test
    void aNodeStillStartingSaysWhenToAskAgain() {
        UnavailableException refused = assertThrows(UnavailableException.class,
                () -> new SearchIndexer().searchable(LuceneIndex.class));

        assertEquals(Optional.of(Duration.ofSeconds(2)), refused.retryIn(), refused.getMessage());
    }

    @Test
    void aNodeWithSearchOffDoesNotInviteRetries() {
        SearchIndexer indexer = new SearchIndexer();
        indexer.turnedOff();

        UnavailableException refused = assertThrows(UnavailableException.class,
                () -> indexer.searchable(LuceneIndex.class));

        assertEquals(Optional.empty(), refused.retryIn(), refused.getMessage());
    }

    @Test
    void aNodeWhoseKoreanAnalysisFailedSaysSoAndDoesNotInviteRetries() {
        SearchIndexer indexer = new SearchIndexer();
        indexer.analysisFailed(new IOException("the dictionary resource is missing"));

        UnavailableException refused = assertThrows(UnavailableException.class,
                () -> indexer.searchable(LuceneIndex.class));

        assertEquals(IndexState.FAILED, indexer.state());
        assertEquals(Optional.empty(), refused.retryIn(), refused.getMessage());
        assertTrue(refused.getMessage().contains("Korean analysis"), refused.getMessage());
    }
}
