package dev.daehwa.interfaces.rest.json;

import java.time.Instant;

/** A token just created: the only time {@code token} (the secret) is shown. */
public record IssuedTokenJson(long id, String name, String token, Instant createdAt) {
}
