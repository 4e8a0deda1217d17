package dev.daehwa.application.limits;

import dev.daehwa.domain.error.TooManyAttemptsException;
import dev.daehwa.domain.limit.RateLimit;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How often one client address may try to log in, sign up or create an API token, and how fast
 * one user may post, per app node. These stop floods (password spraying over random usernames,
 * mass sign-ups, message bots); the per-username login throttle, which must hold across nodes,
 * lives in the database instead ({@link dev.daehwa.application.auth.PasswordLogin}).
 *
 * <p>The defaults leave room for an office behind one NAT address: 30 logins at once and one
 * every 2 s after that, 30 sign-ups at once and then one every 20 s. A person never posts 50
 * messages in a few seconds and 10 a second after that; a bot does.
 */
@ApplicationScoped
public class RequestLimits {

    /** Keys remembered per limit; beyond this the least recently seen are forgotten. */
    static final int MAX_KEYS = 20_000;

    @Inject
    @ConfigProperty(name = "DAEHWA_LIMIT_LOGINS_PER_CLIENT", defaultValue = "30/1m")
    String loginSetting;

    @Inject
    @ConfigProperty(name = "DAEHWA_LIMIT_SIGNUPS_PER_CLIENT", defaultValue = "30/10m")
    String signupSetting;

    @Inject
    @ConfigProperty(name = "DAEHWA_LIMIT_TOKENS_PER_CLIENT", defaultValue = "20/10m")
    String tokenSetting;

    @Inject
    @ConfigProperty(name = "DAEHWA_LIMIT_POSTS_PER_USER", defaultValue = "50/5s")
    String postSetting;

    @Inject
    Clock clock;

    private RateLimiter logins;
    private RateLimiter signups;
    private RateLimiter tokens;
    private RateLimiter posts;

    @PostConstruct
    void configure() {
        logins = new RateLimiter(RateLimit.parse(loginSetting, "DAEHWA_LIMIT_LOGINS_PER_CLIENT"), MAX_KEYS, clock);
        signups = new RateLimiter(RateLimit.parse(signupSetting, "DAEHWA_LIMIT_SIGNUPS_PER_CLIENT"), MAX_KEYS, clock);
        tokens = new RateLimiter(RateLimit.parse(tokenSetting, "DAEHWA_LIMIT_TOKENS_PER_CLIENT"), MAX_KEYS, clock);
        posts = new RateLimiter(RateLimit.parse(postSetting, "DAEHWA_LIMIT_POSTS_PER_USER"), MAX_KEYS, clock);
    }

    public void login(String clientAddress) {
        logins.take(clientKey(clientAddress)).ifPresent(wait -> {
            throw TooManyAttemptsException.fromClient(wait);
        });
    }

    public void signup(String clientAddress) {
        signups.take(clientKey(clientAddress)).ifPresent(wait -> {
            throw TooManyAttemptsException.fromClient(wait);
        });
    }

    public void tokenCreation(String clientAddress) {
        tokens.take(clientKey(clientAddress)).ifPresent(wait -> {
            throw TooManyAttemptsException.fromClient(wait);
        });
    }

    public void post(long userId) {
        posts.take(userId).ifPresent(wait -> {
            throw TooManyAttemptsException.forMessages(wait);
        });
    }

    /**
     * One IPv6 subscriber usually holds a whole /64, so IPv6 clients are counted by their first
     * four groups; otherwise each address would be a fresh bucket. The key's length is bounded
     * whatever a trusted proxy forwarded.
     */
    static String clientKey(String address) {
        String a = address == null ? "" : address.strip().toLowerCase(Locale.ROOT);
        if (a.startsWith("[")) {
            int end = a.indexOf(']');
            a = end < 0 ? a.substring(1) : a.substring(1, end);
        }
        int zone = a.indexOf('%');
        if (zone >= 0) {
            a = a.substring(0, zone);
        }
        if (a.indexOf(':') >= 0 && a.indexOf('.') < 0) {
            a = ipv6Prefix64(a);
        }
        return a.length() > 64 ? a.substring(0, 64) : a;
    }

    /** The first four 16-bit groups of an IPv6 literal, with "::" expanded. */
    private static String ipv6Prefix64(String address) {
        int gap = address.indexOf("::");
        String[] head = (gap < 0 ? address : address.substring(0, gap)).split(":", -1);
        String[] tail = gap < 0 ? new String[0] : address.substring(gap + 2).split(":", -1);
        if (gap >= 0 && head.length == 1 && head[0].isEmpty()) {
            head = new String[0];
        }
        if (gap >= 0 && tail.length == 1 && tail[0].isEmpty()) {
            tail = new String[0];
        }
        String[] groups = new String[8];
        java.util.Arrays.fill(groups, "0");
        for (int i = 0; i < head.length && i < 8; i++) {
            groups[i] = head[i];
        }
        for (int i = 0; i < tail.length && i < 8; i++) {
            groups[8 - tail.length + i < 0 ? i : 8 - tail.length + i] = tail[i];
        }
        return String.join(":", groups[0], groups[1], groups[2], groups[3]) + "::/64";
    }
}
