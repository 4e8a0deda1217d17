package dev.daehwa.interfaces.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SecureCookiesResponseTest {

    @Test
    void aCookieWithoutSecureGetsIt() {
        assertEquals("JSESSIONID=abc; Path=/; HttpOnly; SameSite=lax; Secure",
                SecureCookiesResponse.secured("JSESSIONID=abc; Path=/; HttpOnly; SameSite=lax"));
        assertEquals("a=1; Secure", SecureCookiesResponse.secured("a=1"));
    }

    @Test
    void aSecureCookieIsLeftAsItIs() {
        assertEquals("daehwa_login=x; Path=/; Secure; HttpOnly", SecureCookiesResponse.secured("daehwa_login=x; Path=/; Secure; HttpOnly"));
        assertEquals("a=1;secure", SecureCookiesResponse.secured("a=1;secure"));
    }

    @Test
    void aValueThatMerelyContainsTheWordIsNotTakenForTheAttribute() {
        assertEquals("note=Secure-ish; Path=/; Secure", SecureCookiesResponse.secured("note=Secure-ish; Path=/"));
        assertEquals("Secure=1; Secure", SecureCookiesResponse.secured("Secure=1"));
    }
}
