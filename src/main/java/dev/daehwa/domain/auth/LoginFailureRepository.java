package dev.daehwa.domain.auth;

import java.time.Instant;
import java.util.List;

public interface LoginFailureRepository {

    /** Failure times for the username since {@code since}, oldest first. */
    List<Instant> failuresSince(String usernameKey, Instant since);

    void record(LoginFailure failure);

    void forget(String usernameKey);

    /** Housekeeping: a username's failures older than the throttle window mean nothing any more. */
    void purgeBefore(String usernameKey, Instant cutoff);
}
