package dev.daehwa.interfaces.web;

import dev.daehwa.infrastructure.http.TransportSecurity;
import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Behind TLS (see {@link TransportSecurity}): HSTS on every response, and every cookie Secure.
 * The login cookie is made Secure where it is made; the container's session cookie is Secure by
 * configuration when the public address is https ({@link SecureSessionCookie}), and otherwise,
 * for a request a trusted proxy says came over HTTPS, made Secure here on its way out. Forwards
 * and error dispatches pass here too, as through {@link SecurityHeadersFilter}, and for its reason.
 */
@WebFilter(urlPatterns = "/*", dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.FORWARD, DispatcherType.ERROR})
public class TransportSecurityFilter extends HttpFilter {

    @Inject
    private TransportSecurity transport;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!transport.overHttps(request)) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("Strict-Transport-Security", TransportSecurity.STRICT_TRANSPORT_SECURITY);
        if (transport.alwaysHttps()) {
            chain.doFilter(request, response);
            return;
        }
        SecureCookiesResponse secured = new SecureCookiesResponse(response);
        try {
            chain.doFilter(request, secured);
        } finally {
            secured.secureCookies();
        }
    }
}
