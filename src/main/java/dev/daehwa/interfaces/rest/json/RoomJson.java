package dev.daehwa.interfaces.rest.json;

import jakarta.json.bind.annotation.JsonbProperty;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record RoomJson(long id,
                       @Schema(description = "The room's name; for a direct room, the other person's display name")
                       String name, String description,
                       @Schema(description = "The owner; null for a direct room, which nobody owns")
                       UserJson owner, List<UserJson> members,
                       MessageJson latestMessage, long unreadCount, boolean unreadCountCapped, long lastReadSeq,
                       @Schema(description = "Unread messages in this room that mention the caller; in a direct room,"
                               + " every unread message")
                       long mentionCount,
                       Instant createdAt, Instant updatedAt,
                       @Schema(description = "group: a named room anyone in it may add people to;"
                               + " direct: the one conversation of the caller and one other person",
                               enumeration = {"group", "direct"})
                       String kind,
                       @JsonbProperty("with")
                       @Schema(name = "with", description = "For a direct room, the other person; null for a group room")
                       UserJson withUser) {
}
