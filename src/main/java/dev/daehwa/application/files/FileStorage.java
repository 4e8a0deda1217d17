package dev.daehwa.application.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import java.util.Optional;

/**
 * Where the bytes of uploaded files live. An upload is received under a new key but is not there
 * yet: {@link #keep} puts it in place once its row is committed, {@link #discard} removes what was
 * received when it is not. Nothing of a refused or broken upload stays behind.
 */
public interface FileStorage {

    /**
     * Copies the content to a new temporary place and returns its key. When reading fails (the
     * client went away, or the content passed its limit) whatever was written is removed first.
     */
    String receive(InputStream content) throws IOException;

    /** Puts received bytes in place under their key, atomically: a reader sees all of them or none. */
    void keep(String key);

    /** Removes received bytes that will not be kept; nothing happens when there are none. */
    void discard(String key);

    /** The kept bytes under this key, to read from any position; empty when they are missing. */
    Optional<SeekableByteChannel> open(String key) throws IOException;
}
