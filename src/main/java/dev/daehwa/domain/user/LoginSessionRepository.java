package dev.daehwa.domain.user;

import java.util.Optional;

public interface LoginSessionRepository {

    Optional<LoginSession> findByHash(String tokenHash);

    void store(LoginSession login);

    void remove(LoginSession login);

    /** Removes every login of the user but the one with this hash (null: none kept). */
    void removeAllOf(long userId, String keptHash);
}
