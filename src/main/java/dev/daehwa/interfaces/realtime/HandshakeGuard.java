package dev.daehwa.interfaces.realtime;

import dev.daehwa.infrastructure.auth.CallerIdentity;
import dev.daehwa.interfaces.problem.Problem;
import dev.daehwa.interfaces.problem.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;

/**
 * Who may open a socket. The handshake is an HTTP request, authenticated like any other (session
 * cookie or Bearer token). Without a caller: 401. With the cookie, the browser sends it whatever
 * page opened the socket, so the Origin must be this app's own; otherwise any site could open a
 * socket as the visitor and read their messages (cross-site WebSocket hijacking): 403. A token is
 * never sent by a browser on its own, so token handshakes need no Origin.
 */
@WebFilter("/ws")
public class HandshakeGuard extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getUserPrincipal() == null) {
            ProblemResponses.write(response, Problem.ofStatus(401, "Unauthorized",
                    "Log in, or send 'Authorization: Bearer <token>' with the handshake."));
            return;
        }
        Object method = request.getAttribute(CallerIdentity.AUTH_METHOD_ATTRIBUTE);
        if (method == CallerIdentity.AuthMethod.SESSION && !isOwnOrigin(request)) {
            ProblemResponses.write(response, Problem.ofStatus(403, "Forbidden",
                    "A cookie-authenticated socket must be opened by this app's own pages."));
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * The Origin names the host and port the request was sent to (the Host header), with no
     * path. The scheme is not compared: behind a TLS-terminating proxy the app sees http while
     * the page is https, and the host already pins the origin to this app.
     */
    static boolean isOwnOrigin(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        String host = request.getHeader("Host");
        if (origin == null || host == null) {
            return false;
        }
        try {
            URI uri = URI.create(origin);
            boolean noPath = uri.getRawPath() == null || uri.getRawPath().isEmpty();
            return noPath && uri.getScheme() != null && host.equalsIgnoreCase(uri.getRawAuthority());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
