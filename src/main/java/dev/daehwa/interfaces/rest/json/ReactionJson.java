package dev.daehwa.interfaces.rest.json;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One emoji's reactions to a message, as the caller sees them. */
public record ReactionJson(
        @Schema(description = "One emoji (a Unicode emoji sequence, skin tone included)", example = "👍")
        String emoji,
        @Schema(description = "How many members reacted with it")
        int count,
        @Schema(description = "Whether the caller is one of them")
        boolean me,
        @Schema(description = "The first members who reacted with it, in the order they did, at most 10; count tells the rest")
        List<UserJson> reactors) {
}
