package dev.daehwa.domain.message;

import java.util.List;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.node.Block;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/**
 * What a message reads as without its formatting: the words of its Markdown, for the one-line
 * snippets of room lists and the excerpts that replies quote. {@code **회의**} reads as 회의,
 * {@code [회의록](https://…)} as 회의록, code as its text, and each block starts a new line.
 *
 * <p>Text without any character that Markdown gives a meaning to is its own plain text and is
 * not parsed at all, which is most chat messages. Otherwise the parse is linear and the walk
 * over the tree is a loop, never recursion, however deeply the text nests.
 */
public final class PlainText {

    private static final Parser PARSER = Parser.builder()
            .extensions(List.of(StrikethroughExtension.builder().requireTwoTildes(true).build())).build();

    /** Characters that may start or end Markdown inline syntax, or an entity or escape. */
    private static final String INLINE_MARKS = "*_~`[]<>!&\\";

    private PlainText() {
    }

    public static String of(String content) {
        if (content == null || content.isEmpty()) {
            return "";
        }
        if (!mayBeFormatted(content)) {
            return content;
        }
        return textOf(PARSER.parse(content));
    }

    /** Whether any character or line start of the text could be Markdown; a linear scan. */
    static boolean mayBeFormatted(String content) {
        boolean lineStart = true;
        for (int i = 0; i < content.length(); i++) {
            char c = content.charAt(i);
            if (INLINE_MARKS.indexOf(c) >= 0) {
                return true;
            }
            if (lineStart && (c == '#' || c == '>' || c == '-' || c == '+' || c == '=' || c == '|'
                    || c == ' ' || c == '\t' || Character.isDigit(c))) {
                return true;
            }
            lineStart = c == '\n' || c == '\r';
        }
        return false;
    }

    /** The plain text of everything under {@code root} of a parsed message, read in a loop. */
    public static String textOf(Node root) {
        StringBuilder text = new StringBuilder();
        Node node = root.getFirstChild();
        while (node != null) {
            if (node instanceof Block && !text.isEmpty() && text.charAt(text.length() - 1) != '\n') {
                text.append('\n');
            }
            String literal = literalOf(node);
            if (literal != null) {
                text.append(literal);
            }
            if (node.getFirstChild() != null) {
                node = node.getFirstChild();
                continue;
            }
            while (node != root && node.getNext() == null) {
                node = node.getParent();
            }
            node = node == root ? null : node.getNext();
        }
        return text.toString().strip();
    }

    private static String literalOf(Node node) {
        return switch (node) {
            case Text text -> text.getLiteral();
            case Code code -> code.getLiteral();
            case FencedCodeBlock block -> block.getLiteral();
            case IndentedCodeBlock block -> block.getLiteral();
            case HtmlInline html -> html.getLiteral();
            case HtmlBlock html -> html.getLiteral();
            case SoftLineBreak ignored -> "\n";
            case HardLineBreak ignored -> "\n";
            default -> null;
        };
    }
}
