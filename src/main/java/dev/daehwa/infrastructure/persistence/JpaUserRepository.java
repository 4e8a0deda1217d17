package dev.daehwa.infrastructure.persistence;

import dev.daehwa.domain.error.ConflictException;
import dev.daehwa.domain.user.User;
import dev.daehwa.domain.user.UserRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaUserRepository implements UserRepository {

    @PersistenceContext(unitName = "daehwa")
    private EntityManager em;

    @Override
    public Optional<User> find(long id) {
        return Optional.ofNullable(em.find(User.class, id));
    }

    @Override
    public List<User> findAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery("SELECT u FROM User u WHERE u.id IN :ids", User.class)
                .setParameter("ids", ids)
                .getResultList();
    }

    @Override
    public Optional<User> findByUsername(String username) {
        return em.createQuery("SELECT u FROM User u WHERE u.usernameKey = :key", User.class)
                .setParameter("key", User.keyOf(username))
                .getResultStream().findFirst();
    }

    @Override
    public List<User> findByUsernames(Collection<String> usernames) {
        if (usernames.isEmpty()) {
            return List.of();
        }
        return em.createQuery("SELECT u FROM User u WHERE u.usernameKey IN :keys", User.class)
                .setParameter("keys", usernames.stream().map(User::keyOf).toList())
                .getResultList();
    }

    @Override
    public boolean usernameTaken(String username) {
        return exists("SELECT COUNT(u) FROM User u WHERE u.usernameKey = :key", User.keyOf(username));
    }

    @Override
    public boolean emailTaken(String email) {
        return exists("SELECT COUNT(u) FROM User u WHERE u.confirmedEmailKey = :key", User.keyOf(email));
    }

    @Override
    public void flush() {
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (UniqueViolations.isCause(e)) {
                throw new ConflictException("Another account has confirmed this email address.",
                        dev.daehwa.domain.error.FieldRefusal.EMAIL_TAKEN);
            }
            throw e;
        }
    }

    private boolean exists(String countQuery, String key) {
        return em.createQuery(countQuery, Long.class).setParameter("key", key).getSingleResult() > 0;
    }

    @Override
    public List<User> searchByPrefix(String prefix, Long notInRoomId, int limit) {
        String pattern = LikePatterns.startsWith(prefix.toLowerCase(java.util.Locale.ROOT));
        // Filtering members out in SQL, not afterwards, keeps a full page of candidates.
        String notInRoom = notInRoomId == null ? ""
                : " AND NOT EXISTS (SELECT m FROM Membership m WHERE m.user = u AND m.room.id = :room)";
        TypedQuery<User> query = em.createQuery("SELECT u FROM User u"
                        + " WHERE (u.usernameKey LIKE :pattern ESCAPE '\\' OR LOWER(u.displayName) LIKE :pattern ESCAPE '\\')"
                        + notInRoom
                        + " ORDER BY u.usernameKey", User.class)
                .setParameter("pattern", pattern)
                .setMaxResults(limit);
        if (notInRoomId != null) {
            query.setParameter("room", notInRoomId);
        }
        return query.getResultList();
    }

    @Override
    public void store(User user) {
        try {
            em.persist(user);
            em.flush();
        } catch (PersistenceException e) {
            if (UniqueViolations.isCause(e)) {
                throw new ConflictException("That username or email was just taken.");
            }
            throw e;
        }
    }

    @Override
    @Transactional
    public void replacePasswordHash(long userId, String passwordHash) {
        get(userId).replacePasswordHash(passwordHash);
    }
}
