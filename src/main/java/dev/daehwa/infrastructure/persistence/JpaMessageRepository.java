package dev.daehwa.infrastructure.persistence;

import dev.daehwa.domain.error.ConflictException;
import dev.daehwa.domain.message.Message;
import dev.daehwa.domain.message.MessageChange;
import dev.daehwa.domain.message.MessageRepository;
import dev.daehwa.domain.message.MissedFromSender;
import dev.daehwa.domain.message.Original;
import dev.daehwa.domain.user.PublicProfile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Messages that are shown to someone come with their sender and room in the same statement: the
 * JSON names the sender and says whether the viewer may delete the message, which asks the room
 * who owns it, often after the transaction has ended.
 */
@ApplicationScoped
public class JpaMessageRepository implements MessageRepository {

    @PersistenceContext(unitName = "daehwa")
    private EntityManager em;

    @Override
    public void store(Message message) {
        try {
            em.persist(message);
            // Flushed now so that a clientMessageId raced in from another room (another room
            // lock) fails here as a 409, not later at commit as a 500.
            em.flush();
        } catch (PersistenceException e) {
            if (UniqueViolations.isCause(e)) {
                throw new ConflictException("This clientMessageId was already used for another message.");
            }
            throw e;
        }
    }

    @Override
    public Optional<Message> findVisible(long messageId) {
        return em.createQuery("""
                        SELECT msg FROM Message msg JOIN FETCH msg.sender JOIN FETCH msg.room r JOIN FETCH r.owner
                        WHERE msg.id = :id AND msg.deleted = FALSE AND r.archived = FALSE""", Message.class)
                .setParameter("id", messageId)
                .getResultStream().findFirst();
    }

    @Override
    public Optional<Message> lock(Message message) {
        // refresh, not find: only a refresh reads the row again under the lock (see JpaRoomRepository)
        em.refresh(message, LockModeType.PESSIMISTIC_WRITE);
        return message.isDeleted() ? Optional.empty() : Optional.of(message);
    }

    @Override
    public Optional<Message> findByClientMessageId(long senderId, String clientMessageId) {
        return em.createQuery("""
                        SELECT msg FROM Message msg JOIN FETCH msg.sender JOIN FETCH msg.room
                        WHERE msg.sender.id = :sender AND msg.clientMessageId = :cid""", Message.class)
                .setParameter("sender", senderId)
                .setParameter("cid", clientMessageId)
                .getResultStream().findFirst();
    }

    @Override
    public List<Message> pageBefore(long roomId, long beforeSeq, int limit) {
        return em.createQuery("""
                        SELECT msg FROM Message msg JOIN FETCH msg.sender JOIN FETCH msg.room
                        WHERE msg.roomId = :room AND msg.seq < :before AND msg.deleted = FALSE
                        ORDER BY msg.seq DESC""", Message.class)
                .setParameter("room", roomId)
                .setParameter("before", beforeSeq)
                .setMaxResults(limit)
                .getResultList();
    }

    @Override
    public List<Message> pageAfter(long roomId, long afterSeq, int limit) {
        return em.createQuery("""
                        SELECT msg FROM Message msg JOIN FETCH msg.sender JOIN FETCH msg.room
                        WHERE msg.roomId = :room AND msg.seq > :after AND msg.deleted = FALSE
                        ORDER BY msg.seq ASC""", Message.class)
                .setParameter("room", roomId)
                .setParameter("after", afterSeq)
                .setMaxResults(limit)
                .getResultList();
    }

    @Override
    public List<Message> missedBy(long userId, long roomId, long afterSeq, int limit, boolean addressedOnly) {
        return em.createQuery("""
                        SELECT msg FROM Message msg JOIN FETCH msg.sender %s
                        WHERE msg.roomId = :room AND msg.seq > :after AND msg.deleted = FALSE
                          AND msg.sender.id <> :user %s
                        ORDER BY msg.seq ASC""".formatted(addressedOnly ? ADDRESSED_JOINS : "",
                        addressedOnly ? ADDRESSED_TO_USER : ""), Message.class)
                .setParameter("room", roomId)
                .setParameter("after", afterSeq)
                .setParameter("user", userId)
                .setMaxResults(limit)
                .getResultList();
    }

    @Override
    public List<MissedFromSender> missedBySender(long userId, long roomId, long afterSeq, boolean addressedOnly) {
        return em.createQuery("""
                        SELECT s.displayName, COUNT(msg), MIN(msg.seq), MAX(msg.seq) FROM Message msg JOIN msg.sender s %s
                        WHERE msg.roomId = :room AND msg.seq > :after AND msg.deleted = FALSE AND s.id <> :user %s
                        GROUP BY s.id, s.displayName
                        ORDER BY MIN(msg.seq)""".formatted(addressedOnly ? ADDRESSED_JOINS : "",
                        addressedOnly ? ADDRESSED_TO_USER : ""), Object[].class)
                .setParameter("room", roomId)
                .setParameter("after", afterSeq)
                .setParameter("user", userId)
                .getResultStream()
                .map(row -> new MissedFromSender((String) row[0], ((Number) row[1]).longValue(),
                        ((Number) row[3]).longValue()))
                .toList();
    }

    /**
     * Keeps the missed messages that mention the member ({@code :user}): a join, one row per
     * message since a message mentions each person once. (As an EXISTS subquery, EclipseLink
     * wrote the query's booleans as literals that H2 refuses.)
     */
    private static final String MENTIONING_USER = "JOIN msg.mentioned mm ON mm.userId = :user";

    /**
     * With {@link #ADDRESSED_TO_USER}, keeps the missed messages addressed to the member: those
     * that mention them or answer a message they wrote. Outer joins of at most one row each (a
     * message mentions each person once and answers one message), so counts stay per message.
     */
    private static final String ADDRESSED_JOINS = """
            LEFT JOIN msg.mentioned mm ON mm.userId = :user
            LEFT JOIN Message original ON original.id = msg.replyToId""";

    private static final String ADDRESSED_TO_USER = "AND (mm.userId IS NOT NULL OR original.sender.id = :user)";

    @Override
    public List<String> mentionersOf(long userId, long roomId, long afterSeq) {
        return namesOfSendersTo(MENTIONING_USER, userId, roomId, afterSeq);
    }

    @Override
    public List<String> repliersTo(long userId, long roomId, long afterSeq) {
        return namesOfSendersTo("JOIN Message original ON original.id = msg.replyToId AND original.sender.id = :user",
                userId, roomId, afterSeq);
    }

    /** Who else sent visible messages after {@code afterSeq} that the join keeps, in order of their first. */
    private List<String> namesOfSendersTo(String join, long userId, long roomId, long afterSeq) {
        return em.createQuery("""
                        SELECT s.displayName, MIN(msg.seq) FROM Message msg JOIN msg.sender s %s
                        WHERE msg.roomId = :room AND msg.seq > :after AND msg.deleted = FALSE AND s.id <> :user
                        GROUP BY s.id, s.displayName
                        ORDER BY MIN(msg.seq)""".formatted(join), Object[].class)
                .setParameter("room", roomId)
                .setParameter("after", afterSeq)
                .setParameter("user", userId)
                .getResultStream()
                .map(row -> (String) row[0])
                .toList();
    }

    @Override
    public Optional<Long> newestVisibleIdBefore(long roomId, long seq) {
        return em.createQuery("""
                        SELECT msg.id FROM Message msg
                        WHERE msg.roomId = :room AND msg.seq < :seq AND msg.deleted = FALSE
                        ORDER BY msg.seq DESC""", Long.class)
                .setParameter("room", roomId)
                .setParameter("seq", seq)
                .setMaxResults(1)
                .getResultStream().findFirst();
    }

    @Override
    public List<Message> findVisible(Collection<Long> messageIds) {
        if (messageIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("""
                        SELECT msg FROM Message msg JOIN FETCH msg.sender JOIN FETCH msg.room
                        WHERE msg.id IN :ids AND msg.deleted = FALSE""", Message.class)
                .setParameter("ids", List.copyOf(messageIds))
                .getResultList();
    }

    private static final String CHANGE = """
            SELECT msg.id, msg.roomId, msg.seq, msg.sender.id, msg.content, msg.createdAt, msg.deleted, msg.changedAt
            FROM Message msg
            """;

    private static final InstantConverter TIME = new InstantConverter();

    /**
     * Columns, not entities: the indexer reads thousands at a time and needs no sender or room.
     * Whom the messages mention comes from one more statement for the whole batch.
     */
    private List<MessageChange> changes(List<Object[]> rows) {
        List<Long> live = rows.stream().filter(row -> !(Boolean) row[6]).map(row -> (Long) row[0]).toList();
        Map<Long, List<Long>> mentioned = mentionedIdsOf(live);
        return rows.stream().map(row -> new MessageChange((Long) row[0], (Long) row[1], (Long) row[2], (Long) row[3],
                (String) row[4], TIME.convertToEntityAttribute(row[5]), (Boolean) row[6],
                TIME.convertToEntityAttribute(row[7]), mentioned.getOrDefault((Long) row[0], List.of()))).toList();
    }

    /** The ids of the people each message mentions; messages that mention nobody are left out. */
    private Map<Long, List<Long>> mentionedIdsOf(List<Long> messageIds) {
        if (messageIds.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("""
                        SELECT msg.id, mention.userId FROM Message msg JOIN msg.mentioned mention
                        WHERE msg.id IN :ids""", Object[].class)
                .setParameter("ids", messageIds)
                .getResultStream()
                .collect(Collectors.groupingBy(row -> (Long) row[0],
                        Collectors.mapping(row -> (Long) row[1], Collectors.toList())));
    }

    /**
     * Keyset paging over (changed_at, id). The leading {@code changedAt >= :since} is what lets
     * the databases start the index scan at the position instead of reading from the beginning
     * on every batch (a plain OR of the two cases is not used as an index range).
     */
    @Override
    public List<MessageChange> changedSince(Instant since, long afterId, int limit) {
        return changes(em.createQuery(CHANGE + """
                        WHERE msg.changedAt >= :since AND (msg.changedAt > :since OR msg.id > :after)
                        ORDER BY msg.changedAt, msg.id""", Object[].class)
                .setParameter("since", since)
                .setParameter("after", afterId)
                .setMaxResults(limit)
                .getResultList());
    }

    @Override
    public List<MessageChange> changesOf(Collection<Long> messageIds) {
        if (messageIds.isEmpty()) {
            return List.of();
        }
        return changes(em.createQuery(CHANGE + "WHERE msg.id IN :ids", Object[].class)
                .setParameter("ids", List.copyOf(messageIds))
                .getResultList());
    }

    @Override
    public Map<Long, Original> originalsOf(Collection<Long> messageIds) {
        if (messageIds.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("""
                        SELECT reply.id, msg.id, msg.seq, s.id, s.username, s.displayName, msg.content, msg.deleted
                        FROM Message reply JOIN Message msg ON msg.id = reply.replyToId JOIN msg.sender s
                        WHERE reply.id IN :ids""", Object[].class)
                .setParameter("ids", List.copyOf(messageIds))
                .getResultStream()
                .collect(Collectors.toMap(row -> (Long) row[0], row -> new Original((Long) row[1], (Long) row[2],
                        new PublicProfile((Long) row[3], (String) row[4], (String) row[5]), (String) row[6],
                        (Boolean) row[7])));
    }

    @Override
    public Map<Long, List<PublicProfile>> mentionsOf(Collection<Long> messageIds) {
        if (messageIds.isEmpty()) {
            return Map.of();
        }
        List<Long> ids = List.copyOf(messageIds);
        Query query = em.createNativeQuery("""
                SELECT mm.message_id, u.id, u.username, u.display_name
                FROM message_mention mm JOIN app_user u ON u.id = mm.user_id
                WHERE mm.message_id IN (%s)
                ORDER BY mm.message_id, mm.position""".formatted(String.join(", ", Collections.nCopies(ids.size(), "?"))));
        for (int i = 0; i < ids.size(); i++) {
            query.setParameter(i + 1, ids.get(i));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().collect(Collectors.groupingBy(row -> ((Number) row[0]).longValue(), LinkedHashMap::new,
                Collectors.mapping(row -> new PublicProfile(((Number) row[1]).longValue(), (String) row[2], (String) row[3]),
                        Collectors.toList())));
    }
}
