package dev.daehwa.domain.message;

import static dev.daehwa.domain.TestEntities.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.daehwa.domain.TestEntities;
import dev.daehwa.domain.error.PermissionDeniedException;
import dev.daehwa.domain.room.Room;
import dev.daehwa.domain.user.User;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MessageTest {

    private final User owner = TestEntities.user(1, "owner");
    private final User alice = TestEntities.user(2, "alice");
    private final User bob = TestEntities.user(3, "bob");
    private final Room room = TestEntities.room(10, owner);

    private Message postByAlice(String content) {
        return Message.post(room, alice, content, null, T0);
    }

    // ---------------------------------------------------------------- posting

    @Test
    void postRecordsTheMessage() {
        Instant now = T0.plusSeconds(30);
        Message message = Message.post(room, alice, "안녕하세요", "client-1", now);
        assertNull(message.id());
        assertSame(room, message.room());
        assertEquals(10L, message.roomId());
        assertSame(alice, message.sender());
        assertEquals("안녕하세요", message.content());
        assertEquals("client-1", message.clientMessageId());
        assertEquals(now, message.createdAt());
        assertNull(message.editedAt());
        assertFalse(message.isDeleted());
    }

    @Test
    void postTakesTheRoomsNextSeq() {
        Instant t1 = T0.plusSeconds(1);
        Instant t2 = T0.plusSeconds(2);
        Instant t3 = T0.plusSeconds(3);
        assertEquals(1, Message.post(room, alice, "one", null, t1).seq());
        assertEquals(2, Message.post(room, bob, "two", null, t2).seq());
        assertEquals(3, Message.post(room, alice, "three", null, t3).seq());
        assertEquals(3, room.lastSeq());
        assertEquals(t3, room.lastActivityAt());
    }

    @Test
    void seqsAreCountedPerRoom() {
        Room other = TestEntities.room(11, owner);
        assertEquals(1, Message.post(room, alice, "a", null, T0).seq());
        assertEquals(1, Message.post(other, alice, "b", null, T0).seq());
        assertEquals(2, Message.post(room, alice, "c", null, T0).seq());
        assertEquals(11L, Message.post(other, alice, "d", null, T0).roomId());
    }

    @Test
    void isSentByComparesTheSendersId() {
        Message message = postByAlice("hi");
        assertTrue(message.isSentBy(2));
        assertFalse(message.isSentBy(3));
        assertFalse(message.isSentBy(1));
    }

    @Test
    void senderComparisonWorksBeyondTheLongCache() {
        User big = TestEntities.user(5_000_000L, "bigsender");
        Message message = Message.post(room, big, "hi", null, T0);
        assertTrue(message.isSentBy(5_000_000L));
    }

    // ---------------------------------------------------------------- editing

    @Test
    void senderEdits() {
        Message message = postByAlice("helo");
        Instant later = T0.plusSeconds(60);
        message.edit(2, "hello", later);
        assertEquals("hello", message.content());
        assertEquals(later, message.editedAt());
        assertEquals(1, message.seq(), "an edit keeps the seq");
        assertEquals(T0, message.createdAt());
    }

    @Test
    void othersCannotEdit() {
        Message message = postByAlice("original");
        PermissionDeniedException e = assertThrows(PermissionDeniedException.class,
                () -> message.edit(3, "hijacked", T0.plusSeconds(60)));
        assertEquals("Only the sender may edit a message.", e.getMessage());
        assertEquals("original", message.content());
        assertNull(message.editedAt());
    }

    @Test
    void evenTheRoomOwnerCannotEdit() {
        Message message = postByAlice("original");
        assertThrows(PermissionDeniedException.class, () -> message.edit(1, "moderated", T0.plusSeconds(60)));
        assertEquals("original", message.content());
    }

    // ---------------------------------------------------------------- deleting

    @Test
    void senderDeletes() {
        Message message = postByAlice("oops");
        Instant later = T0.plusSeconds(60);
        message.delete(2, later);
        assertTrue(message.isDeleted());
        assertEquals("", message.content());
        assertEquals(later, message.editedAt());
        assertEquals(1, message.seq(), "a deleted message keeps its seq");
    }

    @Test
    void roomOwnerDeletesOthersMessages() {
        Message message = postByAlice("spam");
        message.delete(1, T0.plusSeconds(60));
        assertTrue(message.isDeleted());
        assertEquals("", message.content());
    }

    @Test
    void othersCannotDelete() {
        Message message = postByAlice("keep me");
        PermissionDeniedException e = assertThrows(PermissionDeniedException.class,
                () -> message.delete(3, T0.plusSeconds(60)));
        assertEquals("Only the sender or the room's owner may delete a message.", e.getMessage());
        assertFalse(message.isDeleted());
        assertEquals("keep me", message.content());
        assertNull(message.editedAt());
    }

    // ---------------------------------------------------------------- what each person may do

    @Test
    void theSenderMayEditAndDelete() {
        assertEquals(new MessagePermissions(true, true), postByAlice("mine").permissionsFor(2));
    }

    @Test
    void theRoomOwnerMayDeleteButNotEditOthersMessages() {
        assertEquals(new MessagePermissions(false, true), postByAlice("hers").permissionsFor(1));
    }

    @Test
    void anotherMemberMayNeitherEditNorDelete() {
        assertEquals(new MessagePermissions(false, false), postByAlice("hers").permissionsFor(3));
    }

    @Test
    void theOwnerMayEditAndDeleteTheirOwnMessage() {
        Message message = Message.post(room, owner, "from the owner", null, T0);
        assertEquals(new MessagePermissions(true, true), message.permissionsFor(1));
        assertEquals(new MessagePermissions(false, false), message.permissionsFor(2));
    }

    @Test
    void theSnippetIsTheContentsStart() {
        assertEquals("줄 하나 둘", postByAlice("줄\n하나   둘").snippet());
    }
}
