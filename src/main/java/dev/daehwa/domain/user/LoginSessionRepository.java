package dev.daehwa.domain.user;

import java.util.Optional;

public interface LoginSessionRepository {

    Optional<LoginSession> findByHash(String tokenHash);

    void store(LoginSession login);

    void remove(LoginSession login);
}
