package dev.daehwa.infrastructure.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * PBKDF2-HMAC-SHA512 with 210,000 iterations by default (OWASP's 2023 advice). The parameters are
 * stored inside each hash, so raising the iteration count later keeps old hashes verifiable.
 */
@ApplicationScoped
public class PasswordHasher {

    @Inject
    private Pbkdf2PasswordHash pbkdf2;

    @Inject
    @ConfigProperty(name = "DAEHWA_PASSWORD_ITERATIONS", defaultValue = "210000")
    private int iterations;

    /** Verified against when the username is unknown, so both cases take the same time. */
    private String decoy;

    /** Jakarta Security refuses fewer; a lower setting is raised rather than failing every login. */
    static final int MIN_ITERATIONS = 1024;

    @PostConstruct
    void configure() {
        pbkdf2.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
                "Pbkdf2PasswordHash.Iterations", Integer.toString(Math.max(MIN_ITERATIONS, iterations)),
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "64"));
        decoy = pbkdf2.generate("decoy password, never matches".toCharArray());
    }

    public String hash(String password) {
        return pbkdf2.generate(password.toCharArray());
    }

    public boolean matches(String password, String hash) {
        return pbkdf2.verify(password.toCharArray(), hash);
    }

    /** Spends the time a real check would, then fails. */
    public boolean matchesNobody(String password) {
        pbkdf2.verify(password.toCharArray(), decoy);
        return false;
    }
}
