package dev.daehwa.domain.message;

/**
 * Finds the http(s) links in message text, in one pass over it.
 *
 * <p>Why by hand and not a regular expression plus a trimming loop: message text is hostile input,
 * and the first renderer dropped each unbalanced closing bracket by counting the brackets of the
 * whole URL again, so {@code http://a} followed by 10,000 {@code )} cost 10,000 scans of the URL.
 * Here every character is read a bounded number of times: once to look for a scheme, once as part
 * of a URL, and at most once more when it is trimmed off the end. The brackets are counted as the
 * URL is read, and the counts follow the trimming.
 *
 * <p>The rules are the original chat's {@code http(s)?://(\S+)}, with the scheme ASCII
 * case-insensitive, and:
 * <ul>
 *   <li>the URL stops at {@code < > "} and at any Unicode separator or "other" (control, format,
 *       surrogate, private-use, unassigned) character, so that an ideographic space or a
 *       right-to-left override ends a link instead of hiding inside it;</li>
 *   <li>trailing punctuation ({@code .,!?;:'}) usually ends the sentence around a link rather than
 *       the link, and is left out;</li>
 *   <li>a closing bracket at the end stays only while it balances an opening one of its kind
 *       inside the URL ({@code Foo_(bar)} keeps its {@code )}, {@code (see https://x.com/a)} does not);</li>
 *   <li>a URL with no letter or digit after the scheme is not a link.</li>
 * </ul>
 */
public final class LinkScanner {

    /** Where a link is: {@code [start, end)}, of which {@code [start, schemeEnd)} is its scheme and {@code ://}. */
    public record Link(int start, int schemeEnd, int end) {
    }

    private static final String TRAILING_PUNCTUATION = ".,!?;:'";
    private static final String OPENERS = "([{";
    private static final String CLOSERS = ")]}";

    private LinkScanner() {
    }

    /** Whether the text holds at least one link ({@code has:link} in search). */
    public static boolean containsLink(CharSequence text) {
        return text != null && next(text, 0) != null;
    }

    /** The first link that starts at or after {@code from}, or null. */
    public static Link next(CharSequence text, int from) {
        int length = text.length();
        int at = from;
        while (at < length) {
            int schemeEnd = schemeEnd(text, at);
            if (schemeEnd < 0) {
                at++;
                continue;
            }
            Link link = urlAt(text, at, schemeEnd);
            if (link != null) {
                return link;
            }
            // Not usable: what follows the scheme has no letter, so no other scheme starts in it
            // either, and looking for one there reads each of its characters once more.
            at = schemeEnd;
        }
        return null;
    }

    /**
     * Where {@code http://} or {@code https://} (ASCII letters in any case) that starts at
     * {@code at} ends, or -1. Reads at most eight characters.
     */
    private static int schemeEnd(CharSequence text, int at) {
        int length = text.length();
        if (at + 7 > length || !asciiLetter(text.charAt(at), 'h') || !asciiLetter(text.charAt(at + 1), 't')
                || !asciiLetter(text.charAt(at + 2), 't') || !asciiLetter(text.charAt(at + 3), 'p')) {
            return -1;
        }
        int colon = asciiLetter(text.charAt(at + 4), 's') ? at + 5 : at + 4;
        if (colon + 3 > length || text.charAt(colon) != ':' || text.charAt(colon + 1) != '/'
                || text.charAt(colon + 2) != '/') {
            return -1;
        }
        return colon + 3;
    }

    private static boolean asciiLetter(char c, char lowerCase) {
        return c == lowerCase || c == lowerCase - ('a' - 'A');
    }

    /**
     * The link whose scheme is {@code [start, schemeEnd)}, ending where trailing punctuation and
     * unbalanced closing brackets begin; null when nothing usable follows the scheme.
     */
    private static Link urlAt(CharSequence text, int start, int schemeEnd) {
        int length = text.length();
        int[] opened = new int[OPENERS.length()];
        int[] closed = new int[CLOSERS.length()];
        boolean letterOrDigit = false;
        int end = schemeEnd;
        while (end < length) {
            char c = text.charAt(end);
            int codePoint = c;
            int width = 1;
            if (Character.isHighSurrogate(c) && end + 1 < length && Character.isLowSurrogate(text.charAt(end + 1))) {
                codePoint = Character.toCodePoint(c, text.charAt(end + 1));
                width = 2;
            }
            if (endsUrl(codePoint)) {
                break;
            }
            letterOrDigit |= Character.isLetterOrDigit(codePoint);
            count(c, OPENERS, opened);
            count(c, CLOSERS, closed);
            end += width;
        }
        while (end > schemeEnd) {
            char last = text.charAt(end - 1);
            int closer = CLOSERS.indexOf(last);
            boolean trailing = TRAILING_PUNCTUATION.indexOf(last) >= 0 || closer >= 0 && opened[closer] < closed[closer];
            if (!trailing) {
                break;
            }
            if (closer >= 0) {
                closed[closer]--;
            }
            end--;
        }
        // What was trimmed holds no letter or digit, so the link has one if the URL had one.
        return letterOrDigit ? new Link(start, schemeEnd, end) : null;
    }

    private static void count(char c, String brackets, int[] counts) {
        int kind = brackets.indexOf(c);
        if (kind >= 0) {
            counts[kind]++;
        }
    }

    /** Whether the character cannot be part of a URL: it ends one before it. */
    public static boolean endsUrl(int codePoint) {
        if (codePoint == '<' || codePoint == '>' || codePoint == '"') {
            return true;
        }
        return switch (Character.getType(codePoint)) {
            case Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                 Character.UNASSIGNED -> true;
            default -> false;
        };
    }
}
