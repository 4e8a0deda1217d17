package dev.daehwa.domain.error;

import java.time.Duration;
import java.util.Optional;

/** A rate limit said no (logins, sign-ups, tokens, posts, confirmation emails); try again after {@link #retryIn()}. */
public final class TooManyAttemptsException extends DomainException {

    private final Duration retryAfter;

    private TooManyAttemptsException(String what, Duration retryAfter) {
        super(what + " Try again in " + inWords(retryAfter) + ".");
        this.retryAfter = retryAfter;
    }

    /** The username's login attempts are used up for now; the same answer whether it exists or not. */
    public static TooManyAttemptsException forUsername(Duration retryAfter) {
        return new TooManyAttemptsException("Too many login attempts for this username.", retryAfter);
    }

    /** One client address asked for this too often (logins, sign-ups, API tokens). */
    public static TooManyAttemptsException fromClient(Duration retryAfter) {
        return new TooManyAttemptsException("Too many requests of this kind from your address.", retryAfter);
    }

    /** One user posts faster than any person types. */
    public static TooManyAttemptsException forMessages(Duration retryAfter) {
        return new TooManyAttemptsException("You are sending messages too fast.", retryAfter);
    }

    /** A confirmation email was just sent to this user; another waits for the cooldown. */
    public static TooManyAttemptsException forConfirmationEmail(Duration retryAfter) {
        return new TooManyAttemptsException("A confirmation email was sent a moment ago.", retryAfter);
    }

    /** Whole seconds, rounded up, at least one. */
    private static String inWords(Duration wait) {
        long whole = wait.toSeconds();
        long seconds = Math.max(1, wait.minusSeconds(whole).isPositive() ? whole + 1 : whole);
        return seconds == 1 ? "1 second" : seconds + " seconds";
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
}
