package dev.daehwa.domain.message;

/** How many messages one sender wrote that a member has missed, and the newest one's seq. */
public record MissedFromSender(String senderName, long messages, long lastSeq) {
}
