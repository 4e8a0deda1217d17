package dev.daehwa.domain.message;

/**
 * What one person may do to one message, as {@link Message} decides it; sent to clients with the
 * message so that they show Edit and Delete only where the server would allow them.
 */
public record MessagePermissions(boolean mayEdit, boolean mayDelete) {
}
