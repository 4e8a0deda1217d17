package dev.daehwa.infrastructure.persistence;

/** Fired once the database schema is migrated: what reads the database at startup waits for it. */
public record SchemaReady() {
}
