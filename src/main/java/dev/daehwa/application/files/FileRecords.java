package dev.daehwa.application.files;

import dev.daehwa.domain.error.NotFoundException;
import dev.daehwa.domain.file.FileLimits;
import dev.daehwa.domain.file.StoredFile;
import dev.daehwa.domain.file.StoredFileRepository;
import dev.daehwa.domain.room.RoomRepository;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;

/**
 * Writes the row of a received file, and ties its bytes to that row's fate: they are put in place
 * when the transaction commits and removed when it does not, so that no row points at bytes that
 * were never kept and no bytes stay without a row.
 */
@ApplicationScoped
@Transactional
public class FileRecords {

    @Inject
    private StoredFileRepository files;

    @Inject
    private RoomRepository rooms;

    @Inject
    private FileStorage storage;

    @Inject
    private Clock clock;

    @Resource
    private TransactionSynchronizationRegistry transaction;

    /**
     * The uploader's row is locked before their files are summed, so that two uploads at once
     * are counted one after the other against the quota. Membership is asked again: the
     * uploader may have left the room while the bytes came in.
     */
    public StoredFile record(long userId, long roomId, String sentName, String contentType, long size, String sha256,
                             String key, FileLimits limits) {
        transaction.registerInterposedSynchronization(new KeepOnCommit(storage, key));
        rooms.findMembership(roomId, userId).orElseThrow(NotFoundException::room);
        files.lockUploader(userId);
        limits.allow(files.bytesUploadedBy(userId), size);
        StoredFile file = new StoredFile(roomId, userId, sentName, size, contentType, sha256, key,
                Instant.now(clock));
        files.store(file);
        return file;
    }

    private record KeepOnCommit(FileStorage storage, String key) implements Synchronization {

        @Override
        public void beforeCompletion() {
        }

        @Override
        public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
                storage.keep(key);
            } else {
                storage.discard(key);
            }
        }
    }
}
