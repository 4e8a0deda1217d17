package dev.daehwa.domain.room;

import dev.daehwa.domain.user.User;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

public interface RoomRepository {

    void store(Room room);

    /**
     * Stores a new direct room at once, so that a clash with the same two people's room stored
     * meanwhile is found here: throws {@link DirectRoomOpenedMeanwhile} then.
     */
    void storeDirect(Room room);

    /** Two people's direct room, by {@link Room#directKey}. */
    Optional<Room> findDirect(String directKey);

    /** Locks the room row until the transaction ends; used to hand out message seqs in order. */
    Optional<Room> findForUpdate(long roomId);

    /**
     * Locks a room already read (through a membership) until the transaction ends, and reloads
     * it, so that its seq is the one under the lock; empty if it was archived meanwhile.
     */
    Optional<Room> lock(Room room);

    /** The caller's membership in a live (not archived) room, with the room and its owner. */
    Optional<Membership> findMembership(long roomId, long userId);

    /** The caller's memberships in live rooms, most recent activity first, rooms and owners fetched. */
    List<Membership> membershipsOf(long userId);

    /**
     * The ids and names of the live rooms the user is a member of, in one light query; a direct
     * room is named for the other person in it.
     */
    Map<Long, String> roomNamesOf(long userId);

    /** Members of each room, in order of joining. */
    Map<Long, List<User>> membersOf(Collection<Long> roomIds);

    /**
     * Unread messages per live room of the user, counted among each room's newest
     * {@link UnreadCount#COUNTED_SEQS} only, in one query; rooms with none are left out.
     */
    Map<Long, Long> unreadCounts(long userId);

    /** The memberships of a live room, with their people, in the order they joined; empty if archived. */
    List<Membership> membershipsIn(long roomId);

    /** As {@link #unreadCounts}, for every member of one room, by user id. */
    Map<Long, Long> unreadCountsIn(long roomId);

    /** The room's members whose username key is one of these, by key: who a message can mention. */
    Map<String, User> membersByKey(long roomId, Collection<String> usernameKeys);

    /** Unread messages that mention the user, per live room of theirs; rooms with none are left out. */
    Map<Long, Long> unreadMentionCounts(long userId);

    /** As {@link #unreadMentionCounts}, for every member of one room, by user id. */
    Map<Long, Long> unreadMentionCountsIn(long roomId);

    /** As {@link #unreadMentionCounts}, for one membership. */
    long unreadMentionCount(Membership membership);

    /** As {@link #unreadCounts}, for one room. */
    UnreadCount unreadCount(Membership membership);

    /** The ids of a live room's members; empty for an archived or unknown room. */
    List<Long> memberIds(long roomId);

    /** Everyone who shares at least one live room with the user, not counting the user. */
    Set<Long> roomMatesOf(long userId);

    void store(Membership membership);

    void remove(Membership membership);
}
