package dev.daehwa.infrastructure.persistence;

import dev.daehwa.domain.auth.BrowserLogin;
import dev.daehwa.domain.auth.BrowserLoginRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

@ApplicationScoped
public class JpaBrowserLoginRepository implements BrowserLoginRepository {

    @PersistenceContext(unitName = "daehwa")
    private EntityManager em;

    @Override
    public Optional<BrowserLogin> findByHash(String tokenHash) {
        return em.createQuery("SELECT l FROM BrowserLogin l WHERE l.tokenHash = :hash", BrowserLogin.class)
                .setParameter("hash", tokenHash)
                .getResultStream().findFirst();
    }

    @Override
    public void store(BrowserLogin login) {
        em.persist(login);
    }

    @Override
    public void remove(BrowserLogin login) {
        em.remove(login);
    }

    @Override
    public void removeAllOf(long userId, String keptHash) {
        // "" matches no hash (they are hex digests), which spares a second query shape for "none kept"
        em.createQuery("DELETE FROM BrowserLogin l WHERE l.owner.id = :user AND l.tokenHash <> :kept")
                .setParameter("user", userId)
                .setParameter("kept", keptHash == null ? "" : keptHash)
                .executeUpdate();
    }
}
