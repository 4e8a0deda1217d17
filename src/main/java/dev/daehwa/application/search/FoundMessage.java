package dev.daehwa.application.search;

import dev.daehwa.domain.message.Message;

/** A search result: the message, the room it is in, and its text with the matches marked. */
public record FoundMessage(Message message, long roomId, String roomName, String highlight) {
}
