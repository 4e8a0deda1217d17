package dev.daehwa.infrastructure.crypto;

import dev.daehwa.application.notification.UnsubscribeTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The one-click unsubscribe links of notification emails: {@code userId.roomId.signature}, an
 * HMAC-SHA256 with a server key. The link needs no login, so the signature is what proves that
 * the server wrote it for that user and room; nothing is stored per link, and links keep working
 * for as long as the key exists. A link can only ever turn email off.
 */
@ApplicationScoped
public class HmacUnsubscribeTokens implements UnsubscribeTokens {

    private static final String KEY_NAME = "unsubscribe";
    private static final Pattern FORM = Pattern.compile("(\\d{1,18})\\.(\\d{1,18})\\.([A-Za-z0-9_-]{43})");

    @Inject
    private ServerKeys keys;

    @Override
    public String tokenFor(long userId, long roomId) {
        String subject = userId + "." + roomId;
        return subject + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac(subject));
    }

    @Override
    public Optional<Subject> verify(String token) {
        Matcher parts = token == null ? null : FORM.matcher(token.strip());
        if (parts == null || !parts.matches()) {
            return Optional.empty();
        }
        String subject = parts.group(1) + "." + parts.group(2);
        byte[] given = Base64.getUrlDecoder().decode(parts.group(3));
        if (!MessageDigest.isEqual(given, mac(subject))) {
            return Optional.empty();
        }
        return Optional.of(new Subject(Long.parseLong(parts.group(1)), Long.parseLong(parts.group(2))));
    }

    private byte[] mac(String subject) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(keys.key(KEY_NAME), "HmacSHA256"));
            return mac.doFinal(("unsubscribe:" + subject).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every JDK has HmacSHA256", e);
        }
    }
}
