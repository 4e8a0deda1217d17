package dev.daehwa.application.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RequestLimitsTest {

    @Test
    void ipv4AddressesAreTheirOwnKey() {
        assertEquals("203.0.113.7", RequestLimits.clientKey("203.0.113.7"));
        assertEquals("203.0.113.7", RequestLimits.clientKey(" 203.0.113.7 "));
    }

    @Test
    void ipv6ClientsAreCountedPerSlash64() {
        String key = RequestLimits.clientKey("2001:db8:1:2:aaaa:bbbb:cccc:dddd");
        assertEquals("2001:db8:1:2::/64", key);
        assertEquals(key, RequestLimits.clientKey("2001:DB8:1:2::1"));
        assertEquals(key, RequestLimits.clientKey("[2001:db8:1:2::5]"));
        assertEquals("2001:db8:0:0::/64", RequestLimits.clientKey("2001:db8::1"));
        assertEquals("0:0:0:0::/64", RequestLimits.clientKey("::1"));
        assertEquals("fe80:0:0:0::/64", RequestLimits.clientKey("fe80::1%eth0"));
    }

    @Test
    void anyKeyIsShort() {
        assertTrue(RequestLimits.clientKey("x".repeat(10_000)).length() <= 64);
        assertTrue(RequestLimits.clientKey(":".repeat(10_000)).length() <= 64);
        assertEquals("", RequestLimits.clientKey(null));
    }
}
