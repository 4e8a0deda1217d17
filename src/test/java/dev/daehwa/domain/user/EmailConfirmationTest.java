package dev.daehwa.domain.user;

import static dev.daehwa.domain.TestEntities.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.daehwa.domain.TestEntities;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class EmailConfirmationTest {

    private final User joon = TestEntities.user(2, "joon");

    @Test
    void aRenewalTakesTheRequestFromAWorkerStillSendingTheOldLink() {
        EmailConfirmation confirmation = EmailConfirmation.of(joon, T0);
        assertTrue(confirmation.isHeldBy(1));
        confirmation.renew("new@example.com", T0.plusSeconds(5));
        assertFalse(confirmation.isHeldBy(1), "the old claim cannot settle the new request");
        assertTrue(confirmation.isHeldBy(2));
        assertEquals("new@example.com", confirmation.email());
    }

    @Test
    void aLinkExpiresAtItsTimeAndWorksBefore() {
        EmailConfirmation confirmation = EmailConfirmation.of(joon, T0);
        assertTrue(confirmation.hasExpired(T0), "no link was written yet");
        confirmation.issue("hash", T0.plus(Duration.ofHours(48)), T0.plusSeconds(60));
        assertFalse(confirmation.hasExpired(T0.plus(Duration.ofHours(47))));
        assertTrue(confirmation.hasExpired(T0.plus(Duration.ofHours(48))));
    }

    @Test
    void aSentConfirmationIsNoLongerHeldByItsWorker() {
        EmailConfirmation confirmation = EmailConfirmation.of(joon, T0);
        confirmation.sent(T0);
        assertFalse(confirmation.isHeldBy(1));
    }

    @Test
    void aChangedAddressIsUnconfirmedAndTheSameAddressChangesNothing() {
        joon.confirmEmail();
        assertTrue(joon.isEmailConfirmed());
        assertFalse(joon.changeEmail(joon.email().toUpperCase(java.util.Locale.ROOT)));
        assertTrue(joon.isEmailConfirmed());
        assertTrue(joon.changeEmail("other@example.com"));
        assertFalse(joon.isEmailConfirmed());
        assertEquals("other@example.com", joon.email());
    }
}
