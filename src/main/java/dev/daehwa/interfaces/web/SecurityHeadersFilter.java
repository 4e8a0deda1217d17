package dev.daehwa.interfaces.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;

/**
 * Headers every response carries, error pages included. It runs on forwards and error dispatches
 * too: the order of annotated filters is not defined, and a filter that forwards before this one
 * runs (RoomAddressFilter, OmniFaces' extensionless URLs) would otherwise leave its page bare.
 *
 * <p>Pages get their Content-Security-Policy from PrimeFaces (CSP mode): a nonce per response on
 * the {@code script-src} of the policy set as {@code primefaces.CSP_POLICY} in web.xml, which also
 * refuses plugins, framing by other sites, a {@code <base>} elsewhere and forms posting elsewhere.
 * Every other response (the API, problem documents, resources) gets a policy that allows nothing,
 * since no JSON or error document should ever run script or be framed.
 *
 * <p>A response carries exactly one policy: a browser enforces every policy it gets, so a second
 * header would be intersected with the first, and two nonces would block every script. The
 * response is wrapped so that a policy added later (PrimeFaces adds its own, once per rendered
 * view, and an error page renders a second view) replaces the one before it.
 */
@WebFilter(urlPatterns = "/*", dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.FORWARD, DispatcherType.ERROR})
public class SecurityHeadersFilter extends HttpFilter {

    static final String POLICY = "Content-Security-Policy";
    /** For everything that is not a page. */
    static final String NOTHING_ALLOWED = "default-src 'none'; frame-ancestors 'none'";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletResponse onePolicy = new OnePolicyResponse(response);
        onePolicy.setHeader("X-Content-Type-Options", "nosniff");
        onePolicy.setHeader("Referrer-Policy", "same-origin");
        onePolicy.setHeader("X-Frame-Options", "SAMEORIGIN");
        onePolicy.setHeader(POLICY, NOTHING_ALLOWED);
        chain.doFilter(request, onePolicy);
    }

    /** Turns every addition of a Content-Security-Policy into a replacement. */
    static final class OnePolicyResponse extends HttpServletResponseWrapper {

        OnePolicyResponse(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void addHeader(String name, String value) {
            if (POLICY.equalsIgnoreCase(name)) {
                super.setHeader(name, value);
            } else {
                super.addHeader(name, value);
            }
        }
    }
}
