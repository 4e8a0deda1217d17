package dev.daehwa.infrastructure.persistence;

import dev.daehwa.domain.user.LoginSession;
import dev.daehwa.domain.user.LoginSessionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

@ApplicationScoped
public class JpaLoginSessionRepository implements LoginSessionRepository {

    @PersistenceContext(unitName = "daehwa")
    private EntityManager em;

    @Override
    public Optional<LoginSession> findByHash(String tokenHash) {
        return em.createQuery("SELECT l FROM LoginSession l WHERE l.tokenHash = :hash", LoginSession.class)
                .setParameter("hash", tokenHash)
                .getResultStream().findFirst();
    }

    @Override
    public void store(LoginSession login) {
        em.persist(login);
    }

    @Override
    public void remove(LoginSession login) {
        em.remove(login);
    }

    @Override
    public void removeAllOf(long userId, String keptHash) {
        // "" matches no hash (they are hex digests), which spares a second query shape for "none kept"
        em.createQuery("DELETE FROM LoginSession l WHERE l.owner.id = :user AND l.tokenHash <> :kept")
                .setParameter("user", userId)
                .setParameter("kept", keptHash == null ? "" : keptHash)
                .executeUpdate();
    }
}
