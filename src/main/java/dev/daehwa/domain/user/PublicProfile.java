package dev.daehwa.domain.user;

/** A user as the people who share a room with them see them: never their email. */
public record PublicProfile(long id, String username, String displayName) {

    public static PublicProfile of(User user) {
        return new PublicProfile(user.id(), user.username(), user.displayName());
    }
}
