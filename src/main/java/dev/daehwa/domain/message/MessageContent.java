package dev.daehwa.domain.message;

import dev.daehwa.domain.error.InvalidInputException;

/** What may be sent: 1 to 10,000 characters (code points, so Hangul and emoji count as one). */
public final class MessageContent {

    public static final int MAX_LENGTH = 10_000;
    public static final int CLIENT_MESSAGE_ID_MAX = 100;

    private MessageContent() {
    }

    /** The content as it will be stored: trimmed, and checked. */
    public static String check(String content) {
        String trimmed = content == null ? "" : content.strip();
        if (trimmed.isEmpty()) {
            throw InvalidInputException.of("content", "A message cannot be empty.");
        }
        if (trimmed.codePointCount(0, trimmed.length()) > MAX_LENGTH) {
            throw InvalidInputException.of("content", "A message can have at most 10,000 characters.");
        }
        return trimmed;
    }

    public static String checkClientMessageId(String clientMessageId) {
        if (clientMessageId == null) {
            return null;
        }
        if (clientMessageId.isBlank() || clientMessageId.length() > CLIENT_MESSAGE_ID_MAX) {
            throw InvalidInputException.of("clientMessageId", "clientMessageId must be 1 to 100 characters.");
        }
        return clientMessageId;
    }
}
