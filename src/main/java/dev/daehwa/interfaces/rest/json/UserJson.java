package dev.daehwa.interfaces.rest.json;

import dev.daehwa.domain.user.PublicProfile;
import dev.daehwa.domain.user.User;

/** A user as others see them: never their email. */
public record UserJson(long id, String username, String displayName) {

    public static UserJson of(User user) {
        return of(PublicProfile.of(user));
    }

    public static UserJson of(PublicProfile user) {
        return new UserJson(user.id(), user.username(), user.displayName());
    }
}
