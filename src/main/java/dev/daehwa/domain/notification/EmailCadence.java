package dev.daehwa.domain.notification;

import dev.daehwa.domain.error.FieldRefusal;
import dev.daehwa.domain.error.InvalidInputException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How long after a message a member who has not read it is emailed about it; or never. The
 * delay is what keeps email quiet: whoever reads the room within it gets nothing.
 * {@link #MENTIONS} emails only what is addressed to the member (mentions, direct messages),
 * after the same delay as {@link #TWO_MINUTES}.
 */
public enum EmailCadence {
    IMMEDIATE("immediate", Duration.ZERO),
    TWO_MINUTES("2m", Duration.ofMinutes(2)),
    FIFTEEN_MINUTES("15m", Duration.ofMinutes(15)),
    ONE_HOUR("1h", Duration.ofHours(1)),
    MENTIONS("mentions", Duration.ofMinutes(2)),
    NEVER("never", null);

    /** For users who never chose, unless DAEHWA_NOTIFY_DEFAULT says otherwise. */
    public static final EmailCadence DEFAULT = TWO_MINUTES;

    private final String value;
    private final Duration delay;

    EmailCadence(String value, Duration delay) {
        this.value = value;
        this.delay = delay;
    }

    /** Whether a member with this cadence is emailed about every message of a room they did not mute. */
    public boolean emailsEveryMessage() {
        return this != MENTIONS && this != NEVER;
    }

    /** The value as the API and the settings write it: immediate, 2m, 15m, 1h, mentions or never. */
    public String value() {
        return value;
    }

    /** The delay before an email, or empty for never. */
    public Optional<Duration> delay() {
        return Optional.ofNullable(delay);
    }

    public static Optional<EmailCadence> find(String value) {
        return Arrays.stream(values()).filter(cadence -> cadence.value.equals(value)).findFirst();
    }

    /** @throws InvalidInputException for anything but the six values */
    public static EmailCadence of(String value) {
        if (value == null || value.isBlank()) {
            throw InvalidInputException.of(FieldRefusal.EMAIL_CADENCE_REQUIRED, "email is required: " + choices() + ".");
        }
        return find(value.strip()).orElseThrow(() -> InvalidInputException.of(FieldRefusal.EMAIL_CADENCE_UNKNOWN,
                "email must be one of " + choices() + ", not " + value + "."));
    }

    private static String choices() {
        return Arrays.stream(values()).map(EmailCadence::value).collect(Collectors.joining(", "));
    }
}
