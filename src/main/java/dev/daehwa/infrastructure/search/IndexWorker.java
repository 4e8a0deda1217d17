package dev.daehwa.infrastructure.search;

import dev.daehwa.domain.message.MessageChange;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one thread that writes the search index, in passes 100 ms apart, never a request thread:
 * sending a message never waits for the index.
 *
 * <ul>
 *   <li><b>Live.</b> Committed changes queue the message id; every pass reads the current state
 *       of the queued messages in one query and applies it, then refreshes the searchers. A
 *       message is searchable a fraction of a second after it was sent. Reading the state rather
 *       than trusting the event means order does not matter: an edit that overtakes its post
 *       still ends as the edited text.</li>
 *   <li><b>Catching up.</b> Once the index is open, the worker first reads every message changed
 *       since the position in the last index commit, less {@link #LOOKBACK}: a transaction stamps
 *       {@code changed_at} before it commits, so a change committed late can carry a time just
 *       before one already applied. Re-applying a change is harmless, so the margin costs little.
 *       A missing or broken index starts from the beginning: a rebuild, in batches, while
 *       search keeps answering with what is built so far.</li>
 *   <li><b>Durability.</b> A commit at most every {@link #COMMIT_INTERVAL}, and at shutdown,
 *       records how far the index is. A crash loses only uncommitted work, which the next boot
 *       catches up on.</li>
 * </ul>
 * Everything happens in passes, one at a time and in order: a later read of a message is always
 * applied after an earlier one, so the index never goes back to an older text.
 */
final class IndexWorker {

    private static final Logger LOG = Logger.getLogger(IndexWorker.class.getName());

    private static final Duration LOOKBACK = Duration.ofMinutes(5);
    private static final Duration COMMIT_INTERVAL = Duration.ofSeconds(2);
    private static final long PASS_DELAY_MILLIS = 100;
    /**
     * How long one pass may spend catching up before it turns to live changes again: long next to
     * the pause between passes, so that a rebuild keeps the worker busy most of the time.
     */
    private static final long CATCH_UP_SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(900);
    private static final int CATCH_UP_BATCH = 2000;
    private static final int LIVE_BATCH = 5000;

    private final MessageChangeFeed feed;
    private final SearchBackend backend;
    private final ChatAnalyzer analyzer;
    private final SearchIndexStatus status;

    private final Queue<Long> changed = new ConcurrentLinkedQueue<>();

    // Touched only inside the synchronized methods.
    private MessageIndex index;
    private IndexPosition catchUpFrom;
    private IndexPosition liveThrough = IndexPosition.BEGINNING;
    private boolean uncommitted;
    private long lastCommitNanos = System.nanoTime();
    private long catchUpStartedNanos;
    private boolean failing;
    private ScheduledFuture<?> passes;

    IndexWorker(MessageChangeFeed feed, SearchBackend backend, ChatAnalyzer analyzer, SearchIndexStatus status) {
        this.feed = feed;
        this.backend = backend;
        this.analyzer = analyzer;
        this.status = status;
    }

    /**
     * Opens the index and decides where catching up starts; false when it could not be opened.
     * A search server that cannot be reached yet is tried again by every pass; an embedded
     * index that cannot be opened leaves search FAILED.
     */
    synchronized boolean open() {
        MessageIndex opened;
        try {
            opened = backend.open(analyzer);
        } catch (IOException | RuntimeException e) {
            if (backend.openSearch()) {
                if (!failing) {
                    failing = true;
                    status.waiting("cannot reach the search server yet: " + e.getMessage());
                    LOG.log(Level.WARNING, "Search index on OpenSearch could not be opened; retrying every pass", e);
                }
                return false;
            }
            status.openFailed(backend.location(), e);
            return false;
        }
        failing = false;
        index = opened;
        status.opened(opened);
        liveThrough = opened.committedPosition();
        catchUpStartedNanos = System.nanoTime();
        if (opened.rebuildReason() != null) {
            catchUpFrom = IndexPosition.BEGINNING;
            status.rebuilding(opened.rebuildReason());
        } else {
            IndexPosition committed = opened.committedPosition();
            catchUpFrom = new IndexPosition(committed.changedAt().minus(LOOKBACK), 0);
            if (opened.committedComplete()) {
                status.catchingUp("applying changes since " + committed.changedAt());
                LOG.info(() -> "Search index " + opened.location() + " holds " + opened.documents()
                        + " messages; catching up on changes since " + committed.changedAt());
            } else {
                status.rebuilding("the previous rebuild was interrupted; it goes on from where it was committed");
            }
        }
        return true;
    }

    /** Runs a pass now and then every 100 ms on {@code scheduler}; a pass first opens the index if it is not yet. */
    synchronized void start(ScheduledExecutorService scheduler) {
        passes = scheduler.scheduleWithFixedDelay(this::pass, 0, PASS_DELAY_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** A committed change of this message, applied by the next pass. */
    void changed(long messageId) {
        changed.add(messageId);
    }

    /** Catches up on everything changed since {@code since}, as after a restart. */
    synchronized void missed(Instant since) {
        if (index == null) {
            return;
        }
        IndexPosition from = new IndexPosition(since.minus(LOOKBACK), 0);
        catchUpFrom = catchUpFrom == null ? from : catchUpFrom.min(from);
        catchUpStartedNanos = System.nanoTime();
        status.catchingUp("applying other nodes' changes since " + since);
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
        IndexState was = status.ready();
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
    synchronized void stop() {
        if (passes != null) {
            passes.cancel(false);
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
            status.closed();
        }
    }
}
