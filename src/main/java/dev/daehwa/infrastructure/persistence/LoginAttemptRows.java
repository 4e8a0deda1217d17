package dev.daehwa.infrastructure.persistence;

import dev.daehwa.domain.auth.LoginAttempts;
import dev.daehwa.domain.auth.LoginThrottle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The statements behind {@link JpaLoginAttemptsRepository}, each in a short transaction of its
 * own: a slot is committed before the password check starts, and no lock is held while it runs.
 */
@ApplicationScoped
class LoginAttemptRows {

    /** The answer of {@link #take} when the username has no row yet. */
    static final Optional<Optional<Duration>> NO_ROW = Optional.empty();

    private final boolean postgres = DatabaseSettings.resolve(Settings::get).isPostgres();

    @PersistenceContext(unitName = "daehwa")
    private EntityManager em;

    /** Locks the username's row (SELECT ... FOR UPDATE) and takes a slot from it. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    Optional<Optional<Duration>> take(String usernameKey, LoginThrottle throttle, Instant now) {
        LoginAttempts attempts = em.find(LoginAttempts.class, usernameKey, LockModeType.PESSIMISTIC_WRITE);
        if (attempts == null) {
            return NO_ROW;
        }
        return Optional.of(throttle.take(attempts, now));
    }

    /**
     * Adds the username's row unless it is there. Two first attempts may race: PostgreSQL lets
     * the second insert do nothing; H2 refuses it as a duplicate key, which rolls back only this
     * transaction and is told to the caller as an exception.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void insertIfAbsent(String usernameKey, Instant now) {
        // A window that starts now with no attempt in it yet; the caller's take() makes the first.
        String insert = "INSERT INTO login_attempts (username_key, window_start, attempts) VALUES (?1, ?2, 0)";
        em.createNativeQuery(postgres ? insert + " ON CONFLICT (username_key) DO NOTHING" : insert)
                .setParameter(1, usernameKey)
                .setParameter(2, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .executeUpdate();
    }

    @Transactional
    void delete(String usernameKey) {
        em.createQuery("DELETE FROM LoginAttempts a WHERE a.usernameKey = :key")
                .setParameter("key", usernameKey)
                .executeUpdate();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    int deleteWindowsStartedBefore(Instant cutoff) {
        return em.createQuery("DELETE FROM LoginAttempts a WHERE a.windowStart < :cutoff")
                .setParameter("cutoff", cutoff)
                .executeUpdate();
    }
}
