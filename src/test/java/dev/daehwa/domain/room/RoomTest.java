package dev.daehwa.domain.room;

import static dev.daehwa.domain.TestEntities.T0;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.daehwa.domain.TestEntities;
import dev.daehwa.domain.error.ConflictException;
import dev.daehwa.domain.error.FieldError;
import dev.daehwa.domain.error.InvalidInputException;
import dev.daehwa.domain.error.PermissionDeniedException;
import dev.daehwa.domain.user.User;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RoomTest {

    private static final String NAME_REQUIRED = "Room name is required.";
    private static final String NAME_TOO_LONG = "Room name must be at most 100 characters.";
    private static final String DESCRIPTION_TOO_LONG = "Description must be at most 1000 characters.";

    private static final long OWNER = 1;
    private static final long MEMBER = 2;
    private static final long OTHER_MEMBER = 3;

    private final User owner = TestEntities.user(OWNER, "owner");
    private final Room room = TestEntities.room(10, owner);

    private static List<FieldError> openErrors(String name, String description) {
        return assertThrows(InvalidInputException.class,
                () -> Room.open(name, description, TestEntities.user(OWNER, "owner"), T0)).fieldErrors();
    }

    // ---------------------------------------------------------------- opening

    @Test
    void openTrimsAndRecordsEverything() {
        Room opened = Room.open("  개발팀 Dev  ", "\n 매일 10시 스탠드업 \t", owner, T0);
        assertNull(opened.id());
        assertEquals("개발팀 Dev", opened.name());
        assertEquals("매일 10시 스탠드업", opened.description());
        assertSame(owner, opened.owner());
        assertFalse(opened.isArchived());
        assertEquals(0, opened.lastSeq());
        assertEquals(T0, opened.createdAt());
        assertEquals(T0, opened.updatedAt());
        assertEquals(T0, opened.lastActivityAt());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\u3000"})
    void descriptionIsOptional(String description) {
        assertEquals("", Room.open("general", description, owner, T0).description());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t\n", "\u3000"})
    void nameIsRequired(String name) {
        assertEquals(List.of(new FieldError("name", "required", NAME_REQUIRED)), openErrors(name, ""));
    }

    @Test
    void nameIsAtMost100CodePoints() {
        assertEquals("n".repeat(100), Room.open("n".repeat(100), "", owner, T0).name());
        assertEquals(List.of(new FieldError("name", "too-long", NAME_TOO_LONG)), openErrors("n".repeat(101), ""));
        // 100 emoji are 200 UTF-16 units, yet 100 characters
        assertEquals("🎉".repeat(100), Room.open("🎉".repeat(100), "", owner, T0).name());
        assertEquals(List.of(new FieldError("name", "too-long", NAME_TOO_LONG)), openErrors("🎉".repeat(101), ""));
        assertEquals("방".repeat(100), Room.open("  " + "방".repeat(100) + "  ", "", owner, T0).name());
    }

    @Test
    void descriptionIsAtMost1000CodePoints() {
        assertEquals("d".repeat(1000), Room.open("general", "d".repeat(1000), owner, T0).description());
        assertEquals(List.of(new FieldError("description", "too-long", DESCRIPTION_TOO_LONG)),
                openErrors("general", "d".repeat(1001)));
        assertEquals("😀".repeat(1000), Room.open("general", "😀".repeat(1000), owner, T0).description());
        assertEquals(List.of(new FieldError("description", "too-long", DESCRIPTION_TOO_LONG)),
                openErrors("general", "😀".repeat(1001)));
        assertEquals("d".repeat(1000), Room.open("general", " " + "d".repeat(1000) + "\n", owner, T0).description());
    }

    // ---------------------------------------------------------------- checkNewRoom

    @Test
    void checkNewRoomCollectsBothErrors() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> Room.checkNewRoom("  ", "d".repeat(1001)));
        assertEquals(List.of(
                new FieldError("name", "required", NAME_REQUIRED),
                new FieldError("description", "too-long", DESCRIPTION_TOO_LONG)), e.fieldErrors());
        assertEquals("2 fields are invalid.", e.getMessage());
    }

    @Test
    void checkNewRoomReportsATooLongNameWithATooLongDescription() {
        assertEquals(List.of(
                        new FieldError("name", "too-long", NAME_TOO_LONG),
                        new FieldError("description", "too-long", DESCRIPTION_TOO_LONG)),
                assertThrows(InvalidInputException.class,
                        () -> Room.checkNewRoom("n".repeat(101), "d".repeat(1001))).fieldErrors());
    }

    @Test
    void checkNewRoomReportsASingleError() {
        assertEquals(List.of(new FieldError("description", "too-long", DESCRIPTION_TOO_LONG)),
                assertThrows(InvalidInputException.class,
                        () -> Room.checkNewRoom("general", "d".repeat(1001))).fieldErrors());
        assertEquals(List.of(new FieldError("name", "required", NAME_REQUIRED)),
                assertThrows(InvalidInputException.class, () -> Room.checkNewRoom(null, null)).fieldErrors());
    }

    @Test
    void checkNewRoomAcceptsAValidRoom() {
        assertDoesNotThrow(() -> Room.checkNewRoom("general", null));
        assertDoesNotThrow(() -> Room.checkNewRoom("n".repeat(100), "d".repeat(1000)));
    }

    // ---------------------------------------------------------------- changes

    @Test
    void renameTrimsValidatesAndTouchesUpdatedAt() {
        Instant later = T0.plusSeconds(60);
        room.rename("  random  ", later);
        assertEquals("random", room.name());
        assertEquals(later, room.updatedAt());
        assertEquals(T0, room.createdAt());

        InvalidInputException e = assertThrows(InvalidInputException.class, () -> room.rename(" ", T0.plusSeconds(120)));
        assertEquals(List.of(new FieldError("name", "required", NAME_REQUIRED)), e.fieldErrors());
        assertEquals("random", room.name(), "a refused rename changes nothing");
        assertEquals(later, room.updatedAt());
        assertThrows(InvalidInputException.class, () -> room.rename("n".repeat(101), T0));
    }

    @Test
    void describeTrimsValidatesAndTouchesUpdatedAt() {
        Instant later = T0.plusSeconds(60);
        room.describe("  about things  ", later);
        assertEquals("about things", room.description());
        assertEquals(later, room.updatedAt());

        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> room.describe("d".repeat(1001), T0.plusSeconds(120)));
        assertEquals(List.of(new FieldError("description", "too-long", DESCRIPTION_TOO_LONG)), e.fieldErrors());
        assertEquals("about things", room.description());
        assertEquals(later, room.updatedAt());
    }

    @Test
    void archiveMarksTheRoom() {
        Instant later = T0.plusSeconds(60);
        room.archive(later);
        assertTrue(room.isArchived());
        assertEquals(later, room.updatedAt());
    }

    // ---------------------------------------------------------------- ownership

    @Test
    void isOwnedByComparesTheOwnersId() {
        assertTrue(room.isOwnedBy(OWNER));
        assertFalse(room.isOwnedBy(MEMBER));
    }

    @Test
    void ownershipComparesIdValuesNotBoxes() {
        // ids beyond the Long cache (-128..127) must still compare equal
        User bigOwner = TestEntities.user(1_000_000L, "bigowner");
        Room bigRoom = TestEntities.room(11, bigOwner);
        assertTrue(bigRoom.isOwnedBy(1_000_000L));
        assertDoesNotThrow(() -> bigRoom.checkOwner(1_000_000L, "rename the room"));
    }

    @Test
    void checkOwnerLetsTheOwnerThrough() {
        assertDoesNotThrow(() -> room.checkOwner(OWNER, "rename the room"));
    }

    @Test
    void checkOwnerRefusesEveryoneElse() {
        PermissionDeniedException e = assertThrows(PermissionDeniedException.class,
                () -> room.checkOwner(MEMBER, "rename the room"));
        assertEquals("Only the room's owner may rename the room.", e.getMessage());
    }

    @Test
    void ownerRemovesOthers() {
        assertDoesNotThrow(() -> room.checkMayRemove(OWNER, MEMBER));
    }

    @Test
    void nonOwnerCannotRemoveOthers() {
        PermissionDeniedException e = assertThrows(PermissionDeniedException.class,
                () -> room.checkMayRemove(MEMBER, OTHER_MEMBER));
        assertEquals("Only the room's owner may remove other members.", e.getMessage());
    }

    @Test
    void nonOwnerCannotRemoveTheOwner() {
        assertThrows(PermissionDeniedException.class, () -> room.checkMayRemove(MEMBER, OWNER));
    }

    @Test
    void memberMayLeave() {
        assertTrue(room.mayLeave(MEMBER));
        assertTrue(room.mayRemove(MEMBER, MEMBER));
        assertDoesNotThrow(() -> room.checkMayRemove(MEMBER, MEMBER));
    }

    @Test
    void ownerCannotLeave() {
        assertFalse(room.mayLeave(OWNER));
        assertFalse(room.mayRemove(OWNER, OWNER));
        ConflictException e = assertThrows(ConflictException.class, () -> room.checkMayRemove(OWNER, OWNER));
        assertEquals("The owner cannot leave the room; archive it instead.", e.getMessage());
    }

    // ---------------------------------------------------------------- seq

    @Test
    void nextSeqCountsOneTwoThreeAndRecordsActivity() {
        Instant t1 = T0.plusSeconds(1);
        Instant t2 = T0.plusSeconds(2);
        Instant t3 = T0.plusSeconds(3);

        assertEquals(1, room.nextSeq(t1));
        assertEquals(t1, room.lastActivityAt());
        assertEquals(2, room.nextSeq(t2));
        assertEquals(t2, room.lastActivityAt());
        assertEquals(3, room.nextSeq(t3));
        assertEquals(t3, room.lastActivityAt());
        assertEquals(3, room.lastSeq());
        assertEquals(T0, room.createdAt());
    }
}
