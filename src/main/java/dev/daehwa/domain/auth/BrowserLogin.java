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
import java.time.Duration;
import java.time.Instant;

/**
 * A browser's login, behind its login cookie. It lives in the database, not in one node's
 * memory, so that every node recognises it and a restart logs nobody out. Like an API token, only
 * the SHA-256 of its secret is kept.
 */
@Entity
@Table(name = "login_session")
public class BrowserLogin {

    /** A login nobody used for this long has expired, as people expect of a chat they come back to. */
    public static final Duration IDLE_LIMIT = Duration.ofDays(30);
    /** Use is recorded at most this often, so that browsing is not a write per request. */
    static final Duration USE_RECORDED_EVERY = Duration.ofDays(1);

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "login_session_id")
    @SequenceGenerator(name = "login_session_id", sequenceName = "login_session_id_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id")
    private User owner;

    @Column(name = "token_hash")
    private String tokenHash;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    protected BrowserLogin() {
        // for JPA
    }

    public BrowserLogin(User owner, String tokenHash, Instant now) {
        this.owner = owner;
        this.tokenHash = tokenHash;
        this.createdAt = now;
        this.lastUsedAt = now;
    }

    public boolean hasExpired(Instant now) {
        return lastUsedAt.plus(IDLE_LIMIT).isBefore(now);
    }

    /** Records a use; true if that changed the row (at most once a day). */
    public boolean used(Instant now) {
        if (lastUsedAt.plus(USE_RECORDED_EVERY).isAfter(now)) {
            return false;
        }
        lastUsedAt = now;
        return true;
    }

    public long ownerId() {
        return owner.id();
    }

    public Instant lastUsedAt() {
        return lastUsedAt;
    }
}
