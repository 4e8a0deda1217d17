package dev.daehwa.domain.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.daehwa.domain.error.FieldError;
import dev.daehwa.domain.error.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EmptySource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class MessageContentTest {

    private static final String EMPTY = "A message cannot be empty.";
    private static final String TOO_LONG = "A message can have at most 10,000 characters.";
    private static final String BAD_CLIENT_ID = "clientMessageId must be 1 to 100 characters.";

    private static List<FieldError> contentErrors(String content) {
        return assertThrows(InvalidInputException.class, () -> MessageContent.check(content)).fieldErrors();
    }

    private static List<FieldError> clientIdErrors(String clientMessageId) {
        return assertThrows(InvalidInputException.class,
                () -> MessageContent.checkClientMessageId(clientMessageId)).fieldErrors();
    }

    // ---------------------------------------------------------------- content

    @Test
    void contentIsTrimmed() {
        assertEquals("hello", MessageContent.check("  hello \n"));
        assertEquals("안녕하세요", MessageContent.check("\u3000안녕하세요\u3000"));
    }

    @Test
    void innerWhitespaceAndLineBreaksAreKept() {
        assertEquals("line 1\n\n  line 2", MessageContent.check("\nline 1\n\n  line 2\n"));
    }

    @Test
    void oneCharacterIsEnough() {
        assertEquals("a", MessageContent.check("a"));
        assertEquals("👍", MessageContent.check(" 👍 "));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "   ", "\n\t\r\n", "\u3000", "\u2003\u2003"})
    void emptyOrWhitespaceOnlyIsRejected(String content) {
        assertEquals(List.of(new FieldError("content", "required", EMPTY)), contentErrors(content));
    }

    @Test
    void tenThousandCharactersAreAllowed() {
        String max = "a".repeat(10_000);
        assertEquals(max, MessageContent.check(max));
        assertEquals(List.of(new FieldError("content", "too-long", TOO_LONG)), contentErrors("a".repeat(10_001)));
    }

    @Test
    void tenThousandEmojiAreAllowedAndOneMoreIsNot() {
        String max = "😀".repeat(10_000);
        assertEquals(20_000, max.length(), "each emoji is two UTF-16 units");
        assertEquals(max, MessageContent.check(max));
        assertEquals(List.of(new FieldError("content", "too-long", TOO_LONG)), contentErrors("😀".repeat(10_001)));
    }

    @Test
    void tenThousandHangulSyllablesAreAllowed() {
        String max = "한".repeat(10_000);
        assertEquals(max, MessageContent.check(max));
        assertEquals(List.of(new FieldError("content", "too-long", TOO_LONG)), contentErrors("한".repeat(10_001)));
    }

    @Test
    void surroundingWhitespaceDoesNotCountTowardsTheLimit() {
        String max = "a".repeat(10_000);
        assertEquals(max, MessageContent.check("   " + max + "\n\n"));
    }

    // ---------------------------------------------------------------- client message id

    @Test
    void clientMessageIdIsOptional() {
        assertNull(MessageContent.checkClientMessageId(null));
    }

    @Test
    void clientMessageIdIsOneToHundredCharacters() {
        assertEquals("x", MessageContent.checkClientMessageId("x"));
        String hundred = "c".repeat(100);
        assertEquals(hundred, MessageContent.checkClientMessageId(hundred));
        assertEquals(List.of(new FieldError("clientMessageId", "too-long", BAD_CLIENT_ID)),
                clientIdErrors("c".repeat(101)));
    }

    @Test
    void aUuidIsAValidClientMessageId() {
        String uuid = "3f2b8c1e-9d4a-4e7b-8a61-0c5d2f9e7b13";
        assertEquals(uuid, MessageContent.checkClientMessageId(uuid));
    }

    @ParameterizedTest
    @EmptySource
    @ValueSource(strings = {" ", "   ", "\t\n"})
    void blankClientMessageIdIsRejected(String clientMessageId) {
        assertEquals(List.of(new FieldError("clientMessageId", "blank", BAD_CLIENT_ID)),
                clientIdErrors(clientMessageId));
    }
}
