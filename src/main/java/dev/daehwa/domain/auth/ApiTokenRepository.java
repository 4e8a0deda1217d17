package dev.daehwa.domain.auth;

import java.util.List;
import java.util.Optional;

public interface ApiTokenRepository {

    Optional<ApiToken> findByHash(String tokenHash);

    List<ApiToken> findByOwner(long userId);

    Optional<ApiToken> findOwned(long tokenId, long userId);

    void store(ApiToken token);

    void remove(ApiToken token);

    /** Removes every token of the user but the one with this hash (null: none kept). */
    void removeAllOf(long userId, String keptHash);
}
