package dev.daehwa.infrastructure.persistence;

import dev.daehwa.domain.room.Membership;
import dev.daehwa.domain.room.Room;
import dev.daehwa.domain.room.RoomRepository;
import dev.daehwa.domain.room.UnreadCount;
import dev.daehwa.domain.user.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Every list here is one statement, whatever the number of rooms: see QueryCountIT. */
@ApplicationScoped
public class JpaRoomRepository implements RoomRepository {

    @PersistenceContext(unitName = "daehwa")
    private EntityManager em;

    @Override
    public void store(Room room) {
        em.persist(room);
    }

    @Override
    public Optional<Room> findForUpdate(long roomId) {
        return Optional.ofNullable(em.find(Room.class, roomId, LockModeType.PESSIMISTIC_WRITE));
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
        Map<Long, String> names = new LinkedHashMap<>();
        em.createQuery("""
                        SELECT r.id, r.name FROM Membership m JOIN m.room r
                        WHERE m.user.id = :user AND r.archived = FALSE""", Object[].class)
                .setParameter("user", userId)
                .getResultStream()
                .forEach(row -> names.put((Long) row[0], (String) row[1]));
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
        // Selecting (roomId, user) pairs rather than memberships avoids touching the lazy room.
        List<Object[]> rows = em.createQuery("""
                        SELECT m.room.id, u FROM Membership m JOIN m.user u
                        WHERE m.room.id IN :rooms
                        ORDER BY m.joinedAt, m.id""", Object[].class)
                .setParameter("rooms", List.copyOf(roomIds))
                .getResultList();
        return rows.stream().collect(Collectors.groupingBy(r -> (Long) r[0], LinkedHashMap::new,
                Collectors.mapping(r -> (User) r[1], Collectors.toList())));
    }

    @Override
    public Map<Long, Long> unreadCounts(long userId) {
        // Bounded by the newest COUNTED_SEQS of each room, so this reads at most that many index
        // entries per room however far behind the reader is. Native SQL because EclipseLink
        // stops binding parameters altogether for a JPQL query with arithmetic in it.
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT msg.room_id, COUNT(*) FROM membership m
                        JOIN room r ON r.id = m.room_id
                        JOIN message msg ON msg.room_id = r.id
                        WHERE m.user_id = ? AND r.archived = FALSE
                          AND msg.seq > m.last_read_seq AND msg.seq > r.last_seq - ?
                          AND msg.deleted = FALSE AND msg.sender_id <> ?
                        GROUP BY msg.room_id""")
                .setParameter(1, userId)
                .setParameter(2, (long) UnreadCount.COUNTED_SEQS)
                .setParameter(3, userId)
                .getResultList();
        return rows.stream().collect(Collectors.toMap(r -> ((Number) r[0]).longValue(),
                r -> ((Number) r[1]).longValue()));
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
}
