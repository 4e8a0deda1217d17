package dev.daehwa.infrastructure.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Long punctuation runs cost nori up to 1,024 reads per character; the analyzer breaks them up
 * without changing a single term, position or offset.
 */
class BreakLongSymbolRunsTest {

    /** Analyzing a hostile run may cost at most this many times as much as ordinary chat of the same length. */
    private static final double COST_LIMIT = 4.0;
    private static final int LENGTH = 10_000;
    private static final String ORDINARY = "내일 서울에서 회의를 합시다. 자료는 https://x.kr/a 에 있어요! ";

    private final ChatAnalyzer analyzer = new ChatAnalyzer();
    private final LuceneQueries queries = new LuceneQueries(analyzer);
    private final SafeHighlighter highlighter = new SafeHighlighter(analyzer);

    record Token(String term, int position, int start, int end) {
    }

    private List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(MessageFields.CONTENT, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            int position = -1;
            while (stream.incrementToken()) {
                position += increment.getPositionIncrement();
                tokens.add(new Token(term.toString(), position, offset.startOffset(), offset.endOffset()));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }

    @ParameterizedTest
    @ValueSource(strings = {")", ".", ",", "(", "!?", ". ", "「」", "！", "…", "-", "★", ")]}", "\u3000."})
    void aLongRunChangesNoTermPositionOrOffset(String symbols) {
        String shortRun = "서울" + symbols + "회의를 meetings" + symbols;
        String run = symbols.repeat(LENGTH / symbols.length());
        String longRun = "서울" + run + "회의를 meetings" + run;
        List<Token> expected = tokens(shortRun);
        assertTrue(expected.stream().map(Token::term).toList().containsAll(List.of("서울", "회의", "meeting")), expected::toString);
        int shift = run.length() - symbols.length();
        List<Token> moved = expected.stream().map(t -> t.start() == 0 ? t
                : new Token(t.term(), t.position(), t.start() + shift, t.end() + shift)).toList();
        assertEquals(moved, tokens(longRun));
    }

    @Test
    void emojiAroundALongRunStayTerms() {
        List<Token> expected = tokens("😀.😀서울");
        int shift = 4_999;
        List<Token> moved = expected.stream().map(t -> t.start() == 0 ? t
                : new Token(t.term(), t.position(), t.start() + shift, t.end() + shift)).toList();
        assertEquals(moved, tokens("😀" + ".".repeat(5_000) + "😀서울"));
        assertEquals("😀", expected.get(1).term());
    }

    @Test
    void theFilterReplacesOneCharacterByOneAndNeverSplitsAPair() throws IOException {
        String text = "a" + ".".repeat(40) + "😀".repeat(40) + ",".repeat(40) + "b";
        try (BreakLongSymbolRuns filter = new BreakLongSymbolRuns(new StringReader(text))) {
            char[] buffer = new char[text.length() + 10];
            int read = 0;
            for (int n; (n = filter.read(buffer, read, 7)) > 0; ) { // small reads: the run is counted across them
                read += n;
            }
            String filtered = new String(buffer, 0, read);
            assertEquals(text.length(), filtered.length());
            assertTrue(filtered.indexOf('\n') > 0, filtered);
            for (int i = 0; i < text.length(); i++) {
                char was = text.charAt(i);
                boolean mayChange = was == '.' || was == ',';
                assertTrue(filtered.charAt(i) == was || mayChange && filtered.charAt(i) == '\n', "at " + i + ": " + filtered);
            }
        }
    }

    @Test
    void marksStillLandOnTheirWordsAfterALongRun() {
        String text = ")".repeat(3_000) + "서울에서 " + ".".repeat(3_000) + " 서울";
        String html = highlighter.highlight(queries.words(List.of("서울")), text);
        assertTrue(html.contains("<mark>서울</mark>에서"), html);
        List<String> marked = Jsoup.parseBodyFragment(html).select("mark").eachText();
        assertTrue(!marked.isEmpty() && marked.stream().allMatch("서울"::equals), html);
    }

    @ParameterizedTest
    @ValueSource(strings = {")", ".", "!?.,", "「」", ". "})
    void aHostileRunCostsNoMoreThanOrdinaryChat(String symbols) {
        String hostile = "서울" + symbols.repeat(LENGTH / symbols.length());
        String ordinary = ORDINARY.repeat(LENGTH / ORDINARY.length() + 1).substring(0, hostile.length());
        var words = queries.words(List.of("서울"));
        for (int warmUp = 0; warmUp < 3; warmUp++) {
            tokens(hostile);
            tokens(ordinary);
        }
        long hostileNanos = Long.MAX_VALUE;
        long ordinaryNanos = Long.MAX_VALUE;
        for (int round = 0; round < 5; round++) { // the fastest of five: what the work costs, not what the machine did meanwhile
            long start = System.nanoTime();
            tokens(hostile);
            highlighter.highlight(words, hostile);
            long middle = System.nanoTime();
            tokens(ordinary);
            highlighter.highlight(words, ordinary);
            long end = System.nanoTime();
            hostileNanos = Math.min(hostileNanos, middle - start);
            ordinaryNanos = Math.min(ordinaryNanos, end - middle);
        }
        double ratio = (double) hostileNanos / ordinaryNanos;
        String figures = hostileNanos / 1_000 + " µs against " + ordinaryNanos / 1_000 + " µs";
        assertTrue(ratio <= COST_LIMIT, () -> symbols + " run cost " + ratio + " times ordinary chat (" + figures + ")");
    }
}
