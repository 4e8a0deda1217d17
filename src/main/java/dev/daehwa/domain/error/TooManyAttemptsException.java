package dev.daehwa.domain.error;

import java.time.Duration;
import java.util.Optional;

/** Login throttling: too many failures for one username; try again after {@link #retryIn()}. */
public final class TooManyAttemptsException extends DomainException {

    private final Duration retryAfter;

    public TooManyAttemptsException(Duration retryAfter) {
        super("Too many failed logins for this username. Try again in "
                + Math.max(1, retryAfter.toSeconds()) + " seconds.");
        this.retryAfter = retryAfter;
    }

    /** Any other action that is allowed only so often; {@code detail} says which. */
    public TooManyAttemptsException(Duration retryAfter, String detail) {
        super(detail);
        this.retryAfter = retryAfter;
    }

    @Override
    public Optional<Duration> retryIn() {
        return Optional.of(retryAfter);
    }

    @Override
    public String problemType() {
        return "too-many-attempts";
    }

    @Override
    public String title() {
        return "Too many attempts";
    }

    @Override
    public int status() {
        return 429;
    }
}
