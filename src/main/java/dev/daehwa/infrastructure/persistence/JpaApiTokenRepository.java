package dev.daehwa.infrastructure.persistence;

import dev.daehwa.domain.auth.ApiToken;
import dev.daehwa.domain.auth.ApiTokenRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaApiTokenRepository implements ApiTokenRepository {

    @PersistenceContext(unitName = "daehwa")
    private EntityManager em;

    @Override
    public Optional<ApiToken> findByHash(String tokenHash) {
        return em.createQuery("SELECT t FROM ApiToken t JOIN FETCH t.owner WHERE t.tokenHash = :hash", ApiToken.class)
                .setParameter("hash", tokenHash)
                .getResultStream().findFirst();
    }

    @Override
    public List<ApiToken> findByOwner(long userId) {
        return em.createQuery("SELECT t FROM ApiToken t WHERE t.owner.id = :user ORDER BY t.createdAt, t.id", ApiToken.class)
                .setParameter("user", userId)
                .getResultList();
    }

    @Override
    public Optional<ApiToken> findOwned(long tokenId, long userId) {
        return em.createQuery("SELECT t FROM ApiToken t WHERE t.id = :id AND t.owner.id = :user", ApiToken.class)
                .setParameter("id", tokenId)
                .setParameter("user", userId)
                .getResultStream().findFirst();
    }

    @Override
    public void store(ApiToken token) {
        em.persist(token);
    }

    @Override
    public void remove(ApiToken token) {
        em.remove(token);
    }

    @Override
    public void removeAllOf(long userId, String keptHash) {
        // "" matches no hash (they are hex digests), which spares a second query shape for "none kept"
        em.createQuery("DELETE FROM ApiToken t WHERE t.owner.id = :user AND t.tokenHash <> :kept")
                .setParameter("user", userId)
                .setParameter("kept", keptHash == null ? "" : keptHash)
                .executeUpdate();
    }
}
