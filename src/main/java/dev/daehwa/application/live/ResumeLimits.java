package dev.daehwa.application.live;

import dev.daehwa.application.limits.RateLimiter;
import dev.daehwa.domain.limit.RateLimit;
import dev.daehwa.domain.limit.TokenBucket;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How often resume frames may come: each replays up to 3,000 messages from the database, so a
 * client must not be able to ask for it in a loop. Limited per socket and, on this node, per
 * user (a user's sockets together; a new socket does not bring a fresh allowance for the user).
 */
@ApplicationScoped
public class ResumeLimits {

    /** Users whose allowance is remembered at once; past it the least recently used is forgotten. */
    private static final int MAX_USERS = 10_000;

    @Inject
    @ConfigProperty(name = "DAEHWA_WS_RESUMES_PER_MINUTE", defaultValue = "6")
    private int perSocket;

    @Inject
    @ConfigProperty(name = "DAEHWA_WS_USER_RESUMES_PER_MINUTE", defaultValue = "60")
    private int perUser;

    @Inject
    private Clock clock;

    private RateLimiter users;

    @PostConstruct
    void configure() {
        users = new RateLimiter(new RateLimit(perUser, Duration.ofMinutes(1)), MAX_USERS, clock);
    }

    /** The allowance of a socket that just opened. */
    public TokenBucket forNewSocket() {
        return new TokenBucket(new RateLimit(perSocket, Duration.ofMinutes(1)), Instant.now(clock));
    }

    /**
     * Takes one of the socket's resumes (from the allowance {@link #forNewSocket} gave it), then
     * one of its user's on this node; false if either is used up.
     */
    public boolean mayResume(long userId, TokenBucket socketAllowance) {
        boolean socketMay;
        synchronized (socketAllowance) {
            socketMay = socketAllowance.take(Instant.now(clock)).isEmpty();
        }
        return socketMay && users.take(userId).isEmpty();
    }
}
