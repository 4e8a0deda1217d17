package dev.daehwa.application.rooms;

import dev.daehwa.application.messages.MessageDetails;
import dev.daehwa.application.messages.MessageDetailsReader;
import dev.daehwa.domain.error.NotFoundException;
import dev.daehwa.domain.message.Message;
import dev.daehwa.domain.message.MessageRepository;
import dev.daehwa.domain.room.Membership;
import dev.daehwa.domain.room.Room;
import dev.daehwa.domain.room.RoomRepository;
import dev.daehwa.domain.room.UnreadCount;
import dev.daehwa.domain.user.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.LongPredicate;
import java.util.stream.Collectors;

/**
 * Reads rooms for display. The room list costs a fixed number of statements however many rooms
 * the user is in, and none grows with their history: memberships with rooms, all members, the
 * latest messages by the ids the rooms keep and their details, unread counts over each room's
 * newest messages, and unread mentions.
 */
@ApplicationScoped
@Transactional
public class RoomQueries {

    @Inject
    private RoomRepository rooms;

    @Inject
    private MessageRepository messages;

    @Inject
    private MessageDetailsReader details;

    /** My live rooms, most recent activity first. */
    public List<RoomView> roomsOf(long userId) {
        List<Membership> memberships = rooms.membershipsOf(userId);
        if (memberships.isEmpty()) {
            return List.of();
        }
        List<Long> roomIds = memberships.stream().map(m -> m.room().id()).toList();
        Map<Long, List<User>> members = rooms.membersOf(roomIds);
        Map<Long, Message> latest = latestMessagesOf(memberships.stream().map(Membership::room).toList());
        Map<Long, MessageDetails> latestDetails = details.of(latest.values(), userId);
        Map<Long, Long> unread = rooms.unreadCounts(userId);
        Map<Long, Long> mentions = rooms.unreadMentionCounts(userId);
        return memberships.stream()
                .map(m -> {
                    Message newest = latest.get(m.room().id());
                    return new RoomView(userId, m.room(), members.getOrDefault(m.room().id(), List.of()), newest,
                            detailsOf(newest, latestDetails),
                            UnreadCount.of(unread.getOrDefault(m.room().id(), 0L), m.lastReadSeq(), m.room().lastSeq()),
                            m.lastReadSeq(), mentions.getOrDefault(m.room().id(), 0L));
                })
                .toList();
    }

    /** Ids and names of the user's live rooms, for pickers; one light query. */
    public Map<Long, String> roomNamesOf(long userId) {
        return rooms.roomNamesOf(userId);
    }

    /** One room, if the user is a member; otherwise 404, as if it did not exist. */
    public RoomView room(long userId, long roomId) {
        return room(userId, roomId, true);
    }

    /**
     * The same for the room's page, without the newest message's details: the page shows that
     * message in its history, read with the details of all the others, so reading them again
     * here would only cost statements.
     */
    public RoomView roomToOpen(long userId, long roomId) {
        return room(userId, roomId, false);
    }

    private RoomView room(long userId, long roomId, boolean withLatestDetails) {
        Membership membership = rooms.findMembership(roomId, userId).orElseThrow(NotFoundException::room);
        Message newest = latestMessagesOf(List.of(membership.room())).get(roomId);
        return new RoomView(userId, membership.room(), rooms.membersOf(List.of(roomId)).getOrDefault(roomId, List.of()),
                newest, newest == null || !withLatestDetails ? MessageDetails.NONE : details.of(newest, userId),
                rooms.unreadCount(membership), membership.lastReadSeq(),
                // a direct room's mentions are its unread messages (RoomView): nothing more to count
                membership.room().isDirect() ? 0 : rooms.unreadMentionCount(membership));
    }

    /**
     * The room as each member {@code which} picks sees it, by user id: memberships with their
     * people, the newest message and every member's unread count, in three statements.
     */
    public Map<Long, RoomView> roomAsSeenByEach(long roomId, LongPredicate which) {
        List<Membership> memberships = rooms.membershipsIn(roomId);
        List<Membership> wanted = memberships.stream().filter(m -> which.test(m.user().id())).toList();
        if (wanted.isEmpty()) {
            return Map.of();
        }
        Room room = wanted.get(0).room();
        List<User> members = memberships.stream().map(Membership::user).toList();
        Message latest = latestMessagesOf(List.of(room)).get(roomId);
        Map<Long, MessageDetails> latestDetails = latest == null ? Map.of()
                : details.ofEach(latest, wanted.stream().map(m -> m.user().id()).toList());
        Map<Long, Long> unread = rooms.unreadCountsIn(roomId);
        Map<Long, Long> mentions = rooms.unreadMentionCountsIn(roomId);
        Map<Long, RoomView> views = new LinkedHashMap<>();
        for (Membership m : wanted) {
            long member = m.user().id();
            views.put(member, new RoomView(member, room, members, latest, latestDetails.getOrDefault(member, MessageDetails.NONE),
                    UnreadCount.of(unread.getOrDefault(member, 0L), m.lastReadSeq(), room.lastSeq()), m.lastReadSeq(),
                    mentions.getOrDefault(member, 0L)));
        }
        return views;
    }

    private static MessageDetails detailsOf(Message message, Map<Long, MessageDetails> details) {
        return message == null ? MessageDetails.NONE : details.getOrDefault(message.id(), MessageDetails.NONE);
    }

    private Map<Long, Message> latestMessagesOf(List<Room> shown) {
        List<Long> ids = shown.stream().map(Room::latestMessageId).filter(Objects::nonNull).toList();
        return messages.findVisible(ids).stream().collect(Collectors.toMap(Message::roomId, Function.identity()));
    }
}
