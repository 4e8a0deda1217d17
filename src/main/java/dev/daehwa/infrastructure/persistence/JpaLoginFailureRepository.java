package dev.daehwa.infrastructure.persistence;

import dev.daehwa.domain.auth.LoginFailure;
import dev.daehwa.domain.auth.LoginFailureRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

@ApplicationScoped
public class JpaLoginFailureRepository implements LoginFailureRepository {

    @PersistenceContext(unitName = "daehwa")
    private EntityManager em;

    @Override
    public List<Instant> failuresSince(String usernameKey, Instant since) {
        return em.createQuery("""
                        SELECT f.failedAt FROM LoginFailure f
                        WHERE f.usernameKey = :key AND f.failedAt > :since
                        ORDER BY f.failedAt""", Instant.class)
                .setParameter("key", usernameKey)
                .setParameter("since", since)
                .getResultList();
    }

    @Override
    public void record(LoginFailure failure) {
        em.persist(failure);
    }

    @Override
    public void forget(String usernameKey) {
        em.createQuery("DELETE FROM LoginFailure f WHERE f.usernameKey = :key")
                .setParameter("key", usernameKey)
                .executeUpdate();
    }

    @Override
    public void purgeBefore(String usernameKey, Instant cutoff) {
        em.createQuery("DELETE FROM LoginFailure f WHERE f.usernameKey = :key AND f.failedAt <= :cutoff")
                .setParameter("key", usernameKey)
                .setParameter("cutoff", cutoff)
                .executeUpdate();
    }
}
