package dev.daehwa.domain.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;
import java.util.Optional;

/**
 * The outbox bookkeeping of an email that must be delivered: when it is due, how many times a
 * worker took it (a take that a crash interrupted counts too, so that a worker whose lease ran
 * out cannot settle a row taken again since), and its failures, retried while the
 * {@link RetrySchedule} allows. Shared by notification and confirmation emails.
 */
@Embeddable
public class SendAttempts {

    private static final int ERROR_MAX = 1000;

    @Column(name = "due_at")
    private Instant dueAt;

    private int attempts;

    private int failures;

    @Column(name = "first_failed_at")
    private Instant firstFailedAt;

    @Column(name = "last_error")
    private String lastError;

    /** Nothing tried yet; due once {@link #restart} or {@link #dueAt(Instant)} says when. */
    public SendAttempts() {
    }

    /** A fresh start, due at once; the attempt count moves on, so any earlier claim is void. */
    public void restart(Instant now) {
        dueAt = now;
        attempts++;
        failures = 0;
        firstFailedAt = null;
        lastError = null;
    }

    /** Whether the claim taken at {@code attempt} is the latest take. */
    public boolean isTake(int attempt) {
        return attempts == attempt;
    }

    public void dueAt(Instant when) {
        dueAt = when;
    }

    /**
     * A send failed: it is due again when the schedule says.
     *
     * @return false when the schedule gives up, and the email is to be settled as failed
     */
    public boolean failed(String error, RetrySchedule schedule, Instant now) {
        failures++;
        lastError = error == null ? "" : error.length() > ERROR_MAX ? error.substring(0, ERROR_MAX) : error;
        if (firstFailedAt == null) {
            firstFailedAt = now;
        }
        Optional<Instant> next = schedule.nextAttempt(failures, firstFailedAt, now);
        next.ifPresent(this::dueAt);
        return next.isPresent();
    }

    public Instant dueAt() {
        return dueAt;
    }

    public int attempts() {
        return attempts;
    }

    public int failures() {
        return failures;
    }

    public Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }
}
