package dev.daehwa.infrastructure.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** The server_key table, each call in its own transaction (see {@link ServerKeys}). */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class ServerKeyStore {

    @PersistenceContext(unitName = "daehwa")
    private EntityManager em;

    public Optional<String> find(String name) {
        List<?> rows = em.createNativeQuery("SELECT secret FROM server_key WHERE name = ?")
                .setParameter(1, name)
                .getResultList();
        return rows.stream().map(Object::toString).findFirst();
    }

    public void insert(String name, String secret, Instant now) {
        em.createNativeQuery("INSERT INTO server_key (name, secret, created_at) VALUES (?, ?, ?)")
                .setParameter(1, name)
                .setParameter(2, secret)
                .setParameter(3, now.atOffset(ZoneOffset.UTC))
                .executeUpdate();
    }
}
