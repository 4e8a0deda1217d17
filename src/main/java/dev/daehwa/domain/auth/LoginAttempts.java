package dev.daehwa.domain.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The login attempts for one username in its current throttle window: one row per username, kept
 * in the database and taken with a row lock, so that every app node counts against the same slots.
 */
@Entity
@Table(name = "login_attempts")
public class LoginAttempts {

    @Id
    @Column(name = "username_key")
    private String usernameKey;

    @Column(name = "window_start")
    private Instant windowStart;

    @Column(name = "attempts")
    private int count;

    protected LoginAttempts() {
        // for JPA
    }

    /** A record with no attempt yet, in a window that starts now (for tests and in-memory stores). */
    public static LoginAttempts none(String usernameKey, Instant now) {
        LoginAttempts attempts = new LoginAttempts();
        attempts.usernameKey = usernameKey;
        attempts.windowStart = now;
        attempts.count = 0;
        return attempts;
    }

    public String usernameKey() {
        return usernameKey;
    }

    public Instant windowStart() {
        return windowStart;
    }

    public int count() {
        return count;
    }

    void count(int count) {
        this.count = count;
    }

    /** A new window, opened by the attempt being made now. */
    void startWindow(Instant now) {
        windowStart = now;
        count = 1;
    }
}
