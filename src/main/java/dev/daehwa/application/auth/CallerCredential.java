package dev.daehwa.application.auth;

/**
 * What a caller proved who they are with, so that ending it can end everything it opened (its
 * sockets, its sessions). Only hashes: the secrets themselves are never kept.
 */
public sealed interface CallerCredential {

    /** A personal API token, by the SHA-256 of its secret (the hash the database keeps). */
    record ApiToken(String tokenHash) implements CallerCredential {
    }

    /** A browser login, by the SHA-256 of its cookie's secret. */
    record Login(String loginHash) implements CallerCredential {
    }
}
