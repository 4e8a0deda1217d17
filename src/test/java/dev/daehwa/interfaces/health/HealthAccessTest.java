package dev.daehwa.interfaces.health;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HealthAccessTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.1.2.3", "::1", "0:0:0:0:0:0:0:1", "[::1]", "::ffff:127.0.0.1"})
    void loopbackAddressesAreLocal(String address) {
        assertTrue(HealthAccess.isLoopback(address));
    }

    @ParameterizedTest
    @ValueSource(strings = {"203.0.113.7", "10.0.0.1", "::2", "fe80::1", "localhost", "128.0.0.1", "1127.0.0.1", ""})
    void otherAddressesAndNamesAreNot(String address) {
        assertFalse(HealthAccess.isLoopback(address));
    }
}
