package dev.daehwa.domain.room;

import static dev.daehwa.domain.TestEntities.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.daehwa.domain.TestEntities;
import dev.daehwa.domain.user.User;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MembershipTest {

    private final User owner = TestEntities.user(1, "owner");
    private final User bob = TestEntities.user(2, "bob");
    private final Room room = TestEntities.room(10, owner);

    private void post(int messages) {
        for (int i = 0; i < messages; i++) {
            room.nextSeq(T0.plusSeconds(room.lastSeq() + 1));
        }
    }

    @Test
    void joiningAnEmptyRoomStartsAtZero() {
        Instant joined = T0.plusSeconds(5);
        Membership membership = Membership.join(room, bob, joined);
        assertNull(membership.id());
        assertSame(room, membership.room());
        assertSame(bob, membership.user());
        assertEquals(joined, membership.joinedAt());
        assertEquals(0, membership.lastReadSeq());
    }

    @Test
    void joiningStartsCaughtUpWithTheRoom() {
        post(7);
        assertEquals(7, Membership.join(room, bob, T0).lastReadSeq());
    }

    @Test
    void markerMovesForward() {
        post(5);
        Membership membership = Membership.join(room, bob, T0);
        post(5); // lastSeq 10
        assertTrue(membership.markReadUpTo(8));
        assertEquals(8, membership.lastReadSeq());
        assertTrue(membership.markReadUpTo(9));
        assertEquals(9, membership.lastReadSeq());
    }

    @Test
    void markerNeverMovesBack() {
        post(10);
        Membership membership = Membership.join(room, bob, T0);
        assertEquals(10, membership.lastReadSeq());
        assertFalse(membership.markReadUpTo(4));
        assertEquals(10, membership.lastReadSeq());
        assertFalse(membership.markReadUpTo(0));
        assertFalse(membership.markReadUpTo(-1));
        assertFalse(membership.markReadUpTo(Long.MIN_VALUE));
        assertEquals(10, membership.lastReadSeq());
    }

    @Test
    void markingTheSameSeqAgainDoesNotMove() {
        Membership membership = Membership.join(room, bob, T0);
        post(3);
        assertTrue(membership.markReadUpTo(3));
        assertFalse(membership.markReadUpTo(3));
        assertEquals(3, membership.lastReadSeq());
    }

    @Test
    void markerIsClampedToTheRoomsLastSeq() {
        Membership membership = Membership.join(room, bob, T0);
        post(3);
        assertTrue(membership.markReadUpTo(99));
        assertEquals(3, membership.lastReadSeq());
        assertFalse(membership.markReadUpTo(Long.MAX_VALUE), "already at the room's last seq");
        assertEquals(3, membership.lastReadSeq());

        post(2); // lastSeq 5
        assertTrue(membership.markReadUpTo(Long.MAX_VALUE));
        assertEquals(5, membership.lastReadSeq());
    }

    @Test
    void markingAnEmptyRoomDoesNothing() {
        Membership membership = Membership.join(room, bob, T0);
        assertFalse(membership.markReadUpTo(1));
        assertEquals(0, membership.lastReadSeq());
    }

    @Test
    void anEmailStartsAfterWhateverIsNewerTheReadMarkerOrTheLastEmail() {
        Membership membership = Membership.join(room, bob, T0);
        post(5);
        assertEquals(0, membership.unnotifiedAfter());
        membership.markReadUpTo(2);
        assertEquals(2, membership.unnotifiedAfter());
        membership.emailedThrough(4);
        assertEquals(4, membership.unnotifiedAfter(), "emailed but unread is not emailed again");
        membership.markReadUpTo(5);
        assertEquals(5, membership.unnotifiedAfter());
    }

    @Test
    void theEmailedMarkNeverMovesBack() {
        Membership membership = Membership.join(room, bob, T0);
        post(5);
        membership.emailedThrough(4);
        membership.emailedThrough(3); // a late, older email settling
        assertEquals(4, membership.unnotifiedAfter());
    }
}
