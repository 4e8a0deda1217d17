package dev.daehwa.infrastructure.markdown;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * What the chat makes of the Markdown constructs it treats its own way: a heading is a bold
 * paragraph (a message is not a document), an image is a link to it (nothing loads from a
 * stranger's server when a room is opened), a link goes only to {@code http}, {@code https} or
 * {@code mailto} and never carries a title, and a mention is the mentioned person's span.
 */
final class ChatNodeRenderer implements NodeRenderer {

    private final HtmlNodeRendererContext context;
    private final HtmlWriter html;

    ChatNodeRenderer(HtmlNodeRendererContext context) {
        this.context = context;
        this.html = context.getWriter();
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
        return Set.of(Heading.class, Image.class, Link.class, MarkdownTree.Mention.class);
    }

    @Override
    public void render(Node node) {
        switch (node) {
            case Heading heading -> {
                html.line();
                html.tag("p");
                html.tag("strong");
                renderChildren(heading);
                html.tag("/strong");
                html.tag("/p");
                html.line();
            }
            case Image image -> link(image.getDestination(), image);
            case Link link -> link(link.getDestination(), link);
            case MarkdownTree.Mention mention -> {
                Map<String, String> attributes = new LinkedHashMap<>();
                attributes.put("class", "mention");
                attributes.put("data-user", Long.toString(mention.person.id()));
                html.tag("span", attributes);
                html.text("@" + mention.person.displayName());
                html.tag("/span");
            }
            default -> renderChildren(node);
        }
    }

    /** A link where the destination is one a reader may follow; otherwise just its text. */
    private void link(String destination, Node node) {
        if (!followable(destination) || insideALink(node)) {
            renderChildren(node);
            return;
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("href", context.encodeUrl(destination));
        attributes.put("rel", MessageHtmlPolicy.LINK_REL);
        html.tag("a", attributes);
        renderChildren(node);
        html.tag("/a");
    }

    /** {@code http:}, {@code https:} or {@code mailto:} as typed, any case: nothing relative or hidden. */
    static boolean followable(String destination) {
        if (destination == null) {
            return false;
        }
        int colon = destination.indexOf(':');
        if (colon < 0) {
            return false;
        }
        String scheme = destination.substring(0, colon).toLowerCase(Locale.ROOT);
        return scheme.equals("http") || scheme.equals("https") || scheme.equals("mailto");
    }

    /** A URL in a link's text is part of the text: links do not nest. */
    private static boolean insideALink(Node node) {
        for (Node parent = node.getParent(); parent != null; parent = parent.getParent()) {
            if (parent instanceof Link || parent instanceof Image) {
                return true;
            }
        }
        return false;
    }

    private void renderChildren(Node parent) {
        Node child = parent.getFirstChild();
        while (child != null) {
            Node next = child.getNext();
            context.render(child);
            child = next;
        }
    }
}
