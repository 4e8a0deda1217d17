package dev.daehwa.domain.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One failed login, kept in the database so every app node sees the same throttle. */
@Entity
@Table(name = "login_failure")
public class LoginFailure {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "login_failure_id")
    @SequenceGenerator(name = "login_failure_id", sequenceName = "login_failure_id_seq", allocationSize = 50)
    private Long id;

    @Column(name = "username_key")
    private String usernameKey;

    @Column(name = "failed_at")
    private Instant failedAt;

    protected LoginFailure() {
        // for JPA
    }

    public LoginFailure(String usernameKey, Instant failedAt) {
        this.usernameKey = usernameKey;
        this.failedAt = failedAt;
    }
}
