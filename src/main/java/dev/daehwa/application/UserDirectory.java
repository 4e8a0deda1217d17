package dev.daehwa.application;

import dev.daehwa.domain.user.User;
import dev.daehwa.domain.user.UserRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/** Finding people to add to a room. */
@ApplicationScoped
@Transactional
public class UserDirectory {

    public static final int MAX_LIMIT = 50;

    @Inject
    private UserRepository users;

    public List<User> search(String prefix, int limit) {
        String normalised = prefix == null ? "" : prefix.strip();
        return users.searchByPrefix(normalised, Math.max(1, Math.min(limit, MAX_LIMIT)));
    }
}
