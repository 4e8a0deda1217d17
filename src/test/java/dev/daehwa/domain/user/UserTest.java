package dev.daehwa.domain.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.daehwa.domain.TestEntities;
import java.text.Normalizer;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UserTest {

    private static final Instant NOW = Instant.parse("2025-03-01T09:00:00Z");

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "Alice              | alice",
            "ALICE              | alice",
            "\"  Alice  \"      | alice",
            "Alice@Example.COM  | alice@example.com",
            "\" Bob.Kim@Mail.Example.co.kr \" | bob.kim@mail.example.co.kr",
            "김철수              | 김철수",
            "김철수_DEV          | 김철수_dev",
            "ÄÖÜ                | äöü",
    })
    void keyLowerCasesAndTrims(String input, String key) {
        assertEquals(key, User.keyOf(input));
    }

    @Test
    void keyTrimsTabsAndNewlines() {
        assertEquals("alice", User.keyOf("\tAlice\r\n"));
    }

    @Test
    void keyIsTheSameWhateverTheDefaultLocale() {
        Locale original = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            // sanity: in a Turkish locale, a plain toLowerCase() turns I into dotless ı
            assertEquals("tıtle", "TITLE".toLowerCase());
            assertEquals("title", User.keyOf("TITLE"));
            assertEquals("admin", User.keyOf("ADMIN"));
            assertEquals("info@example.com", User.keyOf("INFO@EXAMPLE.COM"));
        } finally {
            Locale.setDefault(original);
        }
    }

    @Test
    void differentlyCasedNamesShareAKey() {
        assertEquals(User.keyOf("Kim.CS"), User.keyOf("kim.cs"));
        assertNotEquals(User.keyOf("kim.cs"), User.keyOf("kim_cs"));
    }

    @Test
    void registerCopiesTheValidatedAccount() {
        AccountRules.ValidAccount account =
                AccountRules.check(" Alice ", "correct horse", "Alice@Example.COM", "앨리스");
        User user = User.register(account, "$argon2id$hash", NOW);

        assertNull(user.id(), "ids are assigned when persisted");
        assertEquals("Alice", user.username());
        assertEquals("Alice@Example.COM", user.email());
        assertEquals("앨리스", user.displayName());
        assertEquals("$argon2id$hash", user.passwordHash());
        assertEquals(NOW, user.createdAt());
        assertEquals("alice", TestEntities.field(user, "usernameKey"));
        assertEquals("alice@example.com", TestEntities.field(user, "emailKey"));
    }

    @Test
    void registeredDisplayNameDefaultsToUsername() {
        User user = User.register(AccountRules.check("bob", "correct horse", "bob@example.com", ""), "h", NOW);
        assertEquals("bob", user.displayName());
    }

    @Test
    void testHelperAssignsIds() {
        User user = TestEntities.user(42, "carol");
        assertEquals(42L, user.id());
        assertEquals("carol", user.username());
    }

    // ------------------------------------------------------------ found by these tests, now fixed

    @Test
    void keyOfDecomposedHangulMatchesTheRegisteredKey() {
        String registeredKey = User.keyOf(AccountRules.check("김철수", "correct horse", "k@example.com", null).username());
        String typedAtLogin = Normalizer.normalize("김철수", Normalizer.Form.NFD);
        assertEquals(registeredKey, User.keyOf(typedAtLogin));
    }

    /** Lower-casing can lengthen a name (İ -> i + U+0307); the key column (User.KEY_MAX) must hold it. */
    @Test
    void keyOfAValidUsernameFitsTheKeyColumn() {
        for (String letter : new String[] {"\u0130", "\uD835\uDC00", "\u1E9E"}) {
            String username = AccountRules.check(letter.repeat(30), "correct horse", "i@example.com", null).username();
            String key = User.keyOf(username);
            assertTrue(key.length() <= User.KEY_MAX, letter + ": key has " + key.length() + " UTF-16 units");
        }
    }

    @Test
    void remembersTheLanguageLastUsedAndSaysWhenItChanged() {
        User user = TestEntities.user(3, "polyglot");
        assertTrue(user.language().isEmpty(), "unknown until the user has used the app");
        assertTrue(user.useLanguage(Locale.KOREAN));
        assertFalse(user.useLanguage(Locale.KOREAN), "no change, no write");
        assertEquals(Locale.KOREAN, user.language().orElseThrow());
        assertTrue(user.useLanguage(Locale.ENGLISH));
        assertEquals(Locale.ENGLISH, user.language().orElseThrow());
    }
}
