package dev.daehwa.domain.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BrowserLoginTest {

    private static final Instant START = Instant.parse("2026-11-01T09:00:00Z");

    @Test
    void aLoginExpiresAfterThirtyIdleDaysCountedFromItsLastRecordedUse() {
        BrowserLogin login = new BrowserLogin(null, "hash", START);
        assertFalse(login.hasExpired(START.plus(Duration.ofDays(30))));
        assertTrue(login.hasExpired(START.plus(Duration.ofDays(30)).plusSeconds(1)));

        assertTrue(login.used(START.plus(Duration.ofDays(20))));
        assertFalse(login.hasExpired(START.plus(Duration.ofDays(49))), "using it pushed the expiry forward");
    }

    @Test
    void useIsRecordedAtMostOnceADay() {
        BrowserLogin login = new BrowserLogin(null, "hash", START);
        assertFalse(login.used(START.plus(Duration.ofHours(23))), "no write for every request");
        assertEquals(START, login.lastUsedAt());
        assertTrue(login.used(START.plus(Duration.ofDays(1))));
        assertEquals(START.plus(Duration.ofDays(1)), login.lastUsedAt());
    }
}
