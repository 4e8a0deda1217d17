package dev.daehwa.domain.message;

import dev.daehwa.domain.error.PermissionDeniedException;
import dev.daehwa.domain.room.Room;
import dev.daehwa.domain.user.User;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One message in a room. Its {@code seq} is its position in the room (1, 2, 3, …), handed out by
 * the locked room row; clients resume and count unread messages by seq. A deleted message keeps
 * its row and seq (so seqs stay gap-free) but loses its content and disappears from every view.
 */
@Entity
@Table(name = "message")
public class Message {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "message_id")
    @SequenceGenerator(name = "message_id", sequenceName = "message_id_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "room_id")
    private Room room;

    @Column(name = "room_id", insertable = false, updatable = false)
    private Long roomId;

    private long seq;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "sender_id")
    private User sender;

    private String content;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "edited_at")
    private Instant editedAt;

    private boolean deleted;

    /** The last time anything about this message changed; the search index catches up by it. */
    @Column(name = "changed_at")
    private Instant changedAt;

    @Column(name = "client_message_id")
    private String clientMessageId;

    /**
     * The message of the same room this one answers, or null. An id, not a relation: what a
     * reply shows of its original is read for whole lists at once, never by loading it here.
     */
    @Column(name = "reply_to_id")
    private Long replyToId;

    /** Who the content mentions, in the order first mentioned ({@link Mentions}). */
    @ElementCollection
    @CollectionTable(name = "message_mention", joinColumns = @JoinColumn(name = "message_id"))
    @OrderColumn(name = "position")
    private List<MentionedMember> mentioned = new ArrayList<>();

    protected Message() {
        // for JPA
    }

    /** Expects the room to be locked and the content checked by {@link MessageContent}. */
    public static Message post(Room room, User sender, String content, String clientMessageId, Instant now) {
        Message message = new Message();
        message.room = room;
        message.roomId = room.id();
        message.sender = sender;
        message.content = content;
        message.clientMessageId = clientMessageId;
        message.createdAt = now;
        message.changedAt = now;
        message.seq = room.nextSeq(now);
        return message;
    }

    /**
     * Makes this message a reply to {@code original}, which must be a visible message of the same
     * room (checked by the caller, which holds the room's lock so that it cannot be deleted meanwhile).
     */
    public void answer(Message original) {
        if (original.roomId() != roomId || original.isDeleted()) {
            throw new IllegalArgumentException("A reply answers a visible message of its own room.");
        }
        replyToId = original.id();
    }

    /**
     * Records who the content mentions, replacing whom it mentioned before an edit; the people
     * are the room's members that {@link Mentions} found in it.
     */
    public void mention(List<User> people) {
        mentioned.clear();
        people.forEach(person -> mentioned.add(new MentionedMember(person.id(), roomId, seq)));
    }

    /** The ids of the people mentioned, in the order first mentioned. */
    public List<Long> mentionedIds() {
        return mentioned.stream().map(MentionedMember::userId).toList();
    }

    public boolean isSentBy(long userId) {
        return sender.id() == userId;
    }

    /** Only the sender may change what they said. */
    public boolean mayBeEditedBy(long userId) {
        return isSentBy(userId);
    }

    /** The sender may take back their words; the room's owner may moderate. */
    public boolean mayBeDeletedBy(long userId) {
        return isSentBy(userId) || room.isOwnedBy(userId);
    }

    /** Both rules at once, for showing the message to this person. */
    public MessagePermissions permissionsFor(long userId) {
        return new MessagePermissions(mayBeEditedBy(userId), mayBeDeletedBy(userId));
    }

    /** The start of the content on one line, for lists; see {@link Snippet}. */
    public String snippet() {
        return Snippet.of(content);
    }

    public void edit(long actorId, String newContent, Instant now) {
        if (!mayBeEditedBy(actorId)) {
            throw new PermissionDeniedException("Only the sender may edit a message.");
        }
        content = newContent;
        editedAt = now;
        changedAt = now;
    }

    public void delete(long actorId, Instant now) {
        if (!mayBeDeletedBy(actorId)) {
            throw new PermissionDeniedException("Only the sender or the room's owner may delete a message.");
        }
        deleted = true;
        content = "";
        mentioned.clear();
        editedAt = now;
        changedAt = now;
    }

    public Long id() {
        return id;
    }

    public Room room() {
        return room;
    }

    public long roomId() {
        return roomId;
    }

    public long seq() {
        return seq;
    }

    public User sender() {
        return sender;
    }

    public String content() {
        return content;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant editedAt() {
        return editedAt;
    }

    public Instant changedAt() {
        return changedAt;
    }

    public boolean isDeleted() {
        return deleted;
    }

    public String clientMessageId() {
        return clientMessageId;
    }

    /** The id of the message this one answers, if it is a reply. */
    public Optional<Long> replyToId() {
        return Optional.ofNullable(replyToId);
    }
}
