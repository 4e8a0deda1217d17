package dev.daehwa.infrastructure.persistence;

import dev.daehwa.domain.file.StoredFile;
import dev.daehwa.domain.file.StoredFileRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

@ApplicationScoped
public class JpaStoredFileRepository implements StoredFileRepository {

    @PersistenceContext(unitName = "daehwa")
    private EntityManager em;

    @Override
    public void store(StoredFile file) {
        em.persist(file);
        em.flush();
    }

    @Override
    public Optional<StoredFile> find(long id) {
        return Optional.ofNullable(em.find(StoredFile.class, id));
    }

    @Override
    public void lockUploader(long userId) {
        em.createNativeQuery("SELECT id FROM app_user WHERE id = ? FOR UPDATE").setParameter(1, userId)
                .getResultList();
    }

    @Override
    public long bytesUploadedBy(long userId) {
        Long total = em.createQuery("SELECT SUM(f.size) FROM StoredFile f WHERE f.uploaderId = :user", Long.class)
                .setParameter("user", userId)
                .getSingleResult();
        return total == null ? 0 : total;
    }
}
