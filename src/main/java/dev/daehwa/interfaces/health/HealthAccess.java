package dev.daehwa.interfaces.health;

import dev.daehwa.infrastructure.http.TrustedProxies;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who may read the details of /health (node names, queue counts, error text): a caller on this
 * machine (a loopback address, as the container's own health probe is), or one that sends
 * {@code Authorization: Bearer <DAEHWA_HEALTH_SECRET>}. Everyone else sees only UP/DOWN and the
 * names of the checks. The client's address is the one {@link TrustedProxies} reports, so that a
 * request forwarded by a reverse proxy on the same machine counts as the remote client it is.
 */
@ApplicationScoped
public class HealthAccess {

    private static final String BEARER = "Bearer ";
    /** Loopback literals only; a name is never resolved here. */
    private static final Pattern LOOPBACK = Pattern.compile(
            "127(\\.\\d{1,3}){3}|\\[?(0{0,4}:){2,7}0{0,3}1]?|\\[?::ffff:127(\\.\\d{1,3}){3}]?",
            Pattern.CASE_INSENSITIVE);

    @Inject
    private TrustedProxies proxies;

    @Inject
    @ConfigProperty(name = "DAEHWA_HEALTH_SECRET")
    private Optional<String> secretSetting;

    private byte[] secretDigest;

    @PostConstruct
    void readSecret() {
        secretDigest = secretSetting.map(String::strip).filter(s -> !s.isEmpty()).map(HealthAccess::digest).orElse(null);
    }

    public boolean mayReadDetails(HttpServletRequest request) {
        return isLoopback(proxies.clientAddress(request)) || sentSecret(request.getHeader("Authorization"));
    }

    private boolean sentSecret(String authorization) {
        if (secretDigest == null || authorization == null
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return false;
        }
        // Digests of equal length, compared in constant time: neither the secret's length nor
        // its first differing character shows in the answer's timing.
        return MessageDigest.isEqual(secretDigest, digest(authorization.substring(BEARER.length()).strip()));
    }

    static boolean isLoopback(String address) {
        return address != null && LOOPBACK.matcher(address).matches();
    }

    private static byte[] digest(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
