package dev.daehwa.application.notification;

import dev.daehwa.domain.notification.EmailCadence;
import dev.daehwa.domain.notification.RetrySchedule;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every duration of the notification queue: the cadences' delays, the retry schedule and the
 * lease of a claimed notification. {@code DAEHWA_NOTIFY_TIME_SCALE} multiplies them (the lease
 * down to a floor), so that
 * tests and demos can watch a "2 minute" batch or a day of retries happen in seconds with the
 * real rules; production leaves it at 1.
 */
@ApplicationScoped
public class NotificationTiming {

    private static final Logger LOG = Logger.getLogger(NotificationTiming.class.getName());

    /**
     * How long a worker holds a notification it took. Far longer than a send may take (the SMTP
     * timeouts are a minute), so that only a worker that died leaves one to be taken again.
     */
    private static final Duration LEASE = Duration.ofMinutes(5);
    /**
     * The lease is never shorter than this, whatever the time scale: a send is bounded by the
     * SMTP timeouts (see MailSettings), not by the scale, and a lease that ended mid-send would
     * let another worker take the notification.
     */
    private static final Duration MIN_LEASE = Duration.ofMinutes(2);

    private static final Duration CONFIRMATION_COOLDOWN = Duration.ofMinutes(1);

    @Inject
    @ConfigProperty(name = "DAEHWA_NOTIFY_TIME_SCALE", defaultValue = "1")
    private String scaleSetting;

    private double scale;

    @PostConstruct
    void readScale() {
        try {
            scale = Double.parseDouble(scaleSetting.strip());
        } catch (NumberFormatException e) {
            scale = Double.NaN;
        }
        if (!(scale > 0 && scale <= 1000)) {
            LOG.warning(() -> "DAEHWA_NOTIFY_TIME_SCALE=" + scaleSetting + " is not a positive number; using 1");
            scale = 1;
        } else if (scale != 1) {
            LOG.warning(() -> "DAEHWA_NOTIFY_TIME_SCALE=" + scaleSetting + ": every email delay and retry interval"
                    + " is multiplied by it. This is for tests and demos, not production.");
        }
    }

    /** How long after a message a member with this cadence is emailed (zero for never, which is not emailed). */
    public Duration delayOf(EmailCadence cadence) {
        return cadence.delay().map(this::scaled).orElse(Duration.ZERO);
    }

    public RetrySchedule retrySchedule() {
        return RetrySchedule.DEFAULT.scaled(scale);
    }

    /**
     * How soon after one confirmation email a user may ask for another (a resend, or a change of
     * address): a form cannot be used to flood an inbox that is not the user's.
     */
    public Duration confirmationCooldown() {
        return scaled(CONFIRMATION_COOLDOWN);
    }

    public Duration lease() {
        Duration scaled = scaled(LEASE);
        return scaled.compareTo(MIN_LEASE) < 0 ? MIN_LEASE : scaled;
    }

    private Duration scaled(Duration duration) {
        return duration.isZero() ? duration : Duration.ofNanos(Math.max(1_000_000, Math.round(duration.toNanos() * scale)));
    }
}
