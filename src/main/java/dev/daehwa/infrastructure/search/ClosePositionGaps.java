package dev.daehwa.infrastructure.search;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Closes the holes that dropped particles and endings leave between words. Lucene's stop filters
 * keep a removed token's position, which would make the phrase {@code "서울 추워요"} miss
 * {@code 서울은 추워요}: in Korean the particle is part of the word, not a word between them.
 */
final class ClosePositionGaps extends TokenFilter {

    private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);

    ClosePositionGaps(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        if (increment.getPositionIncrement() > 1) {
            increment.setPositionIncrement(1);
        }
        return true;
    }
}
