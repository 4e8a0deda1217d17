package dev.daehwa.application.notification;

import dev.daehwa.domain.notification.EmailCadence;
import java.util.List;

/**
 * A user's email notification settings as they apply now: their chosen cadence, or the server's
 * default when they never chose, and the rooms they muted (ascending ids).
 */
public record NotificationSettings(EmailCadence email, List<Long> mutedRooms) {

    public NotificationSettings {
        mutedRooms = List.copyOf(mutedRooms);
    }
}
