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
 */
public enum EmailCadence {
    IMMEDIATE("immediate", Duration.ZERO),
    TWO_MINUTES("2m", Duration.ofMinutes(2)),
    FIFTEEN_MINUTES("15m", Duration.ofMinutes(15)),
    ONE_HOUR("1h", Duration.ofHours(1)),
    NEVER("never", null);

    /** For users who never chose, unless DAEHWA_NOTIFY_DEFAULT says otherwise. */
    public static final EmailCadence DEFAULT = TWO_MINUTES;

    private final String value;
    private final Duration delay;

    EmailCadence(String value, Duration delay) {
        this.value = value;
        this.delay = delay;
    }

    /** The value as the API and the settings write it: immediate, 2m, 15m, 1h or never. */
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

    /** @throws InvalidInputException for anything but the five values */
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
