package dev.daehwa.domain.message;

import java.time.Instant;
import java.util.List;

/**
 * The state of a message as an index needs it, read without the entity graph: enough to index
 * it again, or to drop it when it was deleted.
 *
 * @param mentionedIds the people the message mentions now (none once it is deleted)
 */
public record MessageChange(long id, long roomId, long seq, long senderId, String content, Instant createdAt,
                            boolean deleted, Instant changedAt, List<Long> mentionedIds) {

    public MessageChange {
        mentionedIds = List.copyOf(mentionedIds);
    }
}
