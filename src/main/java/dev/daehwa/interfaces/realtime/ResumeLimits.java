package dev.daehwa.interfaces.realtime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How often resume frames may come: each replays up to 3,000 messages from the database, so a
 * client must not be able to ask for it in a loop. Limited per socket and, on this node, per
 * user (a user's sockets together; a new socket does not bring a fresh allowance for the user).
 */
@ApplicationScoped
public class ResumeLimits {

    /** Per-user allowances forgotten once this many exist, those that have refilled. */
    private static final int SWEEP_ABOVE = 10_000;

    @Inject
    @ConfigProperty(name = "DAEHWA_WS_RESUMES_PER_MINUTE", defaultValue = "6")
    private int perSocket;

    @Inject
    @ConfigProperty(name = "DAEHWA_WS_USER_RESUMES_PER_MINUTE", defaultValue = "60")
    private int perUser;

    private final Map<Long, TokenBucket> users = new ConcurrentHashMap<>();

    /** The allowance of a socket that just opened. */
    TokenBucket forNewSocket(long nowNanos) {
        return new TokenBucket(perSocket, nowNanos);
    }

    /** Takes one of the user's resumes on this node; false if they have used them up for now. */
    boolean userMayResume(long userId, long nowNanos) {
        if (users.size() > SWEEP_ABOVE) {
            users.values().removeIf(bucket -> bucket.isFull(nowNanos));
        }
        return users.computeIfAbsent(userId, id -> new TokenBucket(perUser, nowNanos)).take(nowNanos);
    }
}
