package dev.daehwa.domain.auth;

import java.util.Optional;

public interface BrowserLoginRepository {

    Optional<BrowserLogin> findByHash(String tokenHash);

    void store(BrowserLogin login);

    void remove(BrowserLogin login);

    /** Removes every login of the user but the one with this hash (null: none kept). */
    void removeAllOf(long userId, String keptHash);
}
