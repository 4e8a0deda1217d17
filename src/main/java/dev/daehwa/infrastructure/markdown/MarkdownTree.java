package dev.daehwa.infrastructure.markdown;

import dev.daehwa.domain.message.Mentions;
import dev.daehwa.domain.message.PlainText;
import dev.daehwa.domain.user.PublicProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;

/**
 * Prepares a parsed message for rendering: cuts nesting deeper than {@link #MAX_NESTING} to
 * plain text, and turns {@code @username} of the mentioned people into mentions.
 *
 * <p>Every walk here is a loop over parent and sibling pointers, never recursion: a hostile
 * message of ten thousand {@code >} or {@code *} nests that deep, and the renderer, which does
 * recurse, only ever sees the cut tree.
 */
final class MarkdownTree {

    /** Quotes in lists in emphasis: deeper than this, nobody is writing a chat message. */
    static final int MAX_NESTING = 20;

    private MarkdownTree() {
    }

    static Node of(Node document, Map<String, PublicProfile> mentionedByKey) {
        cutDeepNesting(document);
        if (!mentionedByKey.isEmpty()) {
            for (Text text : textOutsideLinks(document)) {
                splitMentions(text, mentionedByKey);
            }
        }
        return document;
    }

    /** A mention of someone in the rendered tree, shown as their display name. */
    static final class Mention extends org.commonmark.node.CustomNode {
        final PublicProfile person;

        Mention(PublicProfile person) {
            this.person = person;
        }
    }

    private static void cutDeepNesting(Node document) {
        Node node = document.getFirstChild();
        int depth = 1;
        while (node != null) {
            if (depth == MAX_NESTING && node.getFirstChild() != null) {
                flatten(node);
            }
            if (node.getFirstChild() != null) {
                node = node.getFirstChild();
                depth++;
                continue;
            }
            while (node != document && node.getNext() == null) {
                node = node.getParent();
                depth--;
            }
            node = node == document ? null : node.getNext();
        }
    }

    /** Replaces everything under {@code node} with one text node of what it reads as. */
    private static void flatten(Node node) {
        String literal = PlainText.textOf(node);
        while (node.getFirstChild() != null) {
            node.getFirstChild().unlink();
        }
        node.appendChild(new Text(literal));
    }

    private static List<Text> textOutsideLinks(Node document) {
        List<Text> found = new ArrayList<>();
        Node node = document.getFirstChild();
        while (node != null) {
            boolean link = node instanceof Link || node instanceof Image;
            if (node instanceof Text text) {
                found.add(text);
            }
            if (!link && node.getFirstChild() != null) {
                node = node.getFirstChild();
                continue;
            }
            while (node != document && node.getNext() == null) {
                node = node.getParent();
            }
            node = node == document ? null : node.getNext();
        }
        return found;
    }

    /** Replaces the text node with text and mentions, in its place. */
    private static void splitMentions(Text text, Map<String, PublicProfile> mentionedByKey) {
        String literal = text.getLiteral();
        List<Mentions.Span> mentions = Mentions.spansIn(literal, mentionedByKey::containsKey);
        if (mentions.isEmpty()) {
            return;
        }
        List<Node> parts = new ArrayList<>();
        int from = 0;
        for (Mentions.Span mention : mentions) {
            addText(parts, literal, from, mention.start());
            parts.add(new Mention(mentionedByKey.get(mention.key())));
            from = mention.end();
        }
        addText(parts, literal, from, literal.length());
        for (Node part : parts) {
            text.insertBefore(part);
        }
        text.unlink();
    }

    private static void addText(List<Node> parts, String literal, int from, int to) {
        if (to > from) {
            parts.add(new Text(literal.substring(from, to)));
        }
    }
}
