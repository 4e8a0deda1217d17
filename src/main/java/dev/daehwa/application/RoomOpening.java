package dev.daehwa.application;

import dev.daehwa.domain.message.Message;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Opening a room in the web page: the room, its newest messages, where the unread ones begin, and
 * the read marker moved up to what is now on screen. One transaction, a constant number of
 * statements however long the history.
 */
@ApplicationScoped
@Transactional
public class RoomOpening {

    /** Enough history to fill a screen even when nothing is unread. */
    static final int MIN_PAGE = 50;
    /** Messages shown beyond the unread ones, so the divider has context above it. */
    static final int CONTEXT = 10;

    @Inject
    private RoomQueries queries;

    @Inject
    private MessageHistory history;

    @Inject
    private RoomService roomService;

    /** A message as one viewer sees it, with what they may do to it. */
    public record MessageView(Message message, boolean mine, boolean mayEdit, boolean mayDelete) {

        static MessageView of(Message message, long viewerId) {
            return new MessageView(message, message.isSentBy(viewerId), message.mayBeEditedBy(viewerId),
                    message.mayBeDeletedBy(viewerId));
        }
    }

    /**
     * @param firstUnreadSeq the seq of the first message that was unread when the room was opened,
     *                       or 0 if everything shown had been read
     */
    public record OpenedRoom(RoomView room, List<MessageView> messages, boolean hasOlder, long firstUnreadSeq) {
    }

    /** 404 unless the viewer is a member. */
    public OpenedRoom open(long viewerId, long roomId) {
        RoomView room = queries.room(viewerId, roomId);
        MessageHistory.Page page = history.page(viewerId, roomId, null, null, pageSize(room.unreadCount()));
        List<MessageView> messages = page.messages().stream().map(m -> MessageView.of(m, viewerId)).toList();
        long firstUnread = page.messages().stream()
                .filter(m -> m.seq() > room.lastReadSeq() && !m.isSentBy(viewerId))
                .mapToLong(Message::seq).findFirst().orElse(0);
        if (!page.messages().isEmpty()) {
            roomService.markRead(viewerId, roomId, page.messages().getLast().seq());
        }
        return new OpenedRoom(room, messages, page.hasMore(), firstUnread);
    }

    /**
     * Everything unread plus some context, so the "new messages" divider is on the page, but never
     * more than the history's page limit: past 190 unread the oldest of them are one "load older" away.
     */
    static int pageSize(long unread) {
        return (int) Math.max(MIN_PAGE, Math.min(MessageHistory.MAX_LIMIT, unread + CONTEXT));
    }
}
