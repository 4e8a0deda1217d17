package dev.daehwa.infrastructure.persistence;

import dev.daehwa.domain.message.EmojiReactions;
import dev.daehwa.domain.message.ReactionRepository;
import dev.daehwa.domain.user.PublicProfile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reactions in plain SQL: they are rows of three keys, never an entity anyone edits. Reading
 * numbers each emoji's reactors in the database, so that a message with hundreds of reactors
 * returns ten names per emoji and still its full count.
 */
@ApplicationScoped
public class JpaReactionRepository implements ReactionRepository {

    /**
     * Every reactor of the asked messages, numbered per emoji in the order they reacted, with the
     * emoji's count and first reaction; only the first ones and the viewer are returned.
     */
    private static final String READ = """
            SELECT r.message_id, r.emoji, r.total, r.rn, u.id, u.username, u.display_name
            FROM (SELECT message_id, emoji, user_id,
                         ROW_NUMBER() OVER (PARTITION BY message_id, emoji ORDER BY ordinal) AS rn,
                         COUNT(*) OVER (PARTITION BY message_id, emoji) AS total,
                         MIN(ordinal) OVER (PARTITION BY message_id, emoji) AS first_ordinal
                  FROM message_reaction WHERE message_id IN (%s)) r
            JOIN app_user u ON u.id = r.user_id
            WHERE r.rn <= ? OR r.user_id = ?
            ORDER BY r.message_id, r.first_ordinal, r.rn""";

    @PersistenceContext(unitName = "daehwa")
    private EntityManager em;

    @Override
    public Set<String> emojiOn(long messageId) {
        List<?> rows = em.createNativeQuery("SELECT DISTINCT emoji FROM message_reaction WHERE message_id = ?")
                .setParameter(1, messageId).getResultList();
        Set<String> emoji = new HashSet<>();
        rows.forEach(row -> emoji.add((String) row));
        return emoji;
    }

    @Override
    public boolean has(long messageId, long userId, String emoji) {
        return !em.createNativeQuery("""
                        SELECT 1 FROM message_reaction WHERE message_id = ? AND user_id = ? AND emoji = ?""")
                .setParameter(1, messageId).setParameter(2, userId).setParameter(3, emoji)
                .getResultList().isEmpty();
    }

    @Override
    public void add(long messageId, long userId, String emoji, Instant at) {
        em.createNativeQuery("""
                        INSERT INTO message_reaction (message_id, user_id, emoji, reacted_at) VALUES (?, ?, ?, ?)""")
                .setParameter(1, messageId).setParameter(2, userId).setParameter(3, emoji)
                .setParameter(4, OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .executeUpdate();
    }

    @Override
    public boolean remove(long messageId, long userId, String emoji) {
        return em.createNativeQuery("DELETE FROM message_reaction WHERE message_id = ? AND user_id = ? AND emoji = ?")
                .setParameter(1, messageId).setParameter(2, userId).setParameter(3, emoji)
                .executeUpdate() > 0;
    }

    @Override
    public void removeAll(long messageId) {
        em.createNativeQuery("DELETE FROM message_reaction WHERE message_id = ?").setParameter(1, messageId)
                .executeUpdate();
    }

    @Override
    public Map<Long, List<EmojiReactions>> of(Collection<Long> messageIds, long viewerId) {
        return read(messageIds, EmojiReactions.SHOWN_REACTORS, viewerId);
    }

    @Override
    public List<EmojiReactions> allOf(long messageId) {
        return read(List.of(messageId), Integer.MAX_VALUE, 0).getOrDefault(messageId, List.of());
    }

    private Map<Long, List<EmojiReactions>> read(Collection<Long> messageIds, int firstReactors, long viewerId) {
        if (messageIds.isEmpty()) {
            return Map.of();
        }
        List<Long> ids = List.copyOf(messageIds);
        Query query = em.createNativeQuery(READ.formatted(String.join(", ", Collections.nCopies(ids.size(), "?"))));
        for (int i = 0; i < ids.size(); i++) {
            query.setParameter(i + 1, ids.get(i));
        }
        query.setParameter(ids.size() + 1, firstReactors).setParameter(ids.size() + 2, viewerId);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        Map<Long, List<EmojiReactions>> byMessage = new LinkedHashMap<>();
        Gathered current = null;
        for (Object[] row : rows) {
            long messageId = ((Number) row[0]).longValue();
            String emoji = (String) row[1];
            if (current == null || current.messageId != messageId || !current.emoji.equals(emoji)) {
                if (current != null) {
                    current.addTo(byMessage);
                }
                current = new Gathered(messageId, emoji, ((Number) row[2]).intValue());
            }
            long userId = ((Number) row[4]).longValue();
            current.reactorIds.add(userId);
            if (((Number) row[3]).longValue() <= EmojiReactions.SHOWN_REACTORS) {
                current.reactors.add(new PublicProfile(userId, (String) row[5], (String) row[6]));
            }
        }
        if (current != null) {
            current.addTo(byMessage);
        }
        return byMessage;
    }

    /** The rows of one message's emoji while they are read. */
    private static final class Gathered {
        private final long messageId;
        private final String emoji;
        private final int count;
        private final List<PublicProfile> reactors = new ArrayList<>();
        private final Set<Long> reactorIds = new HashSet<>();

        Gathered(long messageId, String emoji, int count) {
            this.messageId = messageId;
            this.emoji = emoji;
            this.count = count;
        }

        void addTo(Map<Long, List<EmojiReactions>> byMessage) {
            byMessage.computeIfAbsent(messageId, id -> new ArrayList<>())
                    .add(new EmojiReactions(emoji, count, reactors, reactorIds));
        }
    }
}
