package dev.daehwa.infrastructure.markdown;

import dev.daehwa.domain.message.LinkScanner;
import dev.daehwa.domain.user.PublicProfile;
import java.util.List;
import java.util.Map;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.PolicyFactory;

/**
 * Turns message content, which is Markdown (CommonMark, with {@code ~~strikethrough~~}), into
 * the HTML that every surface shows for it: the page, the API's {@code html}, live frames and
 * emails.
 *
 * <p>Why two libraries: commonmark-java parses and renders with raw HTML escaped as text, and
 * this renderer's own node renderers decide what each construct becomes (headings as bold
 * paragraphs, images as links, links only to {@code http}, {@code https} and {@code mailto}).
 * The result then goes through the OWASP sanitizer's allow-list ({@link MessageHtmlPolicy}), so
 * that a mistake in the first step still cannot put a script, a style or a {@code javascript:}
 * URL in front of a reader.
 *
 * <p>One newline is a line break, as people expect in a chat. Bare {@code http(s)} URLs become
 * links by {@link LinkScanner}'s rules ({@link BareLinkParser}) and {@code @username} of a
 * mentioned member becomes a mention ({@link MarkdownTree}). The cost stays linear in the text's length: the parser is
 * linear, the tree is cut at {@link MarkdownTree#MAX_NESTING} levels before anything recurses
 * over it, and the scanners read each character a bounded number of times.
 */
public class MessageRenderer {

    private static final List<Extension> EXTENSIONS =
            List.of(StrikethroughExtension.builder().requireTwoTildes(true).build());

    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS)
            .customInlineContentParserFactory(BareLinkParser.FACTORY).build();

    private static final HtmlRenderer HTML = HtmlRenderer.builder()
            .extensions(EXTENSIONS)
            .escapeHtml(true)
            .softbreak("<br>")
            .nodeRendererFactory(ChatNodeRenderer::new)
            .build();

    private static final PolicyFactory POLICY = MessageHtmlPolicy.POLICY;

    public MessageRenderer() {
    }

    /** The content as safe HTML, with no one mentioned. */
    public String render(String content) {
        return render(content, Map.of());
    }

    /**
     * The content as safe HTML.
     *
     * @param content the message text as the user typed it; {@code null} renders as nothing
     * @param mentionedByKey the people the message mentions, by {@link dev.daehwa.domain.user.User#keyOf}
     *        of their username: each {@code @username} of one of them is shown as a mention
     */
    public String render(String content, Map<String, PublicProfile> mentionedByKey) {
        if (content == null || content.isEmpty()) {
            return "";
        }
        Node document = MarkdownTree.of(PARSER.parse(content), mentionedByKey);
        return MessageHtmlPolicy.restoreInertCharacters(POLICY.sanitize(HTML.render(document))).stripTrailing();
    }

}
