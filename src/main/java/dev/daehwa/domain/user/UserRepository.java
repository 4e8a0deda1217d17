package dev.daehwa.domain.user;

import dev.daehwa.domain.error.NotFoundException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

public interface UserRepository {

    Optional<User> find(long id);

    /** The user, or a 404: for ids that come from an authenticated caller or a stored row. */
    default User get(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("No such user."));
    }

    /** The users with these ids, in one query, in no particular order. */
    List<User> findAll(Collection<Long> ids);

    Optional<User> findByUsername(String username);

    List<User> findByUsernames(Collection<String> usernames);

    boolean usernameTaken(String username);

    /** Whether some account has confirmed this address; an unconfirmed one takes nobody's place. */
    boolean emailTaken(String email);

    /** Makes a change to the user (a confirmed address) final now, so that a clash is reported here. */
    void flush();

    /**
     * Users whose username or display name starts with {@code prefix}, ignoring case; when
     * {@code notInRoomId} is given, only people who are not members of that room.
     */
    List<User> searchByPrefix(String prefix, Long notInRoomId, int limit);

    void store(User user);

    /** Replaces a stored password hash, in a transaction of its own when the caller has none. */
    void replacePasswordHash(long userId, String passwordHash);
}
