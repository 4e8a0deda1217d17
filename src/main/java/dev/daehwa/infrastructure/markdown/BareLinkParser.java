package dev.daehwa.infrastructure.markdown;

import dev.daehwa.domain.message.LinkScanner;
import java.util.Locale;
import java.util.Set;
import org.commonmark.node.Link;
import org.commonmark.node.Text;
import org.commonmark.parser.beta.InlineContentParser;
import org.commonmark.parser.beta.InlineContentParserFactory;
import org.commonmark.parser.beta.InlineParserState;
import org.commonmark.parser.beta.ParsedInline;
import org.commonmark.parser.beta.Position;
import org.commonmark.parser.beta.Scanner;

/**
 * Bare {@code http(s)} URLs as links, found while the Markdown is parsed and by
 * {@link LinkScanner}'s rules. Why during parsing and not afterwards on the text: a URL such as
 * {@code https://x.kr/_draft_/a} would otherwise lose its underscores to emphasis first.
 *
 * <p>Each {@code h} reads at most the eight characters of a scheme; only after a scheme is the
 * rest of the URL read, and then it is either taken as the link or holds no letter (so no other
 * scheme starts inside it): every character is read a bounded number of times.
 */
final class BareLinkParser implements InlineContentParser {

    static final InlineContentParserFactory FACTORY = new InlineContentParserFactory() {
        @Override
        public Set<Character> getTriggerCharacters() {
            return Set.of('h', 'H');
        }

        @Override
        public InlineContentParser create() {
            return new BareLinkParser();
        }
    };

    private static final int SCHEME_MAX = "https://".length();

    @Override
    public ParsedInline tryParse(InlineParserState state) {
        Scanner scanner = state.scanner();
        Position start = scanner.position();
        StringBuilder read = new StringBuilder();
        while (read.length() < SCHEME_MAX && scanner.hasNext() && scanner.peek() != '\n') {
            read.append(scanner.peek());
            scanner.next();
        }
        if (!startsWithScheme(read)) {
            scanner.setPosition(start);
            return ParsedInline.none();
        }
        while (scanner.hasNext() && !LinkScanner.endsUrl(scanner.peekCodePoint())) {
            int codePoint = scanner.peekCodePoint();
            if (codePoint == '(' && read.charAt(read.length() - 1) == ']') {
                // "[https://a](https://b)": the text of a Markdown link ends here, not the URL.
                read.setLength(read.length() - 1);
                break;
            }
            read.appendCodePoint(codePoint);
            for (int unit = 0; unit < Character.charCount(codePoint); unit++) {
                scanner.next();
            }
        }
        LinkScanner.Link link = LinkScanner.next(read, 0);
        scanner.setPosition(start);
        if (link == null || link.start() != 0) {
            return ParsedInline.none();
        }
        for (int i = 0; i < link.end(); i++) {
            scanner.next();
        }
        String url = read.substring(0, link.end());
        int schemeLength = link.schemeEnd();
        Link node = new Link(url.substring(0, schemeLength).toLowerCase(Locale.ROOT) + url.substring(schemeLength), null);
        node.appendChild(new Text(url));
        return ParsedInline.of(node, scanner.position());
    }

    private static boolean startsWithScheme(CharSequence read) {
        String lower = read.toString().toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }
}
