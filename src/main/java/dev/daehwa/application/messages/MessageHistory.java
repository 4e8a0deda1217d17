package dev.daehwa.application.messages;

import dev.daehwa.domain.error.FieldRefusal;
import dev.daehwa.domain.error.InvalidInputException;
import dev.daehwa.domain.error.NotFoundException;
import dev.daehwa.domain.message.Message;
import dev.daehwa.domain.message.MessageRepository;
import dev.daehwa.domain.room.RoomRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Pages through a room's history by seq, the cursor that stays stable while people post. */
@ApplicationScoped
@Transactional
public class MessageHistory {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    @Inject
    private RoomRepository rooms;

    @Inject
    private MessageRepository messages;

    /** Messages ascending by seq, and whether more exist beyond the page in the paging direction. */
    public record Page(List<Message> messages, boolean hasMore) {
    }

    /** Without a cursor, the newest page; {@code before} pages back, {@code after} pages forward. */
    public Page page(long userId, long roomId, Long before, Long after, Integer limit) {
        if (before != null && after != null) {
            throw InvalidInputException.of(FieldRefusal.BEFORE_WITH_AFTER, "Use either before or after, not both.");
        }
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw InvalidInputException.of(FieldRefusal.LIMIT_OUT_OF_RANGE, "limit must be between 1 and 200.");
        }
        rooms.findMembership(roomId, userId).orElseThrow(NotFoundException::room);
        if (after != null) {
            List<Message> found = messages.pageAfter(roomId, after, size + 1);
            return new Page(found.subList(0, Math.min(size, found.size())), found.size() > size);
        }
        List<Message> found = messages.pageBefore(roomId, before == null ? Long.MAX_VALUE : before, size + 1);
        List<Message> page = new ArrayList<>(found.subList(0, Math.min(size, found.size())));
        Collections.reverse(page);
        return new Page(page, found.size() > size);
    }
}
