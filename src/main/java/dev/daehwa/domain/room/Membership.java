package dev.daehwa.domain.room;

import dev.daehwa.domain.user.User;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A user's place in a room, with their read marker: the highest seq they have read. Unread counts
 * and email notifications are derived from the marker, so it only ever moves forward.
 */
@Entity
@Table(name = "membership")
public class Membership {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "membership_id")
    @SequenceGenerator(name = "membership_id", sequenceName = "membership_id_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "room_id")
    private Room room;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id")
    private User user;

    @Column(name = "joined_at")
    private Instant joinedAt;

    @Column(name = "last_read_seq")
    private long lastReadSeq;

    /** No email notifications from this room for this member. */
    @Column(name = "email_muted")
    private boolean emailMuted;

    /** The newest message already emailed to this member: later emails never repeat it. */
    @Column(name = "emailed_seq")
    private long emailedSeq;

    protected Membership() {
        // for JPA
    }

    /**
     * A new member starts caught up: the history is there to scroll through, but it is not
     * "unread" for someone who was not in the room when it was written.
     */
    public static Membership join(Room room, User user, Instant now) {
        Membership membership = new Membership();
        membership.room = room;
        membership.user = user;
        membership.joinedAt = now;
        membership.lastReadSeq = room.lastSeq();
        return membership;
    }

    /** Moves the marker forward to {@code seq}, never back, and never past the room's last seq. */
    public boolean markReadUpTo(long seq) {
        long target = Math.min(seq, room.lastSeq());
        if (target <= lastReadSeq) {
            return false;
        }
        lastReadSeq = target;
        return true;
    }

    public boolean isEmailMuted() {
        return emailMuted;
    }

    public void muteEmail(boolean muted) {
        emailMuted = muted;
    }

    /**
     * Where an email about this room starts: after the newest message the member has read or
     * has already been emailed about.
     */
    public long unnotifiedAfter() {
        return Math.max(lastReadSeq, emailedSeq);
    }

    /** An email covered the messages up to {@code seq}. */
    public void emailedThrough(long seq) {
        emailedSeq = Math.max(emailedSeq, seq);
    }

    public Long id() {
        return id;
    }

    public Room room() {
        return room;
    }

    public User user() {
        return user;
    }

    public Instant joinedAt() {
        return joinedAt;
    }

    public long lastReadSeq() {
        return lastReadSeq;
    }
}
