package dev.daehwa.domain.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

public interface LoginAttemptsRepository {

    /**
     * Takes a slot for one login attempt for the username, atomically across concurrent requests
     * and app nodes, and commits it before returning (the attempt counts even if the caller
     * fails later). Empty when the attempt may go on; otherwise how long the username is blocked.
     */
    Optional<Duration> reserve(String usernameKey, LoginThrottle throttle, Instant now);

    /** After a successful login: the username's count starts again. */
    void forget(String usernameKey);
}
