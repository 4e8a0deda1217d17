package dev.daehwa.application.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class UserLanguagesTest {

    @Test
    void theFirstPreferredLanguageTheAppSpeaksWins() {
        assertEquals(Locale.KOREAN, UserLanguages.choose(List.of(Locale.forLanguageTag("ko-KR"), Locale.ENGLISH)));
        assertEquals(Locale.ENGLISH, UserLanguages.choose(List.of(Locale.forLanguageTag("en-GB"), Locale.KOREAN)));
        assertEquals(Locale.KOREAN, UserLanguages.choose(List.of(Locale.FRENCH, Locale.forLanguageTag("ko"))));
    }

    @Test
    void englishWhenNoneIsSpoken() {
        assertEquals(Locale.ENGLISH, UserLanguages.choose(List.of(Locale.JAPANESE, Locale.GERMAN)));
        assertEquals(Locale.ENGLISH, UserLanguages.choose(List.of()));
    }
}
