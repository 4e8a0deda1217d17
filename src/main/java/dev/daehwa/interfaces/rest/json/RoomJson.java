package dev.daehwa.interfaces.rest.json;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record RoomJson(long id, String name, String description, UserJson owner, List<UserJson> members,
                       MessageJson latestMessage, long unreadCount, boolean unreadCountCapped, long lastReadSeq,
                       @Schema(description = "Unread messages in this room that mention the caller")
                       long mentionCount,
                       Instant createdAt, Instant updatedAt) {
}
