package dev.daehwa.domain.message;

import dev.daehwa.domain.user.AccountRules;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the places in message text that name someone with {@code @username}, in one pass over it.
 * A place is only a candidate: whether it is a mention depends on who is in the room
 * ({@link Mentions}).
 *
 * <p>The rules:
 * <ul>
 *   <li>the {@code @} starts the text or follows a character that cannot be part of an email
 *       address's local part or of a word, so {@code minji@example.com} and {@code a@b} name
 *       nobody, while {@code (@minji)} and {@code 안녕 @민지} do;</li>
 *   <li>an {@code @} inside a link ({@link LinkScanner}) names nobody;</li>
 *   <li>the name is the longest run of characters a username may hold (letters of any script,
 *       digits, {@code _ . -}) right after the {@code @}, read up to one character beyond the
 *       longest username; when that run names nobody, the same run without its trailing
 *       {@code .} and {@code -} is tried, which is how {@code @minji.} at the end of a sentence
 *       still names minji.</li>
 * </ul>
 * Each character is read a bounded number of times: once while looking for {@code @} and links,
 * and at most once more as part of a name.
 */
public final class MentionScanner {

    /**
     * A candidate: {@code [start, end)} is the {@code @} and the longest name read, and
     * {@code shortEnd} is where it ends without trailing {@code .} and {@code -}.
     */
    public record Candidate(int start, int end, int shortEnd) {
    }

    private MentionScanner() {
    }

    public static List<Candidate> scan(CharSequence text) {
        List<Candidate> found = new ArrayList<>();
        int length = text.length();
        LinkScanner.Link link = LinkScanner.next(text, 0);
        int at = 0;
        while (at < length) {
            if (link != null && at >= link.start()) {
                at = link.end();
                link = LinkScanner.next(text, at);
                continue;
            }
            if (text.charAt(at) == '@' && (at == 0 || !joinsTheAt(text, at - 1))) {
                int limit = link == null ? length : link.start();
                Candidate candidate = nameAfter(text, at, limit);
                if (candidate != null) {
                    found.add(candidate);
                    at = candidate.end();
                    continue;
                }
            }
            at++;
        }
        return found;
    }

    /** Whether the character before an {@code @} makes it part of a word or an address. */
    private static boolean joinsTheAt(CharSequence text, int before) {
        char c = text.charAt(before);
        if (Character.isLowSurrogate(c) && before > 0 && Character.isHighSurrogate(text.charAt(before - 1))) {
            return isNameCodePoint(Character.toCodePoint(text.charAt(before - 1), c));
        }
        return isNameCodePoint(c) || c == '@' || c == '+' || c == '%';
    }

    private static Candidate nameAfter(CharSequence text, int at, int limit) {
        int end = at + 1;
        int codePoints = 0;
        int shortEnd = end;
        while (end < limit && codePoints <= AccountRules.USERNAME_MAX) {
            int codePoint = Character.codePointAt(text, end);
            if (!isNameCodePoint(codePoint)) {
                break;
            }
            end += Character.charCount(codePoint);
            codePoints++;
            if (codePoint != '.' && codePoint != '-') {
                shortEnd = end;
            }
        }
        return shortEnd == at + 1 ? null : new Candidate(at, end, shortEnd);
    }

    /** The characters a username may hold ({@link AccountRules}). */
    static boolean isNameCodePoint(int codePoint) {
        return Character.isLetter(codePoint) || Character.isDigit(codePoint)
                || codePoint == '_' || codePoint == '.' || codePoint == '-';
    }
}
