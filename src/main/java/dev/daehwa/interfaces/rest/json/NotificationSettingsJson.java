package dev.daehwa.interfaces.rest.json;

import dev.daehwa.application.notification.NotificationSettings;
import java.util.List;

/**
 * {@code email}: immediate, 2m, 15m, 1h, mentions (only mentions and direct messages) or never;
 * {@code mutedRooms}: rooms that email only mentions; {@code mentions}: whether mentions are
 * emailed even from muted rooms and under {@code mentions}.
 */
public record NotificationSettingsJson(String email, List<Long> mutedRooms, boolean mentions) {

    public static NotificationSettingsJson of(NotificationSettings settings) {
        return new NotificationSettingsJson(settings.email().value(), settings.mutedRooms(), settings.mentions());
    }
}
