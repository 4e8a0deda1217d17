package dev.daehwa.application.auth;

/**
 * The secrets behind API tokens, login cookies and email links: made at random, shown once, and
 * stored only as a hash, so that a copy of the database opens nothing.
 */
public interface TokenSecrets {

    /** A new secret; it exists only in the caller's hands, the store keeps its {@link #hashOf hash}. */
    String newSecret();

    /** What is stored for a secret: the same on every node, and useless for logging in. */
    String hashOf(String secret);

    /** Whether a string has the form of a secret at all, so that nothing is looked up for others. */
    boolean hasSecretForm(String candidate);
}
