package dev.daehwa.infrastructure.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

    @Test
    void withoutTrustedProxiesTheForwardedHeaderIsIgnored() {
        TrustedProxies none = new TrustedProxies(null);
        assertEquals("10.0.0.5", none.clientAddress("10.0.0.5", List.of("203.0.113.9")));
    }

    @Test
    void aTrustedProxyNamesTheClientAndForgedEntriesToItsLeftAreIgnored() {
        TrustedProxies proxies = new TrustedProxies("10.0.0.0/8, 192.168.1.7");
        // The client forged "1.2.3.4"; the proxy appended the address it really saw.
        assertEquals("203.0.113.9", proxies.clientAddress("10.0.0.5", List.of("1.2.3.4, 203.0.113.9")));
        // Two proxies in a row: the inner one is skipped as trusted too.
        assertEquals("203.0.113.9", proxies.clientAddress("192.168.1.7", List.of("203.0.113.9", "10.1.2.3")));
    }

    @Test
    void anUntrustedPeerIsTheClientWhateverItForwards() {
        TrustedProxies proxies = new TrustedProxies("10.0.0.0/8");
        assertEquals("198.51.100.1", proxies.clientAddress("198.51.100.1", List.of("10.0.0.1")));
    }

    @Test
    void rangesMatchByPrefixAndIpv6Works() {
        TrustedProxies proxies = new TrustedProxies("172.16.0.0/12,::1,fd00::/8");
        assertTrue(proxies.isTrusted("172.31.255.255"));
        assertFalse(proxies.isTrusted("172.32.0.1"));
        assertTrue(proxies.isTrusted("0:0:0:0:0:0:0:1"));
        assertTrue(proxies.isTrusted("fd12::7"));
        assertFalse(proxies.isTrusted("fe80::1"));
        assertFalse(proxies.isTrusted("not-an-address.example"));
    }

    @Test
    void onlyATrustedProxySaysTheClientCameOverHttps() {
        TrustedProxies loopback = new TrustedProxies("127.0.0.1,::1");
        assertTrue(loopback.forwardedHttps("127.0.0.1", "https"));
        assertTrue(loopback.forwardedHttps("0:0:0:0:0:0:0:1", "HTTPS"));
        // The first value is the outermost hop, the one the browser used.
        assertTrue(loopback.forwardedHttps("127.0.0.1", "https, http"));
        assertFalse(loopback.forwardedHttps("127.0.0.1", "http"));
        assertFalse(loopback.forwardedHttps("127.0.0.1", null));
        assertFalse(loopback.forwardedHttps("203.0.113.9", "https"), "an untrusted peer's header is believed");
        assertFalse(new TrustedProxies(null).forwardedHttps("127.0.0.1", "https"), "believed with no proxy trusted");
    }

    @Test
    void aMalformedSettingFailsLoudly() {
        assertThrows(IllegalArgumentException.class, () -> new TrustedProxies("10.0.0.0/33"));
        assertThrows(IllegalArgumentException.class, () -> new TrustedProxies("proxy.example"));
    }
}
