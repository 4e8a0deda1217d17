package dev.daehwa.infrastructure.crypto;

import dev.daehwa.application.auth.TokenSecrets;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Secrets of 32 random bytes, URL-safe, with a {@code dhw_} prefix so that a leaked token is
 * recognisable to secret scanners. Only the SHA-256 of a secret is ever stored: a secret has 256
 * random bits, so a fast hash is enough (a slow one would only slow every request).
 */
@ApplicationScoped
public class RandomTokenSecrets implements TokenSecrets {

    public static final String PREFIX = "dhw_";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public String hashOf(String secret) {
        return sha256(secret);
    }

    @Override
    public boolean hasSecretForm(String candidate) {
        return candidate != null && candidate.startsWith(PREFIX);
    }

    /** {@link #hashOf}, for the request filters that are not beans (the socket handshake's). */
    public static String sha256(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
