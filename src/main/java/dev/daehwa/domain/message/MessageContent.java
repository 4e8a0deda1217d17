package dev.daehwa.domain.message;

import dev.daehwa.domain.error.FieldRefusal;
import dev.daehwa.domain.error.InvalidInputException;

/** What may be sent: 1 to 10,000 characters (code points, so Hangul and emoji count as one). */
public final class MessageContent {

    public static final int MAX_LENGTH = 10_000;
    public static final int CLIENT_MESSAGE_ID_MAX = 100;
    private static final String CLIENT_MESSAGE_ID_LENGTH = "clientMessageId must be 1 to 100 characters.";

    private MessageContent() {
    }

    /** The content as it will be stored: trimmed, and checked. */
    public static String check(String content) {
        String trimmed = content == null ? "" : content.strip();
        if (trimmed.isEmpty()) {
            throw InvalidInputException.of(FieldRefusal.CONTENT_REQUIRED, "A message cannot be empty.");
        }
        if (trimmed.codePointCount(0, trimmed.length()) > MAX_LENGTH) {
            throw InvalidInputException.of(FieldRefusal.CONTENT_TOO_LONG,
                    "A message can have at most 10,000 characters.");
        }
        return trimmed;
    }

    public static String checkClientMessageId(String clientMessageId) {
        if (clientMessageId == null) {
            return null;
        }
        if (clientMessageId.isBlank()) {
            throw InvalidInputException.of(FieldRefusal.CLIENT_MESSAGE_ID_BLANK, CLIENT_MESSAGE_ID_LENGTH);
        }
        if (clientMessageId.length() > CLIENT_MESSAGE_ID_MAX) {
            throw InvalidInputException.of(FieldRefusal.CLIENT_MESSAGE_ID_TOO_LONG, CLIENT_MESSAGE_ID_LENGTH);
        }
        return clientMessageId;
    }
}
