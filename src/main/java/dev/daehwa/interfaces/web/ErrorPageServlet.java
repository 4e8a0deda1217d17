package dev.daehwa.interfaces.web;

import dev.daehwa.interfaces.problem.Problem;
import dev.daehwa.interfaces.problem.ProblemResponses;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The container's error page (see web.xml): unknown paths, wrong methods and anything uncaught
 * outside JAX-RS. Browsers asking for a page get a page in the app's look and language; the API
 * and every other client get a problem document. Never a stack trace.
 */
@WebServlet("/error")
public class ErrorPageServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(ErrorPageServlet.class.getName());

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws IOException, jakarta.servlet.ServletException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 404;
        Throwable error = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (error != null) {
            LOG.log(Level.SEVERE, "Unhandled error for " + request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), error);
        }
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        if (wantsPage(request)) {
            response.setStatus(status);
            request.getRequestDispatcher(pageFor(status, error)).forward(request, response);
        } else {
            ProblemResponses.write(response, problemFor(status));
        }
    }

    private static boolean wantsPage(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri == null ? "" : uri.toString().substring(Math.min(uri.toString().length(),
                request.getContextPath().length()));
        String accept = request.getHeader("Accept");
        return !path.startsWith("/api/") && accept != null && accept.contains("text/html");
    }

    /** The error view for a status and the exception behind it, if any; ajax errors use it too. */
    static String pageFor(int status, Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof jakarta.faces.application.ViewExpiredException) {
                return "/errors/expired.xhtml";
            }
        }
        return status == 404 || status == 403 ? "/errors/not-found.xhtml" : "/errors/server.xhtml";
    }

    static Problem problemFor(int status) {
        return switch (status) {
            case 404 -> Problem.ofStatus(404, "Not Found", "There is nothing at this address.");
            case 405 -> Problem.ofStatus(405, "Method Not Allowed", "This address does not accept that method.");
            case 400 -> Problem.ofStatus(400, "Bad Request", "The request could not be understood.");
            case 401 -> Problem.ofStatus(401, "Unauthorized", "Log in to continue.");
            case 403 -> Problem.ofStatus(403, "Forbidden", "This is not allowed.");
            default -> status >= 500
                    ? Problem.ofStatus(status, "Internal Server Error", "Something went wrong on our side; it has been logged.")
                    : Problem.ofStatus(status, "Error", "The request failed.");
        };
    }
}
