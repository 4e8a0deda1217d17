package dev.daehwa.domain.file;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * A file uploaded to a room. The row is the file's identity; its bytes are kept elsewhere under
 * {@link #storageKey()} and never change, so {@link #sha256()} identifies them for caching.
 * Ids, not relations: nothing about a file needs its room or uploader loaded.
 */
@Entity
@Table(name = "stored_file")
public class StoredFile {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "stored_file_id")
    @SequenceGenerator(name = "stored_file_id", sequenceName = "stored_file_id_seq", allocationSize = 50)
    private Long id;

    @Column(name = "room_id")
    private long roomId;

    @Column(name = "uploader_id")
    private long uploaderId;

    private String name;

    private long size;

    @Column(name = "content_type")
    private String contentType;

    private String sha256;

    @Column(name = "storage_key")
    private String storageKey;

    @Column(name = "created_at")
    private Instant createdAt;

    /** The message the file is attached to; null while it is not. */
    @Column(name = "message_id")
    private Long messageId;

    protected StoredFile() {
    }

    public StoredFile(long roomId, long uploaderId, String sentName, long size, String contentType, String sha256,
                      String storageKey, Instant createdAt) {
        if (size < 0) {
            throw new IllegalArgumentException("negative size " + size);
        }
        this.roomId = roomId;
        this.uploaderId = uploaderId;
        this.name = FileName.of(sentName);
        this.size = size;
        this.contentType = Objects.requireNonNull(contentType);
        this.sha256 = Objects.requireNonNull(sha256);
        this.storageKey = Objects.requireNonNull(storageKey);
        this.createdAt = Objects.requireNonNull(createdAt);
    }

    public Long id() {
        return id;
    }

    public long roomId() {
        return roomId;
    }

    public long uploaderId() {
        return uploaderId;
    }

    public String name() {
        return name;
    }

    public long size() {
        return size;
    }

    public String contentType() {
        return contentType;
    }

    public String sha256() {
        return sha256;
    }

    public String storageKey() {
        return storageKey;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Long messageId() {
        return messageId;
    }

    /** Whether a browser may show it in the page ({@link InlineTypes}); everything else is a download. */
    public boolean shownInline() {
        return InlineTypes.shownInline(contentType);
    }
}
