package dev.daehwa.interfaces.rest;

import dev.daehwa.infrastructure.auth.CallerIdentity;
import dev.daehwa.interfaces.problem.Problem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;

/**
 * Cross-site request forgery guard for cookie sessions. A browser sends the session cookie with
 * any cross-site form post, but it will not add a custom header to a cross-site request without a
 * CORS preflight, which this API never grants. So an unsafe request authenticated by the session
 * must carry {@code X-Requested-With: XMLHttpRequest}. Bearer tokens are never sent
 * automatically by browsers and need no such header.
 */
@Provider
@jakarta.enterprise.context.ApplicationScoped
@PreMatching
public class CsrfFilter implements ContainerRequestFilter {

    static final String HEADER = "X-Requested-With";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    /** Credential exchanges, not actions of the session's user; they only accept JSON bodies,
     *  which a cross-site form cannot send. */
    private static final Set<String> CREDENTIAL_PATHS = Set.of("auth/login", "auth/register");
    /** Authorised by a signed token in the address, which a forger cannot know, not by the session. */
    private static final Set<String> TOKEN_PATHS = Set.of("notifications/unsubscribe", "auth/email-confirmation");

    @Context
    private HttpServletRequest request;

    @Override
    public void filter(ContainerRequestContext context) {
        if (SAFE_METHODS.contains(context.getMethod())
                || request.getAttribute(CallerIdentity.AUTH_METHOD_ATTRIBUTE) != CallerIdentity.AuthMethod.SESSION
                || CREDENTIAL_PATHS.contains(trimSlashes(context.getUriInfo().getPath()))
                || TOKEN_PATHS.contains(trimSlashes(context.getUriInfo().getPath()))
                || "XMLHttpRequest".equals(context.getHeaderString(HEADER))) {
            return;
        }
        Problem problem = Problem.of("csrf", "Forbidden", 403,
                "Requests that use the session cookie must send the header 'X-Requested-With: XMLHttpRequest'.");
        context.abortWith(Response.status(403).type(Problem.MEDIA_TYPE).entity(problem.toJson()).build());
    }

    private static String trimSlashes(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }
}
