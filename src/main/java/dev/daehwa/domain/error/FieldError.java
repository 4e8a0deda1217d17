package dev.daehwa.domain.error;

/**
 * One invalid input field and what is wrong with it: a stable kebab-case {@code code}
 * ({@code required}, {@code too-long}, {@code taken}, ...) for programs and translations, and an
 * English {@code message} a user can act on.
 */
public record FieldError(String field, String code, String message) {
}
