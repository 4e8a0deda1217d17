package dev.daehwa.infrastructure.search;

import java.io.IOException;
import java.io.Reader;
import org.apache.lucene.analysis.CharFilter;

/**
 * Puts a line break into every long run of punctuation, symbols and spaces, before nori reads the
 * text.
 *
 * <p>Why: for punctuation its dictionary knows ({@code . , ( ) ! ?} and the like), nori considers
 * at every position an unknown word reaching up to 1,024 characters ahead, so a run of them costs
 * up to 1,024 reads per character, many times what as much Korean costs. Spaces do not end such a run for nori; a line break does. A run is what nori
 * calls punctuation (the same character types), which it discards, and a line break is one of
 * them: the terms and their positions stay what they were, and as one character is replaced by
 * one, no offset moves and highlights land where they did. A supplementary character (an emoji)
 * is a term for nori, so it ends a run and is never touched.
 */
final class BreakLongSymbolRuns extends CharFilter {

    /** The longest run nori sees; far beyond any punctuation in real text, and cheap to scan. */
    static final int LONGEST_RUN = 32;

    private int run;

    BreakLongSymbolRuns(Reader in) {
        super(in);
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int read = input.read(buffer, offset, length);
        for (int i = offset; i < offset + read; i++) {
            if (!isPunctuationForNori(buffer[i])) {
                run = 0;
            } else if (++run >= LONGEST_RUN) {
                buffer[i] = '\n';
                run = 0;
            }
        }
        return read;
    }

    /** The character types nori's tokenizer treats as punctuation (and discards). */
    private static boolean isPunctuationForNori(char c) {
        return switch (Character.getType(c)) {
            case Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.CONTROL, Character.FORMAT, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                 Character.END_PUNCTUATION, Character.CONNECTOR_PUNCTUATION, Character.OTHER_PUNCTUATION,
                 Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL, Character.MODIFIER_SYMBOL,
                 Character.OTHER_SYMBOL, Character.INITIAL_QUOTE_PUNCTUATION,
                 Character.FINAL_QUOTE_PUNCTUATION -> true;
            default -> false;
        };
    }

    @Override
    protected int correct(int offset) {
        return offset;
    }
}
