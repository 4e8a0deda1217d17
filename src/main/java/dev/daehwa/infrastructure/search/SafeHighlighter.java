package dev.daehwa.infrastructure.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.highlight.Encoder;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.InvalidTokenOffsetsException;
import org.apache.lucene.search.highlight.NullFragmenter;
import org.apache.lucene.search.highlight.QueryTermScorer;
import org.apache.lucene.search.highlight.SimpleHTMLFormatter;
import org.apache.lucene.search.highlight.SimpleFragmenter;
import org.owasp.encoder.Encode;

/**
 * Marks the words a search matched in a message's text. The text is analyzed again with the
 * index's analyzer, so {@code 서울에서} shows {@code <mark>서울</mark>에서}. Every piece of the text
 * goes through the same OWASP encoder as the message's {@code html} before {@code <mark>} is put
 * around the matches: {@code <mark>} is the only markup a highlight can contain.
 */
final class SafeHighlighter {

    /** Shorter texts are shown whole; longer ones are cut to their best passages. */
    static final int WHOLE_TEXT_LIMIT = 240;
    private static final int PASSAGE_LENGTH = 120;
    private static final int PASSAGES = 2;
    private static final String ELLIPSIS = " … ";

    private static final Encoder HTML = Encode::forHtml;
    private static final Pattern MARK_SEAM = Pattern.compile("</mark>([ \\t]*)<mark>");

    private final Analyzer analyzer;

    SafeHighlighter(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    /** @param words the query of the searched words, or null when only operators were used */
    String highlight(Query words, String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        if (words == null) {
            return opening(text);
        }
        // Terms, not spans: a span scorer builds an in-memory index of every result's text, which
        // the benchmark showed to be most of a search's allocation. The price is that the words of
        // a phrase are also marked where they stand apart in the same message.
        QueryTermScorer scorer = new QueryTermScorer(words, MessageFields.CONTENT);
        Highlighter highlighter = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), HTML, scorer);
        highlighter.setMaxDocCharsToAnalyze(text.length());
        boolean whole = text.length() <= WHOLE_TEXT_LIMIT;
        highlighter.setTextFragmenter(whole ? new NullFragmenter() : new SimpleFragmenter(PASSAGE_LENGTH));
        try {
            String[] passages = highlighter.getBestFragments(analyzer, MessageFields.CONTENT, text, whole ? 1 : PASSAGES);
            if (passages.length == 0) {
                return opening(text);
            }
            String joined = String.join(ELLIPSIS, passages).strip();
            // the terms of a phrase read better as one mark (only whitespace can lie between them)
            return MARK_SEAM.matcher(joined).replaceAll("$1");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InvalidTokenOffsetsException e) {
            return opening(text);
        }
    }

    /** The start of the text, escaped, when there is nothing to mark. */
    private static String opening(String text) {
        if (text.length() <= WHOLE_TEXT_LIMIT) {
            return Encode.forHtml(text);
        }
        int end = Character.isHighSurrogate(text.charAt(PASSAGE_LENGTH - 1)) ? PASSAGE_LENGTH - 1 : PASSAGE_LENGTH;
        return Encode.forHtml(text.substring(0, end)) + "…";
    }
}
