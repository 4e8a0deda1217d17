package dev.daehwa.infrastructure.auth;

/**
 * How an authenticated caller is represented to the container. The principal's name is the user's
 * id: ids never change, and every layer (REST, Faces, WebSocket) can resolve it without guessing.
 */
public final class CallerIdentity {

    public static final String USER_GROUP = "user";
    /** Request attribute: how this request was authenticated ({@link AuthMethod}). */
    public static final String AUTH_METHOD_ATTRIBUTE = "dev.daehwa.authMethod";
    /** Session attribute holding the logged-in user's id. */
    public static final String SESSION_USER_ATTRIBUTE = "dev.daehwa.userId";
    /** The hash of the login (cookie) the session was established from. */
    public static final String SESSION_LOGIN_ATTRIBUTE = "dev.daehwa.login";

    public enum AuthMethod { SESSION, BEARER, INVALID_BEARER }

    private CallerIdentity() {
    }

    public static String principalName(long userId) {
        return Long.toString(userId);
    }
}
