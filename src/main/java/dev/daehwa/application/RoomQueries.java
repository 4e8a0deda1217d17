package dev.daehwa.application;

import dev.daehwa.domain.error.NotFoundException;
import dev.daehwa.domain.message.Message;
import dev.daehwa.domain.message.MessageRepository;
import dev.daehwa.domain.room.Membership;
import dev.daehwa.domain.room.RoomRepository;
import dev.daehwa.domain.user.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;

/**
 * Reads rooms for display. The room list costs four statements however many rooms the user is
 * in: memberships with rooms, all members, all latest messages, all unread counts.
 */
@ApplicationScoped
@Transactional
public class RoomQueries {

    @Inject
    private RoomRepository rooms;

    @Inject
    private MessageRepository messages;

    /** My live rooms, most recent activity first. */
    public List<RoomView> roomsOf(long userId) {
        List<Membership> memberships = rooms.membershipsOf(userId);
        if (memberships.isEmpty()) {
            return List.of();
        }
        List<Long> roomIds = memberships.stream().map(m -> m.room().id()).toList();
        Map<Long, List<User>> members = rooms.membersOf(roomIds);
        Map<Long, Message> latest = messages.latestIn(roomIds);
        Map<Long, Long> unread = rooms.unreadCounts(userId);
        return memberships.stream()
                .map(m -> new RoomView(m.room(), members.getOrDefault(m.room().id(), List.of()),
                        latest.get(m.room().id()), unread.getOrDefault(m.room().id(), 0L), m.lastReadSeq()))
                .toList();
    }

    /** One room, if the user is a member; otherwise 404, as if it did not exist. */
    /** Ids and names of the user's live rooms, for pickers; one light query. */
    public Map<Long, String> roomNamesOf(long userId) {
        return rooms.roomNamesOf(userId);
    }

    public RoomView room(long userId, long roomId) {
        Membership membership = rooms.findMembership(roomId, userId).orElseThrow(NotFoundException::room);
        List<Long> ids = List.of(roomId);
        return new RoomView(membership.room(), rooms.membersOf(ids).getOrDefault(roomId, List.of()),
                messages.latestIn(ids).get(roomId),
                rooms.unreadCount(roomId, userId, membership.lastReadSeq()), membership.lastReadSeq());
    }
}
