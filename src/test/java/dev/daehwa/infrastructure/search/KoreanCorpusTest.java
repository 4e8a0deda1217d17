package dev.daehwa.infrastructure.search;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.daehwa.application.search.SearchCriteria;
import dev.daehwa.application.search.SearchOrder;
import dev.daehwa.application.search.SearchQuery;
import dev.daehwa.application.search.SearchQueryParser;
import dev.daehwa.domain.message.MessageChange;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Korean search quality, measured on a corpus of team-chat messages and the searches people make
 * over it ({@code src/test/resources/search/korean-corpus}): particles and endings, compound nouns
 * and their spacing, English (case, plurals) mixed into Korean, numbers and links.
 *
 * <p>Each search must find exactly the messages a Korean speaker expects, so a change to
 * {@link ChatAnalyzer} that loses recall or precision fails here with the search's name. Where nori
 * reads Korean differently from a person, the line is marked as a known miss in the queries file:
 * it is still counted and printed, but not asserted.
 *
 * <p>The same corpus and searches also run with Lucene's {@link StandardAnalyzer}, which splits on
 * spaces and punctuation only, so that the numbers say what the Korean analysis is worth.
 */
class KoreanCorpusTest {

    private static final String CORPUS = "/search/korean-corpus/";
    /** Every message is in this room, and every search is limited to it, as a member's would be. */
    static final long ROOM = 7;
    private static final Instant FIRST_SENT = Instant.parse("2025-03-03T00:00:00Z");

    /** The precision ChatAnalyzer must keep: Korean analysis must not buy recall with noise. */
    private static final double MIN_PRECISION = 0.95;

    /** One chat message of the corpus. */
    record Message(long id, String text) {
    }

    /** One search of the corpus, and the messages it should find. */
    record Search(String query, Set<Long> expected, boolean knownMiss, String why) {
    }

    /** A corpus indexed with one analyzer, searched the way LuceneSearchEngine does. */
    record Index(String name, Analyzer analyzer, ByteBuffersDirectory directory, DirectoryReader reader) {

        static Index of(String name, Analyzer analyzer, List<Message> messages) throws IOException {
            ByteBuffersDirectory directory = new ByteBuffersDirectory();
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
                for (Message message : messages) {
                    writer.addDocument(MessageFields.document(change(message)));
                }
            }
            return new Index(name, analyzer, directory, DirectoryReader.open(directory));
        }

        /** The ids of the messages the search finds, as production parses and queries it. */
        Set<Long> find(String text) {
            return new TreeSet<>(search(text, SearchOrder.RECENT));
        }

        /** The same, best first. */
        List<Long> ranked(String text) {
            return search(text, SearchOrder.RELEVANCE);
        }

        private List<Long> search(String text, SearchOrder order) {
            SearchQuery parsed = SearchQueryParser.parse(text);
            int all = reader.numDocs();
            SearchCriteria criteria = new SearchCriteria(parsed.required(), parsed.excluded(), Set.of(ROOM), Set.of(),
                    Set.of(), null, null, parsed.hasLink(), order, all, null);
            Query query = new LuceneQueries(analyzer).query(criteria);
            try {
                // Nothing is stored, so the id is read from the sort values: the last sort field
                // is the message id, the tiebreak of every order.
                ScoreDoc[] hits = new IndexSearcher(reader).search(query, all + 1, LuceneQueries.sort(order), true).scoreDocs;
                List<Long> ids = new ArrayList<>();
                for (ScoreDoc hit : hits) {
                    Object[] sortValues = ((FieldDoc) hit).fields;
                    ids.add((Long) sortValues[sortValues.length - 1]);
                }
                return ids;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void close() throws IOException {
            reader.close();
            directory.close();
            analyzer.close();
        }
    }

    private static List<Message> messages;
    private static List<Search> searches;
    private static Index chat;
    private static Index standard;

    @BeforeAll
    static void indexCorpus() throws IOException {
        messages = lines("messages.tsv").stream().map(KoreanCorpusTest::message).toList();
        searches = lines("queries.tsv").stream().map(KoreanCorpusTest::search).toList();
        chat = Index.of("ChatAnalyzer", new ChatAnalyzer(), messages);
        standard = Index.of("StandardAnalyzer", new StandardAnalyzer(), messages);
    }

    @AfterAll
    static void closeIndexes() throws IOException {
        chat.close();
        standard.close();
    }

    @Test
    void theCorpusIsLargeEnoughToMeanSomething() {
        assertTrue(messages.size() >= 100, "messages: " + messages.size());
        assertTrue(searches.size() >= 40, "searches: " + searches.size());
        assertEquals(messages.size(), messages.stream().map(Message::id).distinct().count(), "duplicate message ids");
        Set<Long> ids = messages.stream().map(Message::id).collect(Collectors.toSet());
        for (Search search : searches) {
            assertTrue(ids.containsAll(search.expected()), () -> search.query() + " expects an id that is not in the corpus");
        }
    }

    /** The must-pass cases of Korean search, spelled out with the messages' text rather than ids. */
    @Test
    void aWordIsFoundWhateverParticleOrEndingFollowsIt() {
        Set<Long> seoul = chat.find("서울");
        assertTrue(seoul.contains(idOf("서울에서 만나요")), "서울 → 서울에서 만나요");
        assertTrue(seoul.contains(idOf("서울은 춥다")), "서울 → 서울은 춥다");
        assertFalse(seoul.contains(idOf("어제 서운했어요? 미안해요")), "서울 must not find 서운했어요");
        assertFalse(seoul.contains(idOf("서류는 내일까지 제출해 주세요")), "서울 must not find 서류");

        Set<Long> meeting = chat.find("회의");
        assertTrue(meeting.contains(idOf("내일 회의를 합시다")), "회의 → 내일 회의를 합시다");
        for (String unrelated : List.of("오늘 회식 장소는 강남역이에요", "회사 앞 편의점에서 봐요",
                "국회의원 선거 뉴스 봤어요?", "회계팀에 영수증 보냈어요", "의회에서 법안이 통과됐대요")) {
            assertFalse(meeting.contains(idOf(unrelated)), "회의 must not find " + unrelated);
        }
    }

    /** Every search not marked as a known miss finds exactly the messages it lists. */
    @TestFactory
    Stream<DynamicTest> eachSearchFindsExactlyTheExpectedMessages() {
        return searches.stream().filter(search -> !search.knownMiss()).map(search -> dynamicTest(search.query(),
                () -> assertEquals(search.expected(), chat.find(search.query()),
                        () -> search.query() + " (" + search.why() + ")\n" + describe(search, chat))));
    }

    /**
     * Micro-averaged over every search, known misses included (they are real misses): recall is
     * the share of expected messages found, precision the share of found messages expected.
     */
    @Test
    void koreanAnalysisFindsMoreThanSplittingOnSpacesWithoutAddingNoise() {
        Score chatScore = score(chat);
        Score standardScore = score(standard);

        System.out.printf(Locale.ROOT, "%nKorean corpus: %d messages, %d searches (%d known misses)%n",
                messages.size(), searches.size(), searches.stream().filter(Search::knownMiss).count());
        System.out.printf(Locale.ROOT, "%-18s %8s %6s %8s %7s %9s%n",
                "analyzer", "expected", "found", "correct", "recall", "precision");
        for (Score score : List.of(chatScore, standardScore)) {
            System.out.printf(Locale.ROOT, "%-18s %8d %6d %8d %7.3f %9.3f%n", score.analyzer(), score.expected(),
                    score.found(), score.correct(), score.recall(), score.precision());
        }
        System.out.println("Known misses of ChatAnalyzer (see queries.tsv):");
        searches.stream().filter(Search::knownMiss)
                .forEach(search -> System.out.println("  " + search.query() + ": " + describe(search, chat)));

        assertTrue(chatScore.recall() > standardScore.recall(),
                () -> "ChatAnalyzer recall " + chatScore.recall() + " is not above StandardAnalyzer's "
                        + standardScore.recall());
        assertTrue(chatScore.precision() >= MIN_PRECISION,
                () -> "ChatAnalyzer precision " + chatScore.precision() + " is below " + MIN_PRECISION);
    }

    record Score(String analyzer, int expected, int found, int correct) {

        double recall() {
            return expected == 0 ? 1 : (double) correct / expected;
        }

        double precision() {
            return found == 0 ? 1 : (double) correct / found;
        }
    }

    private static Score score(Index index) {
        int expected = 0;
        int found = 0;
        int correct = 0;
        for (Search search : searches) {
            Set<Long> hits = index.find(search.query());
            expected += search.expected().size();
            found += hits.size();
            correct += (int) hits.stream().filter(search.expected()::contains).count();
        }
        return new Score(index.name(), expected, found, correct);
    }

    /** What a search missed and what it found in excess, with the messages' text. */
    private static String describe(Search search, Index index) {
        Set<Long> found = index.find(search.query());
        Set<Long> missing = new TreeSet<>(search.expected());
        missing.removeAll(found);
        Set<Long> extra = new TreeSet<>(found);
        extra.removeAll(search.expected());
        return "expected " + search.expected() + ", found " + found
                + (missing.isEmpty() ? "" : "; missing " + texts(missing))
                + (extra.isEmpty() ? "" : "; not expected " + texts(extra));
    }

    private static String texts(Set<Long> ids) {
        return messages.stream().filter(message -> ids.contains(message.id()))
                .map(message -> message.id() + " " + message.text()).collect(Collectors.joining(" | ", "[", "]"));
    }

    private static long idOf(String text) {
        return messages.stream().filter(message -> message.text().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("not in the corpus: " + text)).id();
    }

    /** The message as the indexer sees it: one room, a few senders, one message a minute. */
    static MessageChange change(Message message) {
        Instant sent = FIRST_SENT.plus(Duration.ofMinutes(message.id()));
        return new MessageChange(message.id(), ROOM, message.id(), 1 + message.id() % 4, message.text(), sent,
                false, sent, List.of());
    }

    static Message message(String line) {
        String[] columns = line.split("\t", -1);
        if (columns.length != 2) {
            throw new IllegalArgumentException("messages.tsv wants id<TAB>text: " + line);
        }
        return new Message(Long.parseLong(columns[0].strip()), columns[1].strip());
    }

    static Search search(String line) {
        String[] columns = line.split("\t", -1);
        if (columns.length != 4 || !Set.of("exact", "miss").contains(columns[2])) {
            throw new IllegalArgumentException("queries.tsv wants query<TAB>ids<TAB>exact|miss<TAB>why: " + line);
        }
        Set<Long> expected = columns[1].equals("-") ? Set.of()
                : Arrays.stream(columns[1].split(",")).map(String::strip).map(Long::valueOf)
                        .collect(Collectors.toCollection(TreeSet::new));
        return new Search(columns[0], expected, columns[2].equals("miss"), columns[3]);
    }

    /** The data lines of a corpus file: not blank, not a # comment. */
    static List<String> lines(String name) {
        InputStream in = KoreanCorpusTest.class.getResourceAsStream(CORPUS + name);
        if (in == null) {
            throw new IllegalStateException("missing test resource " + CORPUS + name);
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, UTF_8))) {
            List<String> lines = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    lines.add(line);
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
