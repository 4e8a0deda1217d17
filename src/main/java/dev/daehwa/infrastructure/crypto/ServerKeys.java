package dev.daehwa.infrastructure.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Secret keys the server signs with, created at first use and kept in the database: every node
 * of a cluster signs and checks with the same key, and a restart does not invalidate links that
 * are already in people's inboxes. Nobody has to configure one.
 */
@ApplicationScoped
public class ServerKeys {

    private static final Logger LOG = Logger.getLogger(ServerKeys.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    private ServerKeyStore store;

    @Inject
    private Clock clock;

    private final Map<String, byte[]> keys = new ConcurrentHashMap<>();

    /** The 32-byte key of this name. */
    public byte[] key(String name) {
        return keys.computeIfAbsent(name, this::loadOrCreate);
    }

    private byte[] loadOrCreate(String name) {
        String secret = store.find(name).orElseGet(() -> create(name));
        return Base64.getDecoder().decode(secret);
    }

    private String create(String name) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = Base64.getEncoder().encodeToString(bytes);
        try {
            store.insert(name, secret, Instant.now(clock));
            LOG.info(() -> "Created the server key '" + name + "'");
            return secret;
        } catch (RuntimeException anotherNodeWasFirst) {
            // The primary key makes one insert win; everyone then uses the winner's key.
            return store.find(name).orElseThrow(() -> anotherNodeWasFirst);
        }
    }
}
