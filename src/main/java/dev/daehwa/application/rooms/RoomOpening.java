package dev.daehwa.application.rooms;

import dev.daehwa.application.messages.MessageDetails;
import dev.daehwa.application.messages.MessageDetailsReader;
import dev.daehwa.application.messages.MessageHistory;
import dev.daehwa.domain.message.Message;
import dev.daehwa.domain.room.UnreadCount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Opening a room in the web page: the room, its newest messages and where the unread ones begin.
 * Only reads: a GET must change nothing, so the page itself marks what it showed as read, with a
 * CSRF-protected request, once the messages are on screen. A constant number of statements
 * however long the history.
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
    private MessageDetailsReader details;

    /** A message as one viewer sees it, with what they may do to it and its details. */
    public record MessageView(Message message, boolean mine, boolean mayEdit, boolean mayDelete, MessageDetails details) {

        static MessageView of(Message message, long viewerId, MessageDetails details) {
            return new MessageView(message, message.isSentBy(viewerId), message.mayBeEditedBy(viewerId),
                    message.mayBeDeletedBy(viewerId), details);
        }
    }

    /** Messages shown before the one a search result points at, for context. */
    static final int BEFORE_FOCUS = 25;
    /** Messages shown from the one a search result points at onwards. */
    static final int FROM_FOCUS = 100;

    /**
     * @param firstUnreadSeq the seq of the first message that was unread when the room was opened,
     *                       or 0 if everything shown had been read
     * @param hasNewer       whether newer messages exist beyond the last one shown (only when opened
     *                       at a message far back in the history)
     * @param focusSeq       the seq of the message the room was opened at, or 0
     */
    public record OpenedRoom(RoomView room, List<MessageView> messages, boolean hasOlder, long firstUnreadSeq,
                             boolean hasNewer, long focusSeq) {
    }

    /** 404 unless the viewer is a member. */
    public OpenedRoom open(long viewerId, long roomId) {
        RoomView room = queries.roomToOpen(viewerId, roomId);
        MessageHistory.Page page = history.page(viewerId, roomId, null, null, pageSize(room.unread()));
        return opened(viewerId, room, page.messages(), page.hasMore(), false, 0);
    }

    /**
     * Opens the room at one message (a search result): some history before it, and from it on up
     * to {@link #FROM_FOCUS} messages. When that does not reach the newest message, the page says
     * so ({@code hasNewer}), so that it marks read only up to what it shows. 404 unless the
     * viewer is a member; a seq past the end opens the newest messages.
     */
    public OpenedRoom openAt(long viewerId, long roomId, long focusSeq) {
        RoomView room = queries.roomToOpen(viewerId, roomId);
        MessageHistory.Page before = history.page(viewerId, roomId, focusSeq, null, BEFORE_FOCUS);
        MessageHistory.Page from = history.page(viewerId, roomId, null, focusSeq - 1, FROM_FOCUS);
        List<Message> shown = new ArrayList<>(before.messages());
        shown.addAll(from.messages());
        return opened(viewerId, room, shown, before.hasMore(), from.hasMore(), focusSeq);
    }

    private OpenedRoom opened(long viewerId, RoomView room, List<Message> shown, boolean hasOlder, boolean hasNewer,
                              long focusSeq) {
        Map<Long, MessageDetails> detailsById = details.of(shown, viewerId);
        List<MessageView> messages = shown.stream()
                .map(m -> MessageView.of(m, viewerId, detailsById.getOrDefault(m.id(), MessageDetails.NONE)))
                .toList();
        long firstUnread = shown.stream()
                .filter(m -> m.seq() > room.lastReadSeq() && !m.isSentBy(viewerId))
                .mapToLong(Message::seq).findFirst().orElse(0);
        return new OpenedRoom(room, messages, hasOlder, firstUnread, hasNewer, focusSeq);
    }

    /**
     * Everything unread plus some context, so the "new messages" divider is on the page, but never
     * more than the history's page limit: past 190 unread the oldest of them are one "load older" away.
     */
    static int pageSize(UnreadCount unread) {
        long wanted = unread.capped() ? MessageHistory.MAX_LIMIT : unread.count() + CONTEXT;
        return (int) Math.max(MIN_PAGE, Math.min(MessageHistory.MAX_LIMIT, wanted));
    }
}
