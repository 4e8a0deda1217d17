package dev.daehwa.application.notification;

import java.util.Optional;

/**
 * The one-click unsubscribe links of notification emails. A link needs no login, so the token
 * itself must prove that the server wrote it for that user and room; it can only turn email off.
 */
public interface UnsubscribeTokens {

    /** Who a valid token speaks for. */
    record Subject(long userId, long roomId) {
    }

    String tokenFor(long userId, long roomId);

    /** The subject of a token this server made; empty for anything else. */
    Optional<Subject> verify(String token);
}
