package dev.daehwa.interfaces.web;

import dev.daehwa.infrastructure.auth.CallerIdentity;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Pages are for logged-in people, except the few listed here. Deny by default: a new Faces page
 * is protected without anyone remembering to protect it. An anonymous visitor is sent to the
 * login page, which brings them back afterwards. The filter guards the Faces servlet only
 * (directly or through OmniFaces' extensionless forward); the API answers 401 by itself, and an
 * address that is no page at all is a plain 404.
 */
@WebFilter(servletNames = "Faces", dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.FORWARD})
public class PageAccessFilter extends HttpFilter {

    private static final List<String> PUBLIC_PAGES = List.of("/login", "/join", "/unsubscribe", "/confirm-email");
    private static final List<String> PUBLIC_PREFIXES = List.of(
            "/api/", "/jakarta.faces.resource/", "/errors/", "/error", "/favicon.ico");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        // The container's normalised, decoded path, not the raw URI: "/api/../index" must be
        // judged as the "/index" it will be served as.
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (isPublic(path) || isLoggedIn(request)) {
            chain.doFilter(request, response);
            return;
        }
        // Come back to the address the visitor typed, not to the view it was forwarded to
        // ("/logout", not "/logout.xhtml").
        Object forwardedFrom = request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI);
        Object forwardedQuery = request.getAttribute(RequestDispatcher.FORWARD_QUERY_STRING);
        String uri = forwardedFrom != null ? forwardedFrom.toString() : request.getRequestURI();
        String query = forwardedFrom != null ? (String) forwardedQuery : request.getQueryString();
        String visited = uri.substring(Math.min(uri.length(), request.getContextPath().length()));
        String target = visited + (query == null ? "" : "?" + query);
        String login = request.getContextPath() + "/login"
                + ("/".equals(target) || target.isEmpty() ? "" : "?continue=" + URLEncoder.encode(target, StandardCharsets.UTF_8));
        response.sendRedirect(login);
    }

    static boolean isPublic(String path) {
        String page = path.endsWith(".xhtml") ? path.substring(0, path.length() - ".xhtml".length()) : path;
        return PUBLIC_PAGES.contains(page) || PUBLIC_PREFIXES.stream().anyMatch(path::startsWith);
    }

    private static boolean isLoggedIn(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(CallerIdentity.SESSION_USER_ATTRIBUTE) != null;
    }
}
