package dev.daehwa.domain.message;

/**
 * The start of a message on one line, as lists show the latest message: its plain text
 * ({@link PlainText}, without the Markdown), runs of whitespace as one space, and past {@value #LENGTH} code points the text is cut and ends with "…".
 * Counted in code points, as the content's limit is, so a cut never splits a surrogate pair
 * (an emoji) and a Korean snippet is as long as an English one.
 */
public final class Snippet {

    public static final int LENGTH = 80;

    private Snippet() {
    }

    public static String of(String content) {
        String oneLine = oneLine(PlainText.of(content));
        return oneLine.codePointCount(0, oneLine.length()) <= LENGTH ? oneLine : first(oneLine, LENGTH) + "…";
    }

    static String oneLine(String content) {
        return content.replaceAll("\\s+", " ").strip();
    }

    /** At most the first {@code codePoints} code points of the text. */
    static String first(String text, int codePoints) {
        return text.codePointCount(0, text.length()) <= codePoints ? text
                : text.substring(0, text.offsetByCodePoints(0, codePoints));
    }
}
