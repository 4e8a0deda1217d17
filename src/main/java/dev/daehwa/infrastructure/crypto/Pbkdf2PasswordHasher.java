package dev.daehwa.infrastructure.crypto;

import dev.daehwa.application.accounts.PasswordHasher;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * PBKDF2-HMAC-SHA512 with 210,000 iterations by default (OWASP's 2023 advice). The parameters are
 * stored inside each hash, so raising the iteration count later keeps old hashes verifiable, and
 * each is upgraded at its owner's next login ({@link #needsRehash}).
 */
@ApplicationScoped
public class Pbkdf2PasswordHasher implements PasswordHasher {

    @Inject
    private Pbkdf2PasswordHash pbkdf2;

    @Inject
    @ConfigProperty(name = "DAEHWA_PASSWORD_ITERATIONS", defaultValue = "210000")
    private int iterations;

    /** Verified against when the username is unknown, so both cases take the same time. */
    private String decoy;

    /** Jakarta Security refuses fewer; a lower setting is raised rather than failing every login. */
    static final int MIN_ITERATIONS = 1024;

    static final String ALGORITHM = "PBKDF2WithHmacSHA512";

    @PostConstruct
    void configure() {
        pbkdf2.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", ALGORITHM,
                "Pbkdf2PasswordHash.Iterations", Integer.toString(effectiveIterations()),
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "64"));
        decoy = pbkdf2.generate("decoy password, never matches".toCharArray());
    }

    @Override
    public String hash(String password) {
        return pbkdf2.generate(password.toCharArray());
    }

    @Override
    public boolean matches(String password, String hash) {
        return pbkdf2.verify(password.toCharArray(), hash);
    }

    @Override
    public boolean needsRehash(String storedHash) {
        return weakerThan(storedHash, effectiveIterations());
    }

    private int effectiveIterations() {
        return Math.max(MIN_ITERATIONS, iterations);
    }

    /**
     * Reads the parameters Jakarta Security's PBKDF2 stores in each hash,
     * {@code algorithm:iterations:salt:hash}. Another algorithm counts as weaker: this one is
     * the one chosen now. A hash that cannot be read cannot be matched either, so it is left alone.
     */
    static boolean weakerThan(String storedHash, int iterations) {
        String[] parts = storedHash == null ? new String[0] : storedHash.split(":", -1);
        if (parts.length != 4) {
            return false;
        }
        try {
            return !parts[0].equals(ALGORITHM) || Integer.parseInt(parts[1]) < iterations;
        } catch (NumberFormatException unreadable) {
            return false;
        }
    }

    @Override
    public boolean matchesNobody(String password) {
        pbkdf2.verify(password.toCharArray(), decoy);
        return false;
    }
}
