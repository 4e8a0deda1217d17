package dev.daehwa.domain.limit;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "At most {@code count} per {@code period}", as a token bucket: a client may use all
 * {@code count} at once, and gets them back at an even pace over the period. Written in settings
 * as {@code COUNT/PERIOD} with the period in s, m or h: {@code 30/1m}, {@code 50/5s}.
 */
public record RateLimit(int count, Duration period) {

    private static final Pattern SETTING = Pattern.compile("\\s*(\\d{1,9})\\s*/\\s*(\\d{1,6})\\s*([smh])\\s*");

    public RateLimit {
        if (count < 1 || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("a rate limit needs a positive count and period");
        }
    }

    public static RateLimit parse(String setting, String name) {
        Matcher m = SETTING.matcher(setting);
        if (!m.matches() || Integer.parseInt(m.group(1)) < 1 || Long.parseLong(m.group(2)) < 1) {
            throw new IllegalArgumentException(name + " must look like 30/1m (a count per seconds s, minutes m or hours h), not "
                    + setting);
        }
        long amount = Long.parseLong(m.group(2));
        Duration period = switch (m.group(3)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
        return new RateLimit(Integer.parseInt(m.group(1)), period);
    }

    /** How long one token takes to come back. */
    Duration refillEach() {
        return period.dividedBy(count);
    }

    @Override
    public String toString() {
        return count + " per " + period;
    }
}
