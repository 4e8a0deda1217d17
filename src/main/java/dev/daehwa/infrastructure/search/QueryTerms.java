package dev.daehwa.infrastructure.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * How a typed word or quoted phrase becomes the terms that must match, in order, for every
 * engine. Each space-separated word is analyzed on its own, as the user typed it: analyzed
 * together, nori reads a phrase such as {@code 서울 춥다} as one proper noun instead of
 * 서울 + 춥(다).
 */
final class QueryTerms {

    /** One analyzed term and its place in the phrase (a stacked term shares its place). */
    record Term(String text, int position) {
    }

    private final Analyzer analyzer;

    QueryTerms(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    /** The terms of {@code text} in order; empty when every word analyzed to nothing. */
    List<Term> of(String text) {
        List<Term> terms = new ArrayList<>();
        int position = -1;
        for (String word : text.strip().split("\\s+")) {
            try (TokenStream tokens = analyzer.tokenStream(MessageFields.CONTENT, word)) {
                CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
                PositionIncrementAttribute increment = tokens.addAttribute(PositionIncrementAttribute.class);
                tokens.reset();
                while (tokens.incrementToken()) {
                    // one position per term (gaps are closed by the analyzer), a stacked term keeps its place
                    position += Math.min(1, increment.getPositionIncrement());
                    terms.add(new Term(term.toString(), Math.max(0, position)));
                }
                tokens.end();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return terms;
    }
}
