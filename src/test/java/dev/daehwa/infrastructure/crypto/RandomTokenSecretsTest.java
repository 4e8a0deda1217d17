package dev.daehwa.infrastructure.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RandomTokenSecretsTest {

    private static final RandomTokenSecrets SECRETS = new RandomTokenSecrets();

    @Test
    void prefixIsDhw() {
        assertEquals("dhw_", RandomTokenSecrets.PREFIX);
        assertTrue(SECRETS.newSecret().startsWith("dhw_"));
    }

    @Test
    void secretIs256BitsOfUrlSafeBase64WithoutPadding() {
        for (int i = 0; i < 200; i++) {
            String secret = SECRETS.newSecret();
            assertEquals(4 + 43, secret.length(), secret);
            String body = secret.substring(4);
            assertTrue(body.matches("[A-Za-z0-9_-]{43}"), secret);
            assertEquals(32, Base64.getUrlDecoder().decode(body).length);
        }
    }

    @Test
    void secretsAreDistinct() {
        Set<String> secrets = new HashSet<>();
        Set<String> hashes = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String secret = SECRETS.newSecret();
            secrets.add(secret);
            hashes.add(SECRETS.hashOf(secret));
        }
        assertEquals(10_000, secrets.size());
        assertEquals(10_000, hashes.size());
    }

    @Test
    void secretsUseTheWholeAlphabet() {
        // 256 random bits per secret: over many secrets every base64url character shows up
        Set<Character> seen = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            for (char c : SECRETS.newSecret().substring(4).toCharArray()) {
                seen.add(c);
            }
        }
        assertEquals(64, seen.size());
    }

    @ParameterizedTest
    @CsvSource(quoteCharacter = '"', value = {
            "\"\",  e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "abc, ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
            "The quick brown fox jumps over the lazy dog, d7a8fbb307d7809469ca9abcb0082e4f8d5651e46d3cdb762d02d0bf37c9e592",
    })
    void hashIsLowerCaseHexSha256(String input, String expected) {
        assertEquals(expected, SECRETS.hashOf(input));
    }

    @Test
    void hashEncodesTheSecretAsUtf8() {
        // sha256 of the UTF-8 bytes ED 95 9C ("한"), as `printf '한' | sha256sum` prints it
        assertEquals("89233692031a62c60e6ef602b4cd9f3cb52a6dd8013fe9873c36101a7e3920e0", SECRETS.hashOf("한"));
    }

    @Test
    void hashOfATokenLikeSecret() {
        assertEquals("c4d6b58ed7bab859e515fef52ddbef32b44aa1bb098f8e33bb6db39e81731192", SECRETS.hashOf("dhw_test"));
    }

    @Test
    void hashIs64HexCharactersAndDependsOnEveryCharacter() {
        String secret = SECRETS.newSecret();
        String hash = SECRETS.hashOf(secret);
        assertTrue(hash.matches("[0-9a-f]{64}"), hash);
        assertEquals(hash, SECRETS.hashOf(secret), "the same secret always hashes the same");
        assertNotEquals(hash, SECRETS.hashOf(secret + "x"));
        assertNotEquals(hash, SECRETS.hashOf(secret.substring(0, secret.length() - 1)));
    }
}
