package dev.daehwa.infrastructure.files;

import dev.daehwa.application.files.FileStorage;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Files under {@code DAEHWA_DATA_DIR/files}, one per key. An upload is written to
 * {@code <key>.part} in the same folder and renamed to {@code <key>} when kept: a rename within
 * one folder is atomic, so a download never finds half a file. Keys are random, never derived
 * from anything a client sent, so no name reaches the file system.
 */
@ApplicationScoped
public class FilesystemStorage implements FileStorage {

    private static final Logger LOG = Logger.getLogger(FilesystemStorage.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PART = ".part";

    @Inject
    @ConfigProperty(name = "DAEHWA_DATA_DIR", defaultValue = "data")
    String dataDir;

    private Path folder;

    @PostConstruct
    void open() {
        folder = Path.of(dataDir).toAbsolutePath().normalize().resolve("files");
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the files folder " + folder, e);
        }
    }

    @Override
    public String receive(InputStream content) throws IOException {
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        String key = HexFormat.of().formatHex(random);
        Path part = partOf(key);
        try {
            Files.copy(content, part);
            return key;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(part);
            throw e;
        }
    }

    @Override
    public void keep(String key) {
        try {
            Files.move(partOf(key), pathOf(key), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // The row is committed; its download answers 404 until an operator restores the bytes.
            LOG.log(Level.SEVERE, "could not put the received file " + key + " in place", e);
        }
    }

    @Override
    public void discard(String key) {
        try {
            Files.deleteIfExists(partOf(key));
        } catch (IOException e) {
            LOG.log(Level.WARNING, "could not remove the refused upload " + key, e);
        }
    }

    @Override
    public Optional<SeekableByteChannel> open(String key) throws IOException {
        try {
            return Optional.of(Files.newByteChannel(pathOf(key), StandardOpenOption.READ));
        } catch (NoSuchFileException missing) {
            return Optional.empty();
        }
    }

    private Path partOf(String key) {
        return folder.resolve(checked(key) + PART);
    }

    private Path pathOf(String key) {
        return folder.resolve(checked(key));
    }

    /** Keys are 32 hex digits; anything else in a row is a bug, not a path to follow. */
    private static String checked(String key) {
        if (!key.matches("[0-9a-f]{32}")) {
            throw new IllegalArgumentException("not a storage key: " + key);
        }
        return key;
    }
}
