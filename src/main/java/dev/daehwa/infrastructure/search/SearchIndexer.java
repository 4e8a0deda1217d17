package dev.daehwa.infrastructure.search;

import dev.daehwa.application.cluster.OtherNodesMissed;
import dev.daehwa.application.events.ChatEvent;
import dev.daehwa.application.events.ChatEventElsewhere;
import dev.daehwa.domain.error.UnavailableException;
import dev.daehwa.domain.message.MessageChange;
import dev.daehwa.infrastructure.concurrent.OwnThreads;
import dev.daehwa.infrastructure.persistence.SchemaReady;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.lucene.analysis.TokenStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps the search index in step with the database, on a worker thread of its own (see
 * {@link OwnThreads}), never on a request thread: sending a message never waits for the index.
 *
 * <ul>
 *   <li><b>Live.</b> Committed message events queue the message id; every pass (100 ms apart)
 *       reads the current state of the queued messages in one query and applies it, then
 *       refreshes the searchers. A message is searchable a fraction of a second after it was
 *       sent. Reading the state rather than trusting the event means order does not matter: an
 *       edit that overtakes its post still ends as the edited text.</li>
 *   <li><b>Catching up.</b> At boot, the worker first reads every message changed since the
 *       position in the last index commit, less {@link #LOOKBACK}: a transaction stamps
 *       {@code changed_at} before it commits, so a change committed late can carry a time just
 *       before one already applied. Re-applying a change is harmless, so the margin costs little.
 *       A missing or broken index starts from the beginning: a rebuild, in batches, while
 *       search keeps answering with what is built so far.</li>
 *   <li><b>Durability.</b> A commit at most every {@link #COMMIT_INTERVAL}, and at shutdown,
 *       records how far the index is. A crash loses only uncommitted work, which the next boot
 *       catches up on.</li>
 * </ul>
 * Everything happens on the worker, in order: a later read of a message is always applied after
 * an earlier one, so the index never goes back to an older text.
 */
@ApplicationScoped
public class SearchIndexer {

    private static final Logger LOG = Logger.getLogger(SearchIndexer.class.getName());

    static final Duration LOOKBACK = Duration.ofMinutes(5);
    private static final Duration COMMIT_INTERVAL = Duration.ofSeconds(2);
    private static final long PASS_DELAY_MILLIS = 100;
    /**
     * How long one pass may spend catching up before it turns to live changes again: long next to
     * the pause between passes, so that a rebuild keeps the worker busy most of the time.
     */
    private static final long CATCH_UP_SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(900);
    private static final int CATCH_UP_BATCH = 2000;
    private static final int LIVE_BATCH = 5000;

    @Inject
    private OwnThreads ownThreads;

    @Inject
    private MessageChangeFeed feed;

    @Inject
    private SearchBackend backend;

    /** {@code off} runs the node without search: no index is opened or written, searches get 503. */
    @Inject
    @ConfigProperty(name = "DAEHWA_SEARCH", defaultValue = "on")
    private String searchSetting;

    private final Queue<Long> changed = new ConcurrentLinkedQueue<>();

    private volatile MessageIndex index;
    private ChatAnalyzer analyzer;
    private volatile IndexState state = IndexState.STARTING;
    private volatile String detail = "";
    /** What failed, told to searchers once the state is FAILED. */
    private volatile String failedPart = "its index could not be opened";

    // Worker state, touched only inside the synchronized pass and stop.
    private IndexPosition catchUpFrom;
    private IndexPosition liveThrough = IndexPosition.BEGINNING;
    private boolean uncommitted;
    private long lastCommitNanos = System.nanoTime();
    private long catchUpStartedNanos;
    private boolean failing;
    private ScheduledFuture<?> worker;

    void start(@Observes SchemaReady ready) {
        if ("off".equals(searchSetting.strip().toLowerCase(Locale.ROOT))) {
            turnedOff();
            return;
        }
        try {
            analyzer = new ChatAnalyzer();
        } catch (RuntimeException e) {
            analysisFailed(e);
            return;
        }
        synchronized (this) {
            if (backend.openSearch()) {
                // OpenSearch may come up after this node: the worker keeps trying to open it
                detail = "connecting to " + backend.location();
            } else if (!open()) {
                return;
            }
            ScheduledExecutorService scheduler = ownThreads.scheduler("search-indexer");
            // The first pass opens an OpenSearch index, so it goes first: until then searches get
            // 503. The warm-up follows on the indexer's thread rather than the boot's, which lets
            // the node serve a second sooner.
            worker = scheduler.scheduleWithFixedDelay(this::pass, 0, PASS_DELAY_MILLIS, TimeUnit.MILLISECONDS);
            scheduler.execute(this::warmUp);
        }
    }

    void turnedOff() {
        state = IndexState.OFF;
        detail = "DAEHWA_SEARCH=off";
        LOG.info("Search is off on this node (DAEHWA_SEARCH=off); searches answer 503.");
    }

    private void warmUp() {
        try {
            warmUp(analyzer);
        } catch (IOException | RuntimeException e) {
            synchronized (this) {
                analysisFailed(e);
                // Without the analysis no search can be parsed. stop() cancels the passes and closes
                // the index, so searches get the FAILED 503 rather than errors.
                stop();
            }
        }
    }

    void analysisFailed(Exception e) {
        failedPart = "its Korean analysis could not be loaded";
        state = IndexState.FAILED;
        detail = "could not load the Korean analysis: " + e;
        LOG.log(Level.SEVERE, "Search is unavailable: could not load the Korean analysis", e);
    }

    /** Opens the index and decides where catching up starts; false when it could not be opened. */
    private boolean open() {
        MessageIndex opened;
        try {
            opened = backend.open(analyzer);
        } catch (IOException | RuntimeException e) {
            if (backend.openSearch()) {
                if (!failing) {
                    failing = true;
                    detail = "cannot reach the search server yet: " + e.getMessage();
                    LOG.log(Level.WARNING, "Search index on OpenSearch could not be opened; retrying every pass", e);
                }
                return false;
            }
            state = IndexState.FAILED;
            detail = "could not open the index in " + backend.location() + ": " + e;
            LOG.log(Level.SEVERE, "Search is unavailable: could not open the index in " + backend.location(), e);
            return false;
        }
        failing = false;
        index = opened;
        liveThrough = opened.committedPosition();
        catchUpStartedNanos = System.nanoTime();
        if (opened.rebuildReason() != null) {
            catchUpFrom = IndexPosition.BEGINNING;
            rebuilding(opened.rebuildReason());
        } else {
            IndexPosition committed = opened.committedPosition();
            catchUpFrom = new IndexPosition(committed.changedAt().minus(LOOKBACK), 0);
            if (opened.committedComplete()) {
                state = IndexState.CATCHING_UP;
                detail = "applying changes since " + committed.changedAt();
                LOG.info(() -> "Search index " + opened.location() + " holds " + opened.documents()
                        + " messages; catching up on changes since " + committed.changedAt());
            } else {
                rebuilding("the previous rebuild was interrupted; it goes on from where it was committed");
            }
        }
        return true;
    }

    /**
     * Nori loads its dictionaries (tens of megabytes) on first use; done here, before the first
     * pass, the first message sent is not the one that waits a second to become searchable.
     */
    private static void warmUp(ChatAnalyzer analyzer) throws IOException {
        try (TokenStream tokens = analyzer.tokenStream(MessageFields.CONTENT, "서울에서 회의를 합시다")) {
            tokens.reset();
            while (tokens.incrementToken()) {
                // only the loading matters
            }
            tokens.end();
        }
    }

    private void rebuilding(String reason) {
        state = IndexState.REBUILDING;
        detail = reason;
        LOG.warning(() -> "Search index: " + reason + ". Rebuilding it from the database in the background;"
                + " search works meanwhile and finds more as the rebuild goes on.");
    }

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) ChatEvent event) {
        if (state == IndexState.OFF || state == IndexState.FAILED) {
            return;
        }
        switch (event) {
            case ChatEvent.MessagePosted posted -> changed.add(posted.messageId());
            case ChatEvent.MessageEdited edited -> changed.add(edited.messageId());
            case ChatEvent.MessageDeleted deleted -> changed.add(deleted.messageId());
            default -> {
                // membership changes need no indexing: who may see what is decided at search time
            }
        }
    }

    /** Each node keeps its own index, so another node's changes are indexed here too. */
    void changedElsewhere(@Observes ChatEventElsewhere elsewhere) {
        changed(elsewhere.event());
    }

    /**
     * The other nodes' changes announced while this node's channel was down never reached it:
     * the index catches up on everything changed since then, as after a restart.
     */
    void missedElsewhere(@Observes OtherNodesMissed missed) {
        synchronized (this) {
            if (index == null) {
                return;
            }
            IndexPosition from = new IndexPosition(missed.since().minus(LOOKBACK), 0);
            catchUpFrom = catchUpFrom == null ? from : catchUpFrom.min(from);
            catchUpStartedNanos = System.nanoTime();
            state = IndexState.CATCHING_UP;
            detail = "applying other nodes' changes since " + missed.since();
        }
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

    private synchronized void pass() {
        if (index == null && (!backend.openSearch() || !open())) {
            return;
        }
        List<Long> ids = new ArrayList<>();
        try {
            boolean applied = catchUp();
            for (Long id; ids.size() < LIVE_BATCH && (id = changed.poll()) != null; ) {
                ids.add(id);
            }
            if (!ids.isEmpty()) {
                List<MessageChange> current = feed.current(ids);
                index.apply(current);
                current.forEach(change -> liveThrough = liveThrough.max(positionOf(change)));
                applied = true;
            }
            if (applied) {
                index.refresh();
                uncommitted = true;
            }
            if (uncommitted && System.nanoTime() - lastCommitNanos > COMMIT_INTERVAL.toNanos()) {
                commit();
            }
            if (failing) {
                failing = false;
                LOG.info("Search indexing works again.");
            }
        } catch (IOException | RuntimeException e) {
            changed.addAll(ids); // not applied: the next pass tries them again
            if (!failing) {
                failing = true;
                LOG.log(Level.WARNING, "Search indexing failed; retrying every pass until it works", e);
            }
        }
    }

    /** One slice of catching up; true when it applied anything. */
    private boolean catchUp() throws IOException {
        boolean applied = false;
        long sliceEnd = System.nanoTime() + CATCH_UP_SLICE_NANOS;
        while (catchUpFrom != null && System.nanoTime() < sliceEnd) {
            List<MessageChange> batch = feed.after(catchUpFrom, CATCH_UP_BATCH);
            index.apply(batch);
            applied |= !batch.isEmpty();
            if (!batch.isEmpty()) {
                catchUpFrom = positionOf(batch.getLast());
                liveThrough = liveThrough.max(catchUpFrom);
            }
            if (batch.size() < CATCH_UP_BATCH) {
                caughtUp();
            }
        }
        return applied;
    }

    private void caughtUp() throws IOException {
        catchUpFrom = null;
        IndexState was = state;
        state = IndexState.READY;
        detail = "";
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - catchUpStartedNanos);
        index.refresh();
        commit();
        LOG.info(() -> "Search index " + (was == IndexState.REBUILDING ? "rebuilt" : "caught up") + ": "
                + index.documents() + " messages, in " + seconds + " s");
    }

    /**
     * While catching up, the commit says how far the catch-up got, never further: live changes
     * applied meanwhile may be newer than rows the catch-up has not read yet.
     */
    private void commit() throws IOException {
        index.commit(catchUpFrom != null ? catchUpFrom : liveThrough, catchUpFrom == null);
        uncommitted = false;
        lastCommitNanos = System.nanoTime();
    }

    private static IndexPosition positionOf(MessageChange change) {
        return new IndexPosition(change.changedAt(), change.id());
    }

    /** Lets a running pass finish, commits what was applied, and closes the index. */
    @PreDestroy
    synchronized void stop() {
        if (worker != null) {
            worker.cancel(false);
        }
        MessageIndex open = index;
        if (open == null) {
            return;
        }
        try {
            if (uncommitted) {
                commit();
            }
            open.close();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Could not close the search index cleanly; the next boot catches up", e);
        } finally {
            index = null;
        }
    }
}
