package dev.daehwa.interfaces.web.rooms;

import dev.daehwa.domain.user.User;
import java.io.Serializable;

/** A suggestion in a username autocomplete: the value submitted, and what the list shows. */
public record UserOption(String username, String displayName) implements Serializable {

    /** "Minji Kim (@minji)": names can repeat, usernames cannot. */
    public String label() {
        return displayName + " (@" + username + ")";
    }

    static UserOption of(User user) {
        return new UserOption(user.username(), user.displayName());
    }
}
