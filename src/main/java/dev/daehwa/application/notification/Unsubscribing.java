package dev.daehwa.application.notification;

import dev.daehwa.domain.error.FieldRefusal;
import dev.daehwa.domain.error.InvalidInputException;
import dev.daehwa.domain.notification.EmailCadence;
import dev.daehwa.domain.room.Membership;
import dev.daehwa.domain.room.RoomRepository;
import dev.daehwa.domain.user.UserRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;

/**
 * What the unsubscribe link of a notification email does, for whoever holds the link: no login,
 * the signed token is the permission. It can only turn email off. The room a token names may be
 * gone or left by now; then there is nothing to mute, and that is a success, not an error.
 */
@ApplicationScoped
@Transactional
public class Unsubscribing {

    @Inject
    private UnsubscribeTokens tokens;

    @Inject
    private RoomRepository rooms;

    @Inject
    private UserRepository users;

    /** What the link is about, for the page that asks to confirm. */
    public record Subject(String roomName, boolean roomMuted, boolean allEmailOff) {
    }

    public Subject describe(String token) {
        return describe(verify(token));
    }

    /** No more email from the room the link came from (the one-click action). */
    public Subject muteRoom(String token) {
        UnsubscribeTokens.Subject subject = verify(token);
        rooms.findMembership(subject.roomId(), subject.userId()).ifPresent(m -> m.muteEmail(true));
        return describe(subject);
    }

    /** No more notification email at all. */
    public Subject stopAllEmail(String token) {
        UnsubscribeTokens.Subject subject = verify(token);
        users.get(subject.userId()).chooseEmailCadence(EmailCadence.NEVER);
        return describe(subject);
    }

    private Subject describe(UnsubscribeTokens.Subject subject) {
        Optional<Membership> membership = rooms.findMembership(subject.roomId(), subject.userId());
        boolean allOff = users.get(subject.userId()).chosenEmailCadence().orElse(null) == EmailCadence.NEVER;
        // A direct room has no name of its own: it is named for the other person.
        return new Subject(membership.map(m -> m.room().isDirect()
                        ? rooms.roomNamesOf(subject.userId()).get(m.room().id()) : m.room().name()).orElse(null),
                membership.map(Membership::isEmailMuted).orElse(true), allOff);
    }

    private UnsubscribeTokens.Subject verify(String token) {
        return tokens.verify(token).orElseThrow(() -> InvalidInputException.of(FieldRefusal.UNSUBSCRIBE_TOKEN_INVALID,
                "This unsubscribe link is not valid: it may have been cut short when it was copied."));
    }
}
