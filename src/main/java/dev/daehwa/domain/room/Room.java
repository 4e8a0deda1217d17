package dev.daehwa.domain.room;

import dev.daehwa.domain.error.ConflictException;
import dev.daehwa.domain.error.FieldError;
import dev.daehwa.domain.error.FieldRefusal;
import dev.daehwa.domain.error.InvalidInputException;
import dev.daehwa.domain.error.PermissionDeniedException;
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
import java.util.ArrayList;
import java.util.List;

/**
 * A conversation: a group room, named and owned, or a direct room, the one conversation of two
 * people, which has no name, no owner powers and no other members, ever. The room hands out its messages' sequence numbers: {@link #nextSeq} is only
 * called while the room row is locked, which makes seq gap-free and strictly ordered even when
 * many people post at once.
 */
@Entity
@Table(name = "room")
public class Room {

    public static final int NAME_MAX = 100;
    public static final int DESCRIPTION_MAX = 1000;

    private static final String GROUP = "group";
    private static final String DIRECT = "direct";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "room_id")
    @SequenceGenerator(name = "room_id", sequenceName = "room_id_seq", allocationSize = 50)
    private Long id;

    private String name;

    private String description;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "owner_id")
    private User owner;

    /**
     * The owner's id, read from the same column: who owns the room is asked for every message
     * shown (may the viewer delete it?), and this answers without loading the owner.
     */
    @Column(name = "owner_id", insertable = false, updatable = false)
    private Long ownerId;

    private boolean archived;

    /** {@code group} or {@code direct}. */
    private String kind = GROUP;

    /** For a direct room, its two people's ids, smaller first ({@link #directKey}); unique. Null for a group. */
    @Column(name = "direct_key")
    private String directKey;

    @Column(name = "last_seq")
    private long lastSeq;

    /** The newest message that is not deleted, or null; kept under the room's row lock. */
    @Column(name = "latest_message_id")
    private Long latestMessageId;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Column(name = "last_activity_at")
    private Instant lastActivityAt;

    protected Room() {
        // for JPA
    }

    private Room(String kind, String name, String description, User owner, Instant now) {
        this.kind = kind;
        this.name = name;
        this.description = description;
        this.owner = owner;
        this.ownerId = owner.id();
        this.createdAt = now;
        this.updatedAt = now;
        this.lastActivityAt = now;
    }

    public static Room open(String name, String description, User owner, Instant now) {
        return new Room(GROUP, checkedName(name), checkedDescription(description), owner, now);
    }

    /**
     * The direct room of two people. Its owner column holds the person who opened it, because
     * the column is required, but it gives them nothing: {@link #isOwnedBy} is false for everyone.
     */
    public static Room direct(User opener, User other, Instant now) {
        if (opener.id().equals(other.id())) {
            throw InvalidInputException.of(FieldRefusal.DIRECT_WITH_SELF,
                    "A direct conversation needs another person.");
        }
        Room room = new Room(DIRECT, "", "", opener, now);
        room.directKey = directKey(opener.id(), other.id());
        return room;
    }

    /** The key of two people's direct room: the same whichever of them asks. */
    public static String directKey(long oneUserId, long otherUserId) {
        return Math.min(oneUserId, otherUserId) + ":" + Math.max(oneUserId, otherUserId);
    }

    public boolean isDirect() {
        return DIRECT.equals(kind);
    }

    /** {@code "group"} or {@code "direct"}, as the contract names them. */
    public String kind() {
        return kind;
    }

    /** Nobody owns a direct room: both people are equals in it. */
    public boolean isOwnedBy(long userId) {
        return !isDirect() && ownerId == userId;
    }

    public void checkOwner(long actorId, String action) {
        if (isDirect()) {
            throw new ConflictException("A direct conversation has no owner: nobody may " + action + ".");
        }
        if (!isOwnedBy(actorId)) {
            throw new PermissionDeniedException("Only the room's owner may " + action + ".");
        }
    }

    /**
     * Anyone may leave, except the owner, who would leave the room without anyone able to manage
     * it: the owner archives instead. Nobody leaves a direct room: it is theirs for good.
     */
    public boolean mayLeave(long memberId) {
        return !isDirect() && !isOwnedBy(memberId);
    }

    /** Leaving is removing oneself ({@link #mayLeave}); only the owner removes other people. */
    public boolean mayRemove(long actorId, long memberId) {
        return actorId == memberId ? mayLeave(actorId) : isOwnedBy(actorId);
    }

    /** A direct room is its two people, always: nobody joins it, leaves it or is removed from it. */
    public void checkMembersMayChange() {
        if (isDirect()) {
            throw new ConflictException("A direct conversation always has the same two people.");
        }
    }

    /** As {@link #mayRemove}, but says why not. */
    public void checkMayRemove(long actorId, long memberId) {
        checkMembersMayChange();
        if (actorId == memberId) {
            if (!mayLeave(actorId)) {
                throw new ConflictException("The owner cannot leave the room; archive it instead.");
            }
        } else {
            checkOwner(actorId, "remove other members");
        }
    }

    public void rename(String newName, Instant now) {
        name = checkedName(newName);
        updatedAt = now;
    }

    public void describe(String newDescription, Instant now) {
        description = checkedDescription(newDescription);
        updatedAt = now;
    }

    public void archive(Instant now) {
        archived = true;
        updatedAt = now;
    }

    /** Call only while holding the room's row lock. */
    public long nextSeq(Instant now) {
        lastSeq++;
        lastActivityAt = now;
        return lastSeq;
    }

    /** Call only while holding the room's row lock, with the message just posted or, after a delete, the newest left. */
    public void showLatest(Long messageId) {
        latestMessageId = messageId;
    }

    public boolean showsAsLatest(long messageId) {
        return latestMessageId != null && latestMessageId == messageId;
    }

    private static String checkedName(String value) {
        String trimmed = value == null ? "" : value.strip();
        if (trimmed.isEmpty()) {
            throw InvalidInputException.of(FieldRefusal.NAME_REQUIRED, "Room name is required.");
        }
        if (trimmed.codePointCount(0, trimmed.length()) > NAME_MAX) {
            throw InvalidInputException.of(FieldRefusal.NAME_TOO_LONG, "Room name must be at most 100 characters.");
        }
        return trimmed;
    }

    private static String checkedDescription(String value) {
        String trimmed = value == null ? "" : value.strip();
        if (trimmed.codePointCount(0, trimmed.length()) > DESCRIPTION_MAX) {
            throw InvalidInputException.of(FieldRefusal.DESCRIPTION_TOO_LONG,
                    "Description must be at most 1000 characters.");
        }
        return trimmed;
    }

    /** Collects both field problems at once, so a form can show them together. */
    public static void checkNewRoom(String name, String description) {
        List<FieldError> errors = new ArrayList<>();
        try {
            checkedName(name);
        } catch (InvalidInputException e) {
            errors.addAll(e.fieldErrors());
        }
        try {
            checkedDescription(description);
        } catch (InvalidInputException e) {
            errors.addAll(e.fieldErrors());
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public User owner() {
        return owner;
    }

    public boolean isArchived() {
        return archived;
    }

    public long lastSeq() {
        return lastSeq;
    }

    /** The id of the newest message that is not deleted, or null if there is none. */
    public Long latestMessageId() {
        return latestMessageId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant lastActivityAt() {
        return lastActivityAt;
    }
}
