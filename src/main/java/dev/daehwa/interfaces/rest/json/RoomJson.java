package dev.daehwa.interfaces.rest.json;

import java.time.Instant;
import java.util.List;

public record RoomJson(long id, String name, String description, UserJson owner, List<UserJson> members,
                       MessageJson latestMessage, long unreadCount, boolean unreadCountCapped, long lastReadSeq,
                       Instant createdAt, Instant updatedAt) {
}
