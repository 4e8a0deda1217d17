package dev.daehwa.infrastructure.search;

import dev.daehwa.domain.message.MessageChange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The embedded Lucene index under {@code DAEHWA_DATA_DIR/search}: one writer, searchers that see
 * what was applied as soon as they are refreshed, and commits whose user data carry the
 * {@link IndexHeader}: the position in the database's change order up to which everything was
 * applied. A commit is the only thing that survives a crash, and the position in it is where
 * catching up starts on the next boot.
 *
 * <p>An index that is missing, unreadable, or written by an older version of the analysis is
 * replaced by an empty one, and its position says "from the beginning": a rebuild.
 */
final class LuceneIndex implements MessageIndex {

    private static final Logger LOG = Logger.getLogger(LuceneIndex.class.getName());

    private static final String FORMAT_KEY = "daehwa.format";
    private static final String CHANGED_AT_KEY = "daehwa.appliedChangedAt";
    private static final String MESSAGE_ID_KEY = "daehwa.appliedMessageId";
    private static final String COMPLETE_KEY = "daehwa.complete";

    private final Path dir;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final IndexHeader committed;
    private final String rebuildReason;

    private LuceneIndex(Path dir, Directory directory, IndexWriter writer, IndexHeader committed, String rebuildReason)
            throws IOException {
        this.dir = dir;
        this.directory = directory;
        this.writer = writer;
        this.searchers = new SearcherManager(writer, null);
        this.committed = committed;
        this.rebuildReason = rebuildReason;
    }

    static LuceneIndex open(Path dir, Analyzer analyzer) throws IOException {
        String problem = problemWith(dir);
        if (problem != null && Files.exists(dir)) {
            deleteRecursively(dir);
        }
        Files.createDirectories(dir);
        Directory directory = FSDirectory.open(dir);
        try {
            IndexWriterConfig config = new IndexWriterConfig(analyzer)
                    .setOpenMode(problem == null ? IndexWriterConfig.OpenMode.APPEND : IndexWriterConfig.OpenMode.CREATE)
                    .setRAMBufferSizeMB(32);
            IndexWriter writer = new IndexWriter(directory, config);
            IndexHeader header = problem == null ? header(userData(writer)) : IndexHeader.EMPTY;
            return new LuceneIndex(dir, directory, writer, header, problem);
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    /** Why the index at {@code dir} cannot be used as it is, or null when it can. */
    private static String problemWith(Path dir) {
        if (!Files.isDirectory(dir)) {
            return "there is no index at " + dir;
        }
        try (Directory directory = FSDirectory.open(dir)) {
            if (!DirectoryReader.indexExists(directory)) {
                return "there is no index at " + dir;
            }
            Map<String, String> data = SegmentInfos.readLatestCommit(directory).getUserData();
            if (!IndexHeader.isCurrent(data.get(FORMAT_KEY))) {
                return "the index at " + dir + " was built by another version (format " + data.get(FORMAT_KEY) + ")";
            }
            header(data); // a position that does not parse makes the index unreadable
            // opening a reader reads every segment's header: the check that the files are whole
            DirectoryReader.open(directory).close();
            return null;
        } catch (IOException | RuntimeException e) {
            return "the index at " + dir + " is unreadable (" + e + ")";
        }
    }

    private static IndexHeader header(Map<String, String> data) {
        return new IndexHeader(data.get(FORMAT_KEY),
                new IndexPosition(Instant.parse(data.get(CHANGED_AT_KEY)), Long.parseLong(data.get(MESSAGE_ID_KEY))),
                Boolean.parseBoolean(data.get(COMPLETE_KEY)));
    }

    private static Map<String, String> commitData(IndexHeader header) {
        return Map.of(
                FORMAT_KEY, header.format(),
                CHANGED_AT_KEY, header.through().changedAt().toString(),
                MESSAGE_ID_KEY, Long.toString(header.through().messageId()),
                COMPLETE_KEY, Boolean.toString(header.complete()));
    }

    private static Map<String, String> userData(IndexWriter writer) {
        Map<String, String> data = new HashMap<>();
        Iterable<Map.Entry<String, String>> entries = writer.getLiveCommitData();
        if (entries != null) {
            entries.forEach(entry -> data.put(entry.getKey(), entry.getValue()));
        }
        return data;
    }

    @Override
    public String rebuildReason() {
        return rebuildReason;
    }

    @Override
    public IndexPosition committedPosition() {
        return committed.through();
    }

    @Override
    public boolean committedComplete() {
        return committed.complete();
    }

    @Override
    public void apply(List<MessageChange> changes) throws IOException {
        for (MessageChange change : changes) {
            if (change.deleted()) {
                writer.deleteDocuments(MessageFields.idTerm(change.id()));
            } else {
                writer.updateDocument(MessageFields.idTerm(change.id()), MessageFields.document(change));
            }
        }
    }

    @Override
    public void refresh() throws IOException {
        searchers.maybeRefreshBlocking();
    }

    @Override
    public void commit(IndexPosition through, boolean caughtUp) throws IOException {
        writer.setLiveCommitData(commitData(IndexHeader.committedAt(through, caughtUp)).entrySet());
        writer.commit();
    }

    /** Empties the index; the caller then catches up from the beginning. */
    void deleteAll() throws IOException {
        writer.deleteAll();
    }

    @Override
    public long documents() {
        return writer.getDocStats().numDocs;
    }

    @Override
    public String location() {
        return dir.toString();
    }

    interface SearcherTask<T> {
        T run(IndexSearcher searcher) throws IOException;
    }

    <T> T search(SearcherTask<T> task) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return task.run(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            searchers.close();
            writer.close();
        } finally {
            directory.close();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        LOG.warning(() -> "Removing the unusable search index at " + dir);
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
