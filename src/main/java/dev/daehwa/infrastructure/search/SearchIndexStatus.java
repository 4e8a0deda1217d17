package dev.daehwa.infrastructure.search;

import dev.daehwa.domain.error.UnavailableException;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What this node's search index is doing, and so what a search gets: the open index, or a 503
 * that says whether asking again soon can help. /health reports the same state and detail.
 * {@link SearchIndexer} and its {@link IndexWorker} write it; any request thread reads it.
 */
final class SearchIndexStatus {

    private static final Logger LOG = Logger.getLogger(SearchIndexStatus.class.getName());

    private volatile MessageIndex index;
    private volatile IndexState state = IndexState.STARTING;
    private volatile String detail = "";
    /** What failed, told to searchers once the state is FAILED. */
    private volatile String failedPart = "its index could not be opened";

    void turnedOff() {
        state = IndexState.OFF;
        detail = "DAEHWA_SEARCH=off";
        LOG.info("Search is off on this node (DAEHWA_SEARCH=off); searches answer 503.");
    }

    void analysisFailed(Exception e) {
        failedPart = "its Korean analysis could not be loaded";
        state = IndexState.FAILED;
        detail = "could not load the Korean analysis: " + e;
        LOG.log(Level.SEVERE, "Search is unavailable: could not load the Korean analysis", e);
    }

    void openFailed(String location, Exception e) {
        state = IndexState.FAILED;
        detail = "could not open the index in " + location + ": " + e;
        LOG.log(Level.SEVERE, "Search is unavailable: could not open the index in " + location, e);
    }

    /** Still starting, for a reason /health shows (such as a search server not reachable yet). */
    void waiting(String reason) {
        detail = reason;
    }

    /** Searches go to {@code opened} from now on; what it holds is told by the next state. */
    void opened(MessageIndex opened) {
        index = opened;
    }

    void catchingUp(String what) {
        state = IndexState.CATCHING_UP;
        detail = what;
    }

    void rebuilding(String reason) {
        state = IndexState.REBUILDING;
        detail = reason;
        LOG.warning(() -> "Search index: " + reason + ". Rebuilding it from the database in the background;"
                + " search works meanwhile and finds more as the rebuild goes on.");
    }

    /** Up to date; returns what the index was doing until now. */
    IndexState ready() {
        IndexState was = state;
        state = IndexState.READY;
        detail = "";
        return was;
    }

    /** The index was closed: searches get the 503 of the current state. */
    void closed() {
        index = null;
    }

    /** Whether committed changes are still worth queueing: not when search is off or failed for good. */
    boolean indexing() {
        return state != IndexState.OFF && state != IndexState.FAILED;
    }

    /** The index to search, or a 503 when this node has none (or one of another kind). */
    <T extends MessageIndex> T searchable(Class<T> kind) {
        MessageIndex open = index;
        if (!kind.isInstance(open)) {
            throw switch (state) {
                case OFF -> new UnavailableException("Search is turned off on this server.");
                case FAILED -> new UnavailableException("Search is unavailable on this server: " + failedPart + ".");
                default -> UnavailableException.forAMoment("Search is still starting; try again in a few seconds.",
                        Duration.ofSeconds(2));
            };
        }
        return kind.cast(open);
    }

    IndexState state() {
        return state;
    }

    String detail() {
        return detail;
    }

    long documents() {
        MessageIndex open = index;
        return open == null ? 0 : open.documents();
    }
}
