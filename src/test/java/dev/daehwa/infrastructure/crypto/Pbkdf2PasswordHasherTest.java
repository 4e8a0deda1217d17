package dev.daehwa.infrastructure.crypto;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** When a stored hash is replaced at login: only when it is weaker than what is configured now. */
class Pbkdf2PasswordHasherTest {

    private static final String SALT_AND_HASH = ":c2FsdHNhbHRzYWx0:aGFzaGhhc2hoYXNo";

    private static String stored(String algorithm, int iterations) {
        return algorithm + ":" + iterations + SALT_AND_HASH;
    }

    @Test
    void aHashWithFewerIterationsThanConfiguredIsUpgraded() {
        assertTrue(Pbkdf2PasswordHasher.weakerThan(stored("PBKDF2WithHmacSHA512", 1024), 210_000));
        assertTrue(Pbkdf2PasswordHasher.weakerThan(stored("PBKDF2WithHmacSHA512", 209_999), 210_000));
    }

    @Test
    void aHashAsStrongOrStrongerIsLeftAlone() {
        assertFalse(Pbkdf2PasswordHasher.weakerThan(stored("PBKDF2WithHmacSHA512", 210_000), 210_000));
        // lowering the setting must not weaken hashes that are already stronger
        assertFalse(Pbkdf2PasswordHasher.weakerThan(stored("PBKDF2WithHmacSHA512", 600_000), 210_000));
    }

    @Test
    void aHashOfAnotherAlgorithmIsUpgradedToTheChosenOne() {
        assertTrue(Pbkdf2PasswordHasher.weakerThan(stored("PBKDF2WithHmacSHA256", 600_000), 210_000));
    }

    @Test
    void anUnreadableHashIsLeftAlone() {
        for (String unreadable : new String[] {null, "", "plain", "PBKDF2WithHmacSHA512:many" + SALT_AND_HASH,
                "PBKDF2WithHmacSHA512:1024:onlysalt", "PBKDF2WithHmacSHA512:99999999999" + SALT_AND_HASH}) {
            assertFalse(Pbkdf2PasswordHasher.weakerThan(unreadable, 210_000), String.valueOf(unreadable));
        }
    }
}
