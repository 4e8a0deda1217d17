package dev.daehwa.domain.auth;

import dev.daehwa.domain.user.User;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A named personal API token. Only the SHA-256 of the secret is kept: the secret has 256 bits of
 * entropy, so a fast hash suffices and lookups stay a single indexed query per request.
 */
@Entity
@Table(name = "api_token")
public class ApiToken {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "api_token_id")
    @SequenceGenerator(name = "api_token_id", sequenceName = "api_token_id_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id")
    private User owner;

    private String name;

    @Column(name = "token_hash")
    private String tokenHash;

    @Column(name = "created_at")
    private Instant createdAt;

    protected ApiToken() {
        // for JPA
    }

    public ApiToken(User owner, String name, String tokenHash, Instant createdAt) {
        this.owner = owner;
        this.name = name;
        this.tokenHash = tokenHash;
        this.createdAt = createdAt;
    }

    public Long id() {
        return id;
    }

    public User owner() {
        return owner;
    }

    public String name() {
        return name;
    }

    public String tokenHash() {
        return tokenHash;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
