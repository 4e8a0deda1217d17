package dev.daehwa.interfaces.rest.json;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A message as one caller sees it. {@code html} is the content, which is Markdown, rendered and
 * sanitized; {@code snippet} its start on one line, as room lists show it (the server's rule, so no
 * client cuts text itself); {@code mayEdit} and {@code mayDelete} say what the caller may do to
 * it, so clients offer exactly what the server allows; {@code mentions} whom it mentions;
 * {@code replyTo} what it quotes of the message it answers;
 * {@code reactions} its emoji reactions as the caller sees them.
 */
public record MessageJson(long id, long roomId, long seq, UserJson sender,
                          @Schema(description = "The text as written: Markdown (CommonMark with ~~strikethrough~~)")
                          String content,
                          @Schema(description = "The content as HTML, the same the page and emails show: only p br strong"
                                  + " em del code pre blockquote ul ol li a and the mention span; links to http, https and"
                                  + " mailto only, with rel=\"noopener noreferrer nofollow\"; raw HTML in content shows as text;"
                                  + " headings render as bold paragraphs, images as links, one newline as <br />")
                          String html,
                          @Schema(description = "The start of the content on one line, for lists: whitespace runs as"
                                  + " one space, at most 80 characters (code points), then \"…\" if cut")
                          String snippet,
                          Instant createdAt, Instant editedAt, String clientMessageId,
                          @Schema(description = "Whether the caller may edit this message (its sender only)")
                          boolean mayEdit,
                          @Schema(description = "Whether the caller may delete this message (its sender, or the room's owner)")
                          boolean mayDelete,
                          @Schema(description = "The room's members the content mentions with @username, in the order"
                                  + " first mentioned; html shows each as <span class=\"mention\" data-user=\"ID\">@displayName</span>")
                          List<UserJson> mentions,
                          @Schema(description = "The message this one answers, or null when it answers none",
                                  nullable = true)
                          ReplyToJson replyTo,
                          @Schema(description = "The emoji members reacted with, in the order of each emoji's first"
                                  + " reaction; empty when nobody reacted")
                          List<ReactionJson> reactions) {
}
