package dev.daehwa.application.events;

import java.util.Set;

/**
 * Something that happened in the chat, fired by the services inside their transaction and
 * observed after it commits (a rolled-back change is never announced). Events carry ids, not
 * entities: whoever reacts reads the committed state, which is the truth.
 */
public sealed interface ChatEvent {

    long roomId();

    /** A message was posted; {@code seq} is its place in the room. */
    record MessagePosted(long roomId, long messageId, long seq) implements ChatEvent {
    }

    record MessageEdited(long roomId, long messageId) implements ChatEvent {
    }

    record MessageDeleted(long roomId, long messageId, long seq) implements ChatEvent {
    }

    /** Someone added or removed a reaction to a message. */
    record ReactionsChanged(long roomId, long messageId) implements ChatEvent {
    }

    /** The room was created or renamed, re-described, or someone joined it. */
    record RoomChanged(long roomId) implements ChatEvent {
    }

    /** Someone left or was removed; the others see the room change, the person loses it. */
    record MemberRemoved(long roomId, long userId) implements ChatEvent {
    }

    /** The room is gone for everyone who was in it. */
    record RoomArchived(long roomId, Set<Long> memberIds) implements ChatEvent {
    }

    /** A member's read marker moved (they read, or they posted). */
    record ReadMarkerMoved(long roomId, long userId) implements ChatEvent {
    }
}
