package dev.daehwa.domain.file;

import java.util.Optional;

public interface StoredFileRepository {

    void store(StoredFile file);

    Optional<StoredFile> find(long id);

    /** Locks the uploader's user row until the transaction ends, so that their uploads are counted one at a time. */
    void lockUploader(long userId);

    /** The bytes all of the user's files take, for the quota. */
    long bytesUploadedBy(long userId);
}
