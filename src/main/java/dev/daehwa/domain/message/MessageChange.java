package dev.daehwa.domain.message;

import java.time.Instant;

/**
 * The state of a message as an index needs it, read without the entity graph: enough to index
 * it again, or to drop it when it was deleted.
 */
public record MessageChange(long id, long roomId, long seq, long senderId, String content, Instant createdAt,
                            boolean deleted, Instant changedAt) {
}
