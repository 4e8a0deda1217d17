package dev.daehwa.infrastructure.persistence;

import dev.daehwa.domain.room.DirectRoomOpenedMeanwhile;
import dev.daehwa.domain.room.Membership;
import dev.daehwa.domain.room.Room;
import dev.daehwa.domain.room.RoomRepository;
import dev.daehwa.domain.room.UnreadCount;
import dev.daehwa.domain.user.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Query;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Every list here costs a fixed number of statements, whatever the number of rooms: see QueryCountIT. */
@ApplicationScoped
public class JpaRoomRepository implements RoomRepository {

    @PersistenceContext(unitName = "daehwa")
    private EntityManager em;

    @Override
    public void store(Room room) {
        em.persist(room);
    }

    @Override
    public void storeDirect(Room room) {
        try {
            em.persist(room);
            em.flush();
        } catch (PersistenceException e) {
            if (UniqueViolations.isCause(e)) {
                throw new DirectRoomOpenedMeanwhile(e);
            }
            throw e;
        }
    }

    @Override
    public Optional<Room> findDirect(String directKey) {
        return em.createQuery("SELECT r FROM Room r WHERE r.directKey = :key AND r.archived = FALSE", Room.class)
                .setParameter("key", directKey)
                .getResultStream().findFirst();
    }

    @Override
    public Optional<Room> findForUpdate(long roomId) {
        return Optional.ofNullable(em.find(Room.class, roomId, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public Optional<Room> lock(Room room) {
        // refresh, not find: the room is already in the persistence context, and only a refresh
        // is sure to read the row again under the lock instead of returning the copy read before.
        em.refresh(room, LockModeType.PESSIMISTIC_WRITE);
        return room.isArchived() ? Optional.empty() : Optional.of(room);
    }

    @Override
    public Optional<Membership> findMembership(long roomId, long userId) {
        return em.createQuery("""
                        SELECT m FROM Membership m JOIN FETCH m.room r JOIN FETCH r.owner JOIN FETCH m.user
                        WHERE r.id = :room AND m.user.id = :user AND r.archived = FALSE""", Membership.class)
                .setParameter("room", roomId)
                .setParameter("user", userId)
                .getResultStream().findFirst();
    }

    @Override
    public List<Membership> membershipsOf(long userId) {
        return em.createQuery("""
                        SELECT m FROM Membership m JOIN FETCH m.room r JOIN FETCH r.owner
                        WHERE m.user.id = :user AND r.archived = FALSE
                        ORDER BY r.lastActivityAt DESC, r.id DESC""", Membership.class)
                .setParameter("user", userId)
                .getResultList();
    }

    @Override
    public Map<Long, String> roomNamesOf(long userId) {
        // The other person joins only for direct rooms, which have exactly one other member.
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT r.id, CASE WHEN r.kind = 'direct' THEN u.display_name ELSE r.name END
                        FROM membership m JOIN room r ON r.id = m.room_id
                          LEFT JOIN membership o ON o.room_id = r.id AND r.kind = 'direct' AND o.user_id <> m.user_id
                          LEFT JOIN app_user u ON u.id = o.user_id
                        WHERE m.user_id = ? AND r.archived = FALSE""")
                .setParameter(1, userId)
                .getResultList();
        Map<Long, String> names = new LinkedHashMap<>();
        rows.forEach(row -> names.put(idOf(row[0]), (String) row[1]));
        return names;
    }

    @Override
    public List<Long> memberIds(long roomId) {
        return em.createQuery("""
                        SELECT m.user.id FROM Membership m
                        WHERE m.room.id = :room AND m.room.archived = FALSE""", Long.class)
                .setParameter("room", roomId)
                .getResultList();
    }

    @Override
    public Set<Long> roomMatesOf(long userId) {
        return Set.copyOf(em.createQuery("""
                        SELECT DISTINCT other.user.id FROM Membership mine, Membership other
                        WHERE mine.user.id = :user AND other.room = mine.room
                          AND other.user.id <> :user AND mine.room.archived = FALSE""", Long.class)
                .setParameter("user", userId)
                .getResultList());
    }

    @Override
    public Map<Long, List<User>> membersOf(Collection<Long> roomIds) {
        if (roomIds.isEmpty()) {
            return Map.of();
        }
        // Two statements, not one join: a room list names the same few people in every room, and
        // joining app_user made PostgreSQL sort and send each person's whole row once per room,
        // where the pairs and each distinct person once are a fraction of that (docs/benchmarks.md).
        // The pairs are native SQL because JPQL's m.room.id in a SELECT joins room and app_user.
        List<Long> rooms = List.copyOf(roomIds);
        Query pairQuery = em.createNativeQuery("SELECT room_id, user_id FROM membership WHERE room_id IN ("
                + String.join(", ", Collections.nCopies(rooms.size(), "?")) + ") ORDER BY joined_at, id");
        for (int i = 0; i < rooms.size(); i++) {
            pairQuery.setParameter(i + 1, rooms.get(i));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> pairs = pairQuery.getResultList();
        if (pairs.isEmpty()) {
            return Map.of();
        }
        Map<Long, User> people = em.createQuery("SELECT u FROM User u WHERE u.id IN :ids", User.class)
                .setParameter("ids", pairs.stream().map(pair -> idOf(pair[1])).distinct().toList())
                .getResultStream()
                .collect(Collectors.toMap(User::id, user -> user));
        return pairs.stream().collect(Collectors.groupingBy(pair -> idOf(pair[0]), LinkedHashMap::new,
                Collectors.mapping(pair -> people.get(idOf(pair[1])), Collectors.toList())));
    }

    @Override
    public Map<Long, Long> unreadCounts(long userId) {
        return unreadByMembership("room_id", "user_id", userId);
    }

    @Override
    public List<Membership> membershipsIn(long roomId) {
        return em.createQuery("""
                        SELECT m FROM Membership m JOIN FETCH m.room r JOIN FETCH r.owner JOIN FETCH m.user
                        WHERE r.id = :room AND r.archived = FALSE
                        ORDER BY m.joinedAt, m.id""", Membership.class)
                .setParameter("room", roomId)
                .getResultList();
    }

    @Override
    public Map<Long, Long> unreadCountsIn(long roomId) {
        return unreadByMembership("user_id", "room_id", roomId);
    }

    /**
     * Unread counts of the memberships whose {@code column} is {@code value}, keyed by
     * {@code keyColumn}, leaving out the ones with none.
     */
    private Map<Long, Long> unreadByMembership(String keyColumn, String column, long value) {
        // One index range per membership with something unread: the seqs past both the read marker and
        // the first counted one, so a room read to the end costs no message row at all. A
        // correlated count rather than a join keeps that plan however many rooms the user is in:
        // as a join, PostgreSQL switched to a parallel scan of every message (plus its JIT) for
        // a user in many rooms. BETWEEN, not ">", because its estimate is a narrow range, which
        // keeps the planner from expecting a third of the room.
        // Native SQL because EclipseLink stops binding parameters for JPQL with arithmetic in it.
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT m.%s,
                          (SELECT COUNT(*) FROM message msg
                           WHERE msg.room_id = m.room_id
                             AND msg.seq BETWEEN GREATEST(m.last_read_seq, r.last_seq - ?) + 1 AND r.last_seq
                             AND msg.deleted = FALSE AND msg.sender_id <> m.user_id)
                        FROM membership m JOIN room r ON r.id = m.room_id
                        WHERE m.%s = ? AND r.archived = FALSE AND m.last_read_seq < r.last_seq""".formatted(keyColumn, column))
                .setParameter(1, (long) UnreadCount.COUNTED_SEQS)
                .setParameter(2, value)
                .getResultList();
        return nonZeroCounts(rows);
    }

    /** (key, count) rows as a map, leaving out the keys with a count of zero. */
    private static Map<Long, Long> nonZeroCounts(List<Object[]> rows) {
        return rows.stream()
                .filter(row -> ((Number) row[1]).longValue() > 0)
                .collect(Collectors.toMap(row -> idOf(row[0]), row -> ((Number) row[1]).longValue()));
    }

    @Override
    public Map<String, User> membersByKey(long roomId, Collection<String> usernameKeys) {
        if (usernameKeys.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("""
                        SELECT m.user FROM Membership m
                        WHERE m.room.id = :room AND m.user.usernameKey IN :keys""", User.class)
                .setParameter("room", roomId)
                .setParameter("keys", List.copyOf(usernameKeys))
                .getResultStream()
                .collect(Collectors.toMap(user -> User.keyOf(user.username()), user -> user, (a, b) -> a));
    }

    @Override
    public Map<Long, Long> unreadMentionCounts(long userId) {
        return unreadMentionsByMembership("room_id", "user_id", userId);
    }

    @Override
    public Map<Long, Long> unreadMentionCountsIn(long roomId) {
        return unreadMentionsByMembership("user_id", "room_id", roomId);
    }

    @Override
    public long unreadMentionCount(Membership membership) {
        return ((Number) em.createNativeQuery("""
                        SELECT COUNT(*) FROM message_mention
                        WHERE user_id = ? AND room_id = ? AND seq > ?""")
                .setParameter(1, membership.user().id())
                .setParameter(2, membership.room().id())
                .setParameter(3, membership.lastReadSeq())
                .getSingleResult()).longValue();
    }

    /**
     * Unread mentions of the memberships whose {@code column} is {@code value}, keyed by
     * {@code keyColumn}: one range of message_mention's (user, room, seq) index per membership
     * with anything unread, and no message row read (a deleted message has no mention rows).
     */
    private Map<Long, Long> unreadMentionsByMembership(String keyColumn, String column, long value) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT m.%s,
                          (SELECT COUNT(*) FROM message_mention mm
                           WHERE mm.user_id = m.user_id AND mm.room_id = m.room_id AND mm.seq > m.last_read_seq)
                        FROM membership m JOIN room r ON r.id = m.room_id
                        WHERE m.%s = ? AND r.archived = FALSE AND m.last_read_seq < r.last_seq""".formatted(keyColumn, column))
                .setParameter(1, value)
                .getResultList();
        return nonZeroCounts(rows);
    }

    @Override
    public UnreadCount unreadCount(Membership membership) {
        long lastSeq = membership.room().lastSeq();
        long counted = em.createQuery("""
                        SELECT COUNT(msg) FROM Message msg
                        WHERE msg.roomId = :room AND msg.seq > :marker AND msg.seq >= :first
                          AND msg.deleted = FALSE AND msg.sender.id <> :user""", Long.class)
                .setParameter("room", membership.room().id())
                .setParameter("marker", membership.lastReadSeq())
                .setParameter("first", UnreadCount.firstCountedSeq(lastSeq))
                .setParameter("user", membership.user().id())
                .getSingleResult();
        return UnreadCount.of(counted, membership.lastReadSeq(), lastSeq);
    }

    @Override
    public void store(Membership membership) {
        em.persist(membership);
    }

    @Override
    public void remove(Membership membership) {
        em.remove(em.contains(membership) ? membership : em.merge(membership));
    }

    /** A BIGINT column of a native query: H2 and PostgreSQL may hand it back as different Number types. */
    private static Long idOf(Object column) {
        return ((Number) column).longValue();
    }
}
