package dev.daehwa.application.notification;

import dev.daehwa.domain.notification.EmailCadence;
import java.util.List;

/**
 * A user's email notification settings as they apply now: their chosen cadence, or the server's
 * default when they never chose, the rooms they muted (ascending ids), and whether mentions are
 * emailed even from muted rooms and under the mentions-only cadence.
 */
public record NotificationSettings(EmailCadence email, List<Long> mutedRooms, boolean mentions) {

    public NotificationSettings {
        mutedRooms = List.copyOf(mutedRooms);
    }
}
