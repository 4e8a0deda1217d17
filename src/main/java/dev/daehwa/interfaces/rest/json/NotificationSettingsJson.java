package dev.daehwa.interfaces.rest.json;

import dev.daehwa.application.notification.NotificationSettings;
import java.util.List;

/** {@code email}: immediate, 2m, 15m, 1h or never; {@code mutedRooms}: rooms that never email. */
public record NotificationSettingsJson(String email, List<Long> mutedRooms) {

    public static NotificationSettingsJson of(NotificationSettings settings) {
        return new NotificationSettingsJson(settings.email().value(), settings.mutedRooms());
    }
}
