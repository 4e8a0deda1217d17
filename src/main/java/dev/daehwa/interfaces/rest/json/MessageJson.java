package dev.daehwa.interfaces.rest.json;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A message as one caller sees it. {@code html} is the content rendered safely, with clickable
 * links; {@code snippet} its start on one line, as room lists show it (the server's rule, so no
 * client cuts text itself); {@code mayEdit} and {@code mayDelete} say what the caller may do to
 * it, so clients offer exactly what the server allows; {@code mentions} whom it mentions;
 * {@code reactions} its emoji reactions as the caller sees them.
 */
public record MessageJson(long id, long roomId, long seq, UserJson sender, String content, String html,
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
                          @Schema(description = "The emoji members reacted with, in the order of each emoji's first"
                                  + " reaction; empty when nobody reacted")
                          List<ReactionJson> reactions) {
}
