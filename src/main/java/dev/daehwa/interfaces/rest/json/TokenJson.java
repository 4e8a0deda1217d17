package dev.daehwa.interfaces.rest.json;

import dev.daehwa.domain.auth.ApiToken;
import java.time.Instant;

/** A token as listed: its secret is never shown again. */
public record TokenJson(long id, String name, Instant createdAt) {

    public static TokenJson of(ApiToken token) {
        return new TokenJson(token.id(), token.name(), token.createdAt());
    }
}
