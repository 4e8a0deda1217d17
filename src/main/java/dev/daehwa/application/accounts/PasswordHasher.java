package dev.daehwa.application.accounts;

/**
 * Passwords are kept only as slow, salted hashes. The parameters travel inside each hash, so that
 * raising the cost later keeps old hashes verifiable and upgrades each at its owner's next login.
 */
public interface PasswordHasher {

    String hash(String password);

    boolean matches(String password, String hash);

    /** Whether a stored hash is weaker than new ones are, and is to be replaced at the next login. */
    boolean needsRehash(String storedHash);

    /**
     * For a username that does not exist: spends the time a real check would, then fails, so that
     * the answer's timing does not tell which usernames exist.
     */
    boolean matchesNobody(String password);
}
