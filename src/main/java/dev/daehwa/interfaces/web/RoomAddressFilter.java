package dev.daehwa.interfaces.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * The room addresses: /rooms is my rooms (the same page as /), /rooms/{id} is one room, served by
 * /room.xhtml?id={id}; anything else under /rooms is a 404. OmniFaces' MultiViews could map path
 * segments too, but only by making every page accept them, which turns unknown addresses into
 * pages instead of 404s.
 */
@WebFilter(urlPatterns = {"/rooms", "/rooms/*"})
public class RoomAddressFilter extends HttpFilter {

    private static final Pattern ROOM_ID = Pattern.compile("[1-9][0-9]{0,17}");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        // The path inside the app, normalised by the container. Not getPathInfo(): that is relative
        // to the servlet the request maps to (here the default servlet), not to this filter.
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        String rest = path.substring("/rooms".length());
        if (rest.isEmpty() || rest.equals("/")) {
            request.getRequestDispatcher("/index.xhtml").forward(request, response);
        } else if (parseId(rest.substring(1)) != null) {
            request.getRequestDispatcher("/room.xhtml?id=" + rest.substring(1)).forward(request, response);
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    /** A room id as it may appear in an address, or null: no signs, no leading zeros, fits a long. */
    public static Long parseId(String value) {
        return value != null && ROOM_ID.matcher(value).matches() ? Long.valueOf(value) : null;
    }
}
