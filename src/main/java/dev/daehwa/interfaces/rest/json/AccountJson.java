package dev.daehwa.interfaces.rest.json;

import dev.daehwa.domain.user.User;

/** The caller's own user, with the email only they may see. */
public record AccountJson(long id, String username, String displayName, String email, boolean emailConfirmed) {

    public static AccountJson of(User user) {
        return new AccountJson(user.id(), user.username(), user.displayName(), user.email(), user.isEmailConfirmed());
    }
}
