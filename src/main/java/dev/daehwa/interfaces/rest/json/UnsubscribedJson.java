package dev.daehwa.interfaces.rest.json;

import dev.daehwa.application.notification.Unsubscribing;

/**
 * After an unsubscribe: {@code room} is the room's name (null when the user is no longer in it),
 * {@code roomMuted} whether it sends no more email, {@code allEmailOff} whether no room does.
 */
public record UnsubscribedJson(String room, boolean roomMuted, boolean allEmailOff) {

    public static UnsubscribedJson of(Unsubscribing.Subject subject) {
        return new UnsubscribedJson(subject.roomName(), subject.roomMuted(), subject.allEmailOff());
    }
}
