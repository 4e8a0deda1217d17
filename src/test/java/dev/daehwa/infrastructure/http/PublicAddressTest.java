package dev.daehwa.infrastructure.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PublicAddressTest {

    @Test
    void anHttpsAddressPromisesTlsAndThePlainDefaultDoesNot() {
        assertTrue(new PublicAddress("https://chat.example.com").isHttps());
        assertTrue(new PublicAddress("HTTPS://chat.example.com/").isHttps());
        assertFalse(new PublicAddress(null).isHttps());
        assertFalse(new PublicAddress("http://localhost:8080/").isHttps());
    }

    @Test
    void theAddressEndsInASlash() {
        assertEquals("https://chat.example.com/team/", new PublicAddress(" https://chat.example.com/team ").uri().toString());
        assertEquals("http://localhost:8080/", new PublicAddress("").uri().toString());
    }

    @Test
    void anythingButAnAbsoluteHttpAddressFailsTheStart() {
        assertThrows(IllegalStateException.class, () -> new PublicAddress("chat.example.com"));
        assertThrows(IllegalStateException.class, () -> new PublicAddress("ftp://chat.example.com/"));
    }
}
