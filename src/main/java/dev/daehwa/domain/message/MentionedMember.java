package dev.daehwa.domain.message;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * One person a message mentions, stored with the message. The room and seq are copied from the
 * message so that counting someone's unread mentions in a room never reads message rows.
 */
@Embeddable
public class MentionedMember {

    @Column(name = "user_id")
    private long userId;

    @Column(name = "room_id")
    private long roomId;

    private long seq;

    protected MentionedMember() {
        // for JPA
    }

    MentionedMember(long userId, long roomId, long seq) {
        this.userId = userId;
        this.roomId = roomId;
        this.seq = seq;
    }

    public long userId() {
        return userId;
    }
}
