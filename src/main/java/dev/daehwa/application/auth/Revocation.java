package dev.daehwa.application.auth;

/**
 * A credential stopped being valid: fired inside the transaction that ends it, acted on after it
 * commits, on this node and (through the node channel) on every other. What it opened, sockets
 * and HTTP sessions, must end with it.
 */
public sealed interface Revocation {

    /** Whether something the user opened with this credential must end. */
    boolean ends(long userId, CallerCredential credential);

    /** {@code DELETE /api/auth/tokens/{id}}, or every token at once when signing out everywhere. */
    record TokenRevoked(String tokenHash) implements Revocation {
        @Override
        public boolean ends(long userId, CallerCredential credential) {
            return credential instanceof CallerCredential.ApiToken token && token.tokenHash().equals(tokenHash);
        }
    }

    /** A logout, or another login's end when the user signed out the others. */
    record LoginEnded(String loginHash) implements Revocation {
        @Override
        public boolean ends(long userId, CallerCredential credential) {
            return credential instanceof CallerCredential.Login login && login.loginHash().equals(loginHash);
        }
    }

    /**
     * "Sign out everywhere" ({@code kept} null), or a password change that signs out the others:
     * every login, token and socket of the user but those of the credential kept.
     */
    record SignedOut(long userId, CallerCredential kept) implements Revocation {
        @Override
        public boolean ends(long userId, CallerCredential credential) {
            return userId == this.userId && (kept == null || !kept.equals(credential));
        }
    }
}
