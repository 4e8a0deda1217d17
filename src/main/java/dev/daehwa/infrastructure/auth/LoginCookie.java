package dev.daehwa.infrastructure.auth;

import dev.daehwa.infrastructure.crypto.RandomTokenSecrets;
import dev.daehwa.infrastructure.http.TransportSecurity;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * The login cookie: the secret of a {@link dev.daehwa.domain.auth.BrowserLogin}. HttpOnly, so
 * scripts never see it; SameSite=Lax, so it rides along when a link (an email's room link) opens
 * the app, but not on another site's form posts; Secure whenever it travels over TLS (see
 * {@link TransportSecurity}).
 */
public final class LoginCookie {

    public static final String NAME = "daehwa_login";

    private LoginCookie() {
    }

    public static Optional<String> read(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        return Arrays.stream(cookies).filter(c -> NAME.equals(c.getName())).map(Cookie::getValue)
                .filter(value -> value.startsWith(RandomTokenSecrets.PREFIX)).findFirst();
    }

    public static void set(HttpServletRequest request, HttpServletResponse response, boolean secure, String secret,
                           Duration lifetime) {
        response.addCookie(cookie(request, secure, secret, (int) lifetime.toSeconds()));
    }

    public static void clear(HttpServletRequest request, HttpServletResponse response, boolean secure) {
        response.addCookie(cookie(request, secure, "", 0));
    }

    private static Cookie cookie(HttpServletRequest request, boolean secure, String value, int maxAgeSeconds) {
        Cookie cookie = new Cookie(NAME, value);
        cookie.setHttpOnly(true);
        cookie.setSecure(secure);
        cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        cookie.setMaxAge(maxAgeSeconds);
        cookie.setAttribute("SameSite", "Lax");
        return cookie;
    }
}
