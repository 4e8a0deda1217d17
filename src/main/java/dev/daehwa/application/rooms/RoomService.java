package dev.daehwa.application.rooms;

import dev.daehwa.application.events.ChatEvent;
import dev.daehwa.domain.error.FieldRefusal;
import dev.daehwa.domain.error.InvalidInputException;
import dev.daehwa.domain.error.NotFoundException;
import dev.daehwa.domain.room.DirectRoomOpenedMeanwhile;
import dev.daehwa.domain.room.Membership;
import dev.daehwa.domain.room.Room;
import dev.daehwa.domain.room.RoomRepository;
import dev.daehwa.domain.user.User;
import dev.daehwa.domain.user.UserRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Changes to rooms and their membership. Every method first finds the caller's membership: a
 * caller who is not a member gets the same 404 as for a room that does not exist.
 */
@ApplicationScoped
@Transactional
public class RoomService {

    @Inject
    private RoomRepository rooms;

    @Inject
    private UserRepository users;

    @Inject
    private Clock clock;

    @Inject
    private Event<ChatEvent> events;

    /** Opens a room owned by the caller, with the named people as its first members. */
    public long create(long ownerId, String name, String description, Collection<String> memberUsernames) {
        Room.checkNewRoom(name, description);
        User owner = users.get(ownerId);
        Set<String> wanted = memberUsernames == null ? Set.of() : memberUsernames.stream()
                .filter(u -> u != null && !u.isBlank())
                .map(User::keyOf)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        List<User> found = users.findByUsernames(wanted);
        Set<String> foundKeys = found.stream().map(u -> User.keyOf(u.username())).collect(Collectors.toSet());
        List<String> unknown = wanted.stream().filter(k -> !foundKeys.contains(k)).toList();
        if (!unknown.isEmpty()) {
            throw InvalidInputException.of(FieldRefusal.MEMBERS_UNKNOWN_USER,
                    "No such user: " + String.join(", ", unknown) + ".");
        }
        Instant now = Instant.now(clock);
        Room room = Room.open(name, description, owner, now);
        rooms.store(room);
        rooms.store(Membership.join(room, owner, now));
        found.stream().filter(u -> !u.id().equals(ownerId))
                .forEach(u -> rooms.store(Membership.join(room, u, now)));
        events.fire(new ChatEvent.RoomChanged(room.id()));
        return room.id();
    }

    /** The direct room of the caller and another person, and whether this call opened it. */
    public record DirectRoom(long roomId, boolean opened) {
    }

    /**
     * Finds the caller's direct room with the named person, or opens it. Two first calls at once
     * both miss it and both store one; the room's unique key refuses the second
     * ({@link DirectRoomOpenedMeanwhile}), and {@link DirectRooms} asks again.
     */
    public DirectRoom openDirect(long callerId, String username) {
        if (username == null || username.isBlank()) {
            throw InvalidInputException.of(FieldRefusal.USERNAME_REQUIRED, "username is required.");
        }
        User other = users.findByUsername(username).orElseThrow(() -> NotFoundException.user(username));
        Optional<Room> existing = rooms.findDirect(Room.directKey(callerId, other.id()));
        if (existing.isPresent()) {
            return new DirectRoom(existing.get().id(), false);
        }
        Instant now = Instant.now(clock);
        Room room = Room.direct(users.get(callerId), other, now);
        rooms.storeDirect(room);
        rooms.store(Membership.join(room, room.owner(), now));
        rooms.store(Membership.join(room, other, now));
        events.fire(new ChatEvent.RoomChanged(room.id()));
        return new DirectRoom(room.id(), true);
    }

    public void update(long actorId, long roomId, String name, String description) {
        Room room = membership(actorId, roomId).room();
        room.checkOwner(actorId, "change the room");
        Instant now = Instant.now(clock);
        if (name != null) {
            room.rename(name, now);
        }
        if (description != null) {
            room.describe(description, now);
        }
        events.fire(new ChatEvent.RoomChanged(roomId));
    }

    public void archive(long actorId, long roomId) {
        Room room = membership(actorId, roomId).room();
        room.checkOwner(actorId, "archive the room");
        Set<Long> members = rooms.membersOf(List.of(roomId)).getOrDefault(roomId, List.of()).stream()
                .map(User::id).collect(Collectors.toSet());
        room.archive(Instant.now(clock));
        events.fire(new ChatEvent.RoomArchived(roomId, members));
    }

    /**
     * Any member may add people; adding someone who is already in the room changes nothing. The
     * room row is locked, once the actor is known to be a member, so that two people adding the
     * same person at once cannot both insert a membership (the second would hit the unique
     * constraint and fail).
     */
    public void addMember(long actorId, long roomId, String username) {
        Room room = rooms.lock(membership(actorId, roomId).room()).orElseThrow(NotFoundException::room);
        room.checkMembersMayChange();
        User user = users.findByUsername(username == null ? "" : username)
                .orElseThrow(() -> NotFoundException.user(username));
        if (rooms.findMembership(roomId, user.id()).isEmpty()) {
            rooms.store(Membership.join(room, user, Instant.now(clock)));
            events.fire(new ChatEvent.RoomChanged(roomId));
        }
    }

    public void removeMember(long actorId, long roomId, String username) {
        Room room = membership(actorId, roomId).room();
        room.checkMembersMayChange();
        User user = users.findByUsername(username == null ? "" : username)
                .orElseThrow(() -> NotFoundException.user(username));
        Membership target = rooms.findMembership(roomId, user.id())
                .orElseThrow(() -> new NotFoundException("'" + username + "' is not a member of this room."));
        room.checkMayRemove(actorId, user.id());
        rooms.remove(target);
        events.fire(new ChatEvent.MemberRemoved(roomId, user.id()));
    }

    /** Moves the caller's read marker forward; never back, never past the newest message. */
    public void markRead(long actorId, long roomId, long seq) {
        if (seq < 0) {
            throw InvalidInputException.of(FieldRefusal.SEQ_OUT_OF_RANGE, "seq must be zero or more.");
        }
        Membership membership = membership(actorId, roomId);
        long before = membership.lastReadSeq();
        membership.markReadUpTo(seq);
        if (membership.lastReadSeq() != before) {
            events.fire(new ChatEvent.ReadMarkerMoved(roomId, actorId));
        }
    }

    private Membership membership(long userId, long roomId) {
        return rooms.findMembership(roomId, userId).orElseThrow(NotFoundException::room);
    }
}
