package dev.daehwa.infrastructure.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Whether a response goes to a browser over TLS, and so must mark its cookies Secure and may ask
 * for HTTPS from now on (HSTS): when Daehwa's public address is https, or the request came over
 * HTTPS to this server or to a trusted proxy. Plain http://localhost, the default run, is neither.
 */
@ApplicationScoped
public class TransportSecurity {

    /** One year, the usual value; a browser forgets it after a year without a visit. */
    public static final String STRICT_TRANSPORT_SECURITY = "max-age=31536000";

    @Inject
    private PublicAddress address;

    @Inject
    private TrustedProxies proxies;

    public TransportSecurity() {
    }

    /** For tests and non-CDI callers. */
    public TransportSecurity(PublicAddress address, TrustedProxies proxies) {
        this.address = address;
        this.proxies = proxies;
    }

    public boolean overHttps(HttpServletRequest request) {
        return address.isHttps() || proxies.cameOverHttps(request);
    }

    /** Whether the container's session cookie is Secure for every request (the setting alone decides). */
    public boolean alwaysHttps() {
        return address.isHttps();
    }
}
