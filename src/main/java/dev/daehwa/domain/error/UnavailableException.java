package dev.daehwa.domain.error;

import java.time.Duration;
import java.util.Optional;

/**
 * A part of the app is switched off or not ready on this node (search turned off, for one). Not
 * the caller's fault and not a crash: a 503 that says what is missing, and, when the part is on
 * its way (starting, or its server briefly gone), when to ask again.
 */
public final class UnavailableException extends DomainException {

    private final Duration retryIn;

    /** Unavailable until an operator changes something: asking again soon would not help. */
    public UnavailableException(String detail) {
        this(detail, null);
    }

    private UnavailableException(String detail, Duration retryIn) {
        super(detail);
        this.retryIn = retryIn;
    }

    /** Unavailable for a moment: the client may ask again after {@code retryIn}. */
    public static UnavailableException forAMoment(String detail, Duration retryIn) {
        return new UnavailableException(detail, retryIn);
    }

    @Override
    public Optional<Duration> retryIn() {
        return Optional.ofNullable(retryIn);
    }

    @Override
    public String problemType() {
        return "unavailable";
    }

    @Override
    public String title() {
        return "Temporarily unavailable";
    }
}
