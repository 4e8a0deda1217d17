package dev.daehwa.domain.message;

/**
 * What a reply quotes of the message it answers: the start of its plain text on one line (runs
 * of whitespace as one space), at most {@value #LENGTH} code points, cut without a mark so that
 * clients may end it as they lay it out. Code points, as {@link Snippet} counts, so that a cut
 * never splits an emoji.
 *
 * <p>The only place that decides what a quote shows: the text cut is the content's
 * {@link PlainText}, so that a quote reads without the original's Markdown.
 */
public final class Excerpt {

    public static final int LENGTH = 100;

    private Excerpt() {
    }

    public static String of(String content) {
        return Snippet.first(Snippet.oneLine(PlainText.of(content)), LENGTH);
    }
}
