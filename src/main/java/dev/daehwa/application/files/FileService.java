package dev.daehwa.application.files;

import dev.daehwa.domain.error.NotFoundException;
import dev.daehwa.domain.file.FileLimits;
import dev.daehwa.domain.file.StoredFile;
import dev.daehwa.domain.file.StoredFileRepository;
import dev.daehwa.domain.room.RoomRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;

/**
 * Files in rooms: uploaded by members, read by members. To anyone else a file, like its room,
 * does not exist. An upload streams to storage before any transaction begins (a slow client holds
 * no database connection), counted against the uploader's limits as it comes in.
 */
@ApplicationScoped
public class FileService {

    @Inject
    private RoomRepository rooms;

    @Inject
    private StoredFileRepository files;

    @Inject
    private FileRecords records;

    @Inject
    private FileStorage storage;

    @Inject
    private ContentSniffer sniffer;

    @Inject
    private FileSettings settings;

    /** A stored file and its bytes, open at the start; the caller closes them. */
    public record Download(StoredFile file, SeekableByteChannel bytes) {
    }

    /**
     * Refuses an upload before a byte of it is read: one to a room the caller is not in (404),
     * or one whose announced length ({@code -1} when unknown) is already past the size limit,
     * beyond room for the request's own framing (413). What it then sends is counted anyway.
     */
    public void checkAnnounced(long userId, long roomId, long announcedBytes, long framingBytes) {
        rooms.findMembership(roomId, userId).orElseThrow(NotFoundException::room);
        FileLimits limits = settings.limits();
        if (announcedBytes > limits.maxBytes() + framingBytes) {
            throw limits.refusal(0, announcedBytes);
        }
    }

    /**
     * Stores the content as a file of the room. Refused with 413 ({@code TooLargeException}) the
     * moment it passes the size limit or the uploader's quota; an {@code IOException} means the
     * client stopped sending. Either way nothing of it is kept.
     */
    public StoredFile upload(long userId, long roomId, String sentName, InputStream content) throws IOException {
        rooms.findMembership(roomId, userId).orElseThrow(NotFoundException::room);
        FileLimits limits = settings.limits();
        long used = files.bytesUploadedBy(userId);
        CountedUpload upload = new CountedUpload(content, limits.allowance(used));
        String key;
        try {
            key = storage.receive(upload);
        } catch (CountedUpload.OverAllowance over) {
            throw limits.refusal(used, upload.size());
        }
        try {
            return records.record(userId, roomId, sentName, sniffer.sniff(upload.head()), upload.size(),
                    upload.sha256(), key, limits);
        } catch (RuntimeException notRecorded) {
            storage.discard(key);
            throw notRecorded;
        }
    }

    /** The file and its bytes, for a member of its room; not found for anyone else, or when its bytes are gone. */
    public Download download(long userId, long fileId) throws IOException {
        StoredFile file = files.find(fileId)
                .filter(f -> rooms.findMembership(f.roomId(), userId).isPresent())
                .orElseThrow(NotFoundException::file);
        SeekableByteChannel bytes = storage.open(file.storageKey()).orElseThrow(NotFoundException::file);
        return new Download(file, bytes);
    }
}
