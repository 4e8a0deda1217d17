package dev.daehwa.interfaces.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.daehwa.infrastructure.http.PublicAddress;
import dev.daehwa.infrastructure.http.TransportSecurity;
import dev.daehwa.infrastructure.http.TrustedProxies;
import jakarta.servlet.SessionCookieConfig;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The session cookie's Secure flag follows the public address, set at startup. */
class SecureSessionCookieTest {

    @Test
    void anHttpsAddressMakesTheSessionCookieSecure() {
        assertEquals(List.of(true), secureCallsFor("https://chat.example.com/"));
    }

    @Test
    void thePlainDefaultLeavesItAlone() {
        assertEquals(List.of(), secureCallsFor("http://localhost:8080/"));
    }

    /** What the hook asked of the container's session cookie configuration. */
    private static List<Boolean> secureCallsFor(String baseUrl) {
        List<Boolean> calls = new ArrayList<>();
        SessionCookieConfig config = (SessionCookieConfig) Proxy.newProxyInstance(
                SessionCookieConfig.class.getClassLoader(), new Class<?>[] {SessionCookieConfig.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("setSecure")) {
                        calls.add((Boolean) args[0]);
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        SecureSessionCookie.configure(config, new TransportSecurity(new PublicAddress(baseUrl), new TrustedProxies(null)));
        return calls;
    }
}
