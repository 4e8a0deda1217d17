package dev.daehwa.domain.notification;

import static dev.daehwa.domain.TestEntities.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.daehwa.domain.TestEntities;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class EmailNotificationTest {

    private final EmailNotification notification = TestEntities.pendingNotification(7, 2, 10, T0);

    @Test
    void sendingSettlesItAndFreesTheMemberAndRoomForTheNextOne() {
        assertTrue(notification.isOpen());
        notification.sent(42, T0.plusSeconds(1));
        assertFalse(notification.isOpen());
        assertEquals(EmailNotification.State.SENT, notification.state());
        assertNull(TestEntities.field(notification, "openUserId"), "the unique open key is released");
        assertNull(TestEntities.field(notification, "openRoomId"));
        assertEquals(42L, TestEntities.field(notification, "throughSeq"));
    }

    @Test
    void skippingSettlesItWithoutSaying() {
        notification.skipped(T0.plusSeconds(1));
        assertEquals(EmailNotification.State.SKIPPED, notification.state());
        assertFalse(notification.isOpen());
        assertNull(TestEntities.field(notification, "openUserId"));
    }

    @Test
    void aFailureKeepsItOpenAndDueAtTheNextRetry() {
        assertFalse(notification.failed("connection refused", RetrySchedule.DEFAULT, T0));
        assertTrue(notification.isOpen());
        assertEquals(T0.plusSeconds(30), notification.dueAt());
        assertFalse(notification.failed("connection refused", RetrySchedule.DEFAULT, T0.plusSeconds(30)));
        assertEquals(T0.plusSeconds(90), notification.dueAt(), "60 s after the second failure");
        assertEquals(2, notification.failures());
        assertEquals("connection refused", notification.lastError().orElseThrow());
    }

    @Test
    void afterADayOfFailuresItIsFailedForGood() {
        notification.failed("down", RetrySchedule.DEFAULT, T0);
        assertTrue(notification.failed("still down", RetrySchedule.DEFAULT, T0.plus(Duration.ofHours(24))));
        assertEquals(EmailNotification.State.FAILED, notification.state());
        assertFalse(notification.isOpen());
        assertNull(TestEntities.field(notification, "openUserId"));
    }

    @Test
    void aReleasedClaimIsDueAtOnceButASettledOneStaysSettled() {
        notification.release(T0.plusSeconds(5));
        assertEquals(T0.plusSeconds(5), notification.dueAt());
        notification.sent(1, T0.plusSeconds(6));
        notification.release(T0.plusSeconds(9));
        assertEquals(T0.plusSeconds(5), notification.dueAt());
        assertEquals(EmailNotification.State.SENT, notification.state());
    }

    @Test
    void aLongErrorIsCutToTheColumn() {
        notification.failed("x".repeat(5000), RetrySchedule.DEFAULT, T0);
        assertEquals(1000, notification.lastError().orElseThrow().length());
    }

    @Test
    void onlyTheLatestClaimHoldsIt() {
        Claim mine = new Claim(7, 10, 0);
        assertTrue(notification.isHeldBy(mine));
        assertFalse(notification.isHeldBy(new Claim(7, 10, 1)), "a later claim by another worker");
        notification.sent(3, T0);
        assertFalse(notification.isHeldBy(mine), "settled: nobody holds it");
    }

    @Test
    void postponingAndExtendingMoveOnlyWhenItIsDue() {
        notification.postpone(T0.plusSeconds(40));
        assertEquals(T0.plusSeconds(40), notification.dueAt());
        assertTrue(notification.isOpen(), "postponed, still waiting");
        notification.extendLease(T0.plusSeconds(300));
        assertEquals(T0.plusSeconds(300), notification.dueAt());
    }
}
