package dev.daehwa.infrastructure.auth;

import jakarta.security.enterprise.credential.Credential;

/** The secret from an {@code Authorization: Bearer} header, on its way to {@link ApiTokenIdentityStore}. */
public record ApiTokenCredential(String secret) implements Credential {
}
