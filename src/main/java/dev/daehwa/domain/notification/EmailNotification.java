package dev.daehwa.domain.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/**
 * One email owed to one member about one room: the task in the notification queue. It is created
 * in the transaction of the message that causes it, and
 * stays open until it is settled as sent, skipped (nothing was left unread when its time came) or
 * failed (retried for as long as the {@link RetrySchedule} allows). While it is open, newer
 * messages in the room join it rather than queue another email.
 */
@Entity
@Table(name = "email_notification")
public class EmailNotification {

    /** The states, as stored. */
    public enum State {
        PENDING, SENT, SKIPPED, FAILED;

        String stored() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    @Id
    private Long id;

    @Column(name = "user_id")
    private long userId;

    @Column(name = "room_id")
    private long roomId;

    @Column(name = "open_user_id")
    private Long openUserId;

    @Column(name = "open_room_id")
    private Long openRoomId;

    private String state;

    @Embedded
    private SendAttempts sending;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "through_seq")
    private Long throughSeq;

    @Column(name = "settled_at")
    private Instant settledAt;

    protected EmailNotification() {
        // rows are created by the queue's insert; JPA reads and settles them
    }

    /** Sent: the email covered the room's messages up to {@code seq}. */
    public void sent(long seq, Instant now) {
        throughSeq = seq;
        settle(State.SENT, now);
    }

    /** Nothing was left to tell when its time came: the member had read everything. */
    public void skipped(Instant now) {
        settle(State.SKIPPED, now);
    }

    /**
     * A send failed. It is tried again when the schedule says, or, once the schedule gives up,
     * settled as failed.
     *
     * @return true when it gave up
     */
    public boolean failed(String error, RetrySchedule schedule, Instant now) {
        if (sending.failed(error, schedule, now)) {
            return false;
        }
        settle(State.FAILED, now);
        return true;
    }

    /** Whether this claim still holds it: open, and taken by no worker since. */
    public boolean isHeldBy(Claim claim) {
        return isOpen() && sending.isTake(claim.attempt());
    }

    /** The worker holding it needs it longer (it is about to send): nobody else takes it before {@code until}. */
    public void extendLease(Instant until) {
        sending.dueAt(until);
    }

    /**
     * Not yet: what is unread is younger than the member's delay (they read the older messages in
     * time), so the email waits until the oldest unread message has waited that long.
     */
    public void postpone(Instant until) {
        sending.dueAt(until);
    }

    /** Gives a claimed notification back (the node is shutting down): due again at once. */
    public void release(Instant now) {
        if (isOpen()) {
            sending.dueAt(now);
        }
    }

    private void settle(State outcome, Instant now) {
        state = outcome.stored();
        settledAt = now;
        openUserId = null;
        openRoomId = null;
    }

    public boolean isOpen() {
        return State.PENDING.stored().equals(state);
    }

    public Long id() {
        return id;
    }

    public long userId() {
        return userId;
    }

    public long roomId() {
        return roomId;
    }

    public State state() {
        return State.valueOf(state.toUpperCase(java.util.Locale.ROOT));
    }

    public Instant dueAt() {
        return sending.dueAt();
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** How many times a worker has taken it, including a take that a crash interrupted. */
    public int attempts() {
        return sending.attempts();
    }

    public int failures() {
        return sending.failures();
    }

    public Optional<String> lastError() {
        return sending.lastError();
    }
}
