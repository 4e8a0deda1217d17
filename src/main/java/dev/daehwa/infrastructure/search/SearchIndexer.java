package dev.daehwa.infrastructure.search;

import dev.daehwa.application.cluster.OtherNodesMissed;
import dev.daehwa.application.events.ChatEvent;
import dev.daehwa.application.events.ChatEventElsewhere;
import dev.daehwa.application.jobs.JobSchedulers;
import dev.daehwa.infrastructure.persistence.SchemaReady;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.ScheduledExecutorService;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps this node's search index in step with the database: starts indexing once the schema is
 * ready (unless {@code DAEHWA_SEARCH=off}), hands every committed message change, here or on
 * another node, to the {@link IndexWorker}, and stops it at shutdown. Where the index lives is
 * the {@link SearchBackend}'s choice; what searches and /health get is the
 * {@link SearchIndexStatus}, read here.
 */
@ApplicationScoped
public class SearchIndexer {

    @Inject
    private JobSchedulers schedulers;

    @Inject
    private MessageChangeFeed feed;

    @Inject
    private SearchBackend backend;

    /** {@code off} runs the node without search: no index is opened or written, searches get 503. */
    @Inject
    @ConfigProperty(name = "DAEHWA_SEARCH", defaultValue = "on")
    private String searchSetting;

    private final SearchIndexStatus status = new SearchIndexStatus();

    /** Null until indexing starts, and for good when search is off or its analysis could not be made. */
    private volatile IndexWorker worker;

    void start(@Observes SchemaReady ready) {
        if ("off".equals(searchSetting.strip().toLowerCase(Locale.ROOT))) {
            turnedOff();
            return;
        }
        ChatAnalyzer analyzer;
        try {
            analyzer = new ChatAnalyzer();
        } catch (RuntimeException e) {
            analysisFailed(e);
            return;
        }
        IndexWorker starting = new IndexWorker(feed, backend, analyzer, status);
        worker = starting;
        if (backend.openSearch()) {
            // OpenSearch may come up after this node: the worker keeps trying to open it
            status.waiting("connecting to " + backend.location());
        } else if (!starting.open()) {
            return;
        }
        ScheduledExecutorService scheduler = schedulers.scheduler("search-indexer");
        // The first pass opens an OpenSearch index, so it goes first: until then searches get
        // 503. The warm-up follows on the indexer's thread rather than the boot's, which lets
        // the node serve a second sooner.
        starting.start(scheduler);
        scheduler.execute(() -> warmUp(analyzer, starting));
    }

    void turnedOff() {
        status.turnedOff();
    }

    void analysisFailed(Exception e) {
        status.analysisFailed(e);
    }

    private void warmUp(ChatAnalyzer analyzer, IndexWorker started) {
        try {
            analyzer.loadDictionaries();
        } catch (IOException | RuntimeException e) {
            analysisFailed(e);
            // Without the analysis no search can be parsed. Stopping cancels the passes and closes
            // the index, so searches get the FAILED 503 rather than errors.
            started.stop();
        }
    }

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) ChatEvent event) {
        IndexWorker running = worker;
        if (running == null || !status.indexing()) {
            return;
        }
        switch (event) {
            case ChatEvent.MessagePosted posted -> running.changed(posted.messageId());
            case ChatEvent.MessageEdited edited -> running.changed(edited.messageId());
            case ChatEvent.MessageDeleted deleted -> running.changed(deleted.messageId());
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
        IndexWorker running = worker;
        if (running != null) {
            running.missed(missed.since());
        }
    }

    /** The index to search, or a 503 when this node has none (or one of another kind). */
    <T extends MessageIndex> T searchable(Class<T> kind) {
        return status.searchable(kind);
    }

    IndexState state() {
        return status.state();
    }

    String detail() {
        return status.detail();
    }

    long documents() {
        return status.documents();
    }

    /** Lets a running pass finish, commits what was applied, and closes the index. */
    @PreDestroy
    void stop() {
        IndexWorker running = worker;
        if (running != null) {
            running.stop();
        }
    }
}
