package dev.daehwa.domain.room;

import static dev.daehwa.domain.TestEntities.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.daehwa.domain.TestEntities;
import dev.daehwa.domain.error.ConflictException;
import dev.daehwa.domain.error.FieldRefusal;
import dev.daehwa.domain.error.InvalidInputException;
import dev.daehwa.domain.user.User;
import org.junit.jupiter.api.Test;

/** A direct room: two people for good, nobody's to manage. */
class DirectRoomTest {

    private final User minji = TestEntities.user(7, "minji");
    private final User joon = TestEntities.user(42, "joon");
    private final Room direct = Room.direct(minji, joon, T0);

    @Test
    void theKeyIsTheSameWhicheverOfTheTwoAsks() {
        assertEquals("7:42", Room.directKey(7, 42));
        assertEquals("7:42", Room.directKey(42, 7));
        assertEquals("9:10", Room.directKey(10, 9), "ordered by number, not by text");
    }

    @Test
    void aDirectRoomSaysSoAndAGroupRoomDoesNot() {
        assertTrue(direct.isDirect());
        assertEquals("direct", direct.kind());
        Room group = Room.open("Team", "", minji, T0);
        assertFalse(group.isDirect());
        assertEquals("group", group.kind());
    }

    @Test
    void nobodyOpensOneWithThemselves() {
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> Room.direct(minji, minji, T0));
        assertEquals(FieldRefusal.DIRECT_WITH_SELF.error("").field(), refused.fieldErrors().getFirst().field());
        assertEquals("username", refused.fieldErrors().getFirst().field());
    }

    @Test
    void theOpenerHasNoOwnerPowers() {
        assertFalse(direct.isOwnedBy(7));
        assertFalse(direct.isOwnedBy(42));
        assertThrows(ConflictException.class, () -> direct.checkOwner(7, "rename the room"));
        assertThrows(ConflictException.class, () -> direct.checkOwner(42, "archive the room"));
    }

    @Test
    void nobodyLeavesOrIsRemovedOrAdded() {
        assertFalse(direct.mayLeave(7));
        assertFalse(direct.mayLeave(42));
        assertFalse(direct.mayRemove(7, 42));
        assertThrows(ConflictException.class, direct::checkMembersMayChange);
        assertThrows(ConflictException.class, () -> direct.checkMayRemove(7, 7));
        assertThrows(ConflictException.class, () -> direct.checkMayRemove(7, 42));
    }

    @Test
    void aGroupRoomMayChangeItsMembers() {
        Room group = Room.open("Team", "", minji, T0);
        group.checkMembersMayChange();
        assertTrue(group.isOwnedBy(7));
        assertTrue(group.mayLeave(42));
    }
}
