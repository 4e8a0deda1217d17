package dev.daehwa.domain.user;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

public interface UserRepository {

    Optional<User> find(long id);

    Optional<User> findByUsername(String username);

    List<User> findByUsernames(Collection<String> usernames);

    boolean usernameTaken(String username);

    boolean emailTaken(String email);

    /** Users whose username or display name starts with {@code prefix}, ignoring case. */
    List<User> searchByPrefix(String prefix, int limit);

    void store(User user);
}
