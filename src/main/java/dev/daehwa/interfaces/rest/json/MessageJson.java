package dev.daehwa.interfaces.rest.json;

import java.time.Instant;

/** A message; {@code html} is the content rendered safely, with clickable links. */
public record MessageJson(long id, long roomId, long seq, UserJson sender, String content, String html,
                          Instant createdAt, Instant editedAt, String clientMessageId) {
}
