package dev.daehwa.infrastructure.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.daehwa.application.notification.ConfirmationEmail;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ConfirmationMailTest {

    private static final URI BASE = URI.create("https://chat.example.com/");
    private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");

    private static ConfirmationMail render(Locale language) {
        ConfirmationEmail email = new ConfirmationEmail(7, 3, "joon@example.com", "Joon <b>", "joon", language,
                "tok+en/=", NOW.plus(Duration.ofHours(48)).minusMillis(5));
        return ConfirmationMail.of(email, BASE, NOW);
    }

    @Test
    void theLinkOpensTheConfirmationPageWithTheTokenEncoded() {
        ConfirmationMail mail = render(Locale.ENGLISH);
        assertEquals(URI.create("https://chat.example.com/confirm-email?token=tok%2Ben%2F%3D"), mail.link());
        assertTrue(mail.text().contains(mail.link().toString()), mail.text());
        assertTrue(mail.html().contains("href=\"https://chat.example.com/confirm-email?token=tok%2Ben%2F%3D\""), mail.html());
    }

    @Test
    void englishNamesTheAddressTheAccountAndTheLifetime() {
        ConfirmationMail mail = render(Locale.ENGLISH);
        assertEquals("Confirm your email address for Daehwa", mail.subject());
        assertTrue(mail.text().contains("joon@example.com") && mail.text().contains("account joon"), mail.text());
        assertTrue(mail.text().contains("48 hours"), mail.text());
    }

    @Test
    void koreanIsWrittenInKorean() {
        ConfirmationMail mail = render(Locale.KOREAN);
        assertEquals("대화 이메일 주소를 확인해 주세요", mail.subject());
        assertTrue(mail.text().contains("48시간"), mail.text());
        assertTrue(mail.html().startsWith("<!DOCTYPE html><html lang=\"ko\""), mail.html());
    }

    @Test
    void whatTheUserTypedIsEscapedInTheHtml() {
        ConfirmationMail mail = render(Locale.ENGLISH);
        assertFalse(mail.html().contains("<b>"), mail.html());
        assertTrue(mail.html().contains("Joon &lt;b&gt;"), mail.html());
    }
}
