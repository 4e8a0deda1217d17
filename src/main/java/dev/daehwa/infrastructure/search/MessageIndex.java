package dev.daehwa.infrastructure.search;

import dev.daehwa.domain.message.MessageChange;
import java.io.IOException;
import java.util.List;

/**
 * Where {@link IndexWorker} keeps the searchable form of messages: the embedded Lucene index
 * ({@link LuceneIndex}) or an OpenSearch index ({@link OpenSearchIndex}), as {@link SearchBackend}
 * chose. The worker's rules (what to apply, in which order, how far a commit may claim) are the
 * same for both; only storage differs, down to how each stores its {@link IndexHeader}.
 */
interface MessageIndex extends AutoCloseable {

    /** Null when the index opened as it was; otherwise why it is being rebuilt. */
    String rebuildReason();

    IndexPosition committedPosition();

    /** Whether the last commit was made after a full catch-up (rather than midway through one). */
    boolean committedComplete();

    /**
     * Adds or replaces each message's document, or removes it when the message was deleted. An
     * older state never replaces a newer one.
     */
    void apply(List<MessageChange> changes) throws IOException;

    /** Makes what was applied visible to the next search. */
    void refresh() throws IOException;

    /** Makes what was applied durable, remembering how far that is. */
    void commit(IndexPosition through, boolean caughtUp) throws IOException;

    long documents();

    /** Where the index is, for logs and health. */
    String location();

    @Override
    void close() throws IOException;
}
