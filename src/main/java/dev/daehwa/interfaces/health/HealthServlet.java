package dev.daehwa.interfaces.health;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.health.Startup;

/**
 * /health, /health/ready, /health/live and /health/started in the MicroProfile Health format
 * (200 when every check is UP, 503 otherwise), served by the app rather than by the server's
 * own MicroProfile Health endpoint: the app decides who sees each check's data (see
 * {@link HealthAccess}). Anonymous callers get the status and the check names only. The
 * server's endpoint is switched off in server-config/post-boot-commands.asadmin, so no second
 * /health shows the details to anyone.
 */
@WebServlet(urlPatterns = {"/health", "/health/*"})
public class HealthServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(HealthServlet.class.getName());

    private static final Map<String, List<Annotation>> KINDS = Map.of(
            "", List.of(Readiness.Literal.INSTANCE, Liveness.Literal.INSTANCE, Startup.Literal.INSTANCE),
            "/ready", List.of(Readiness.Literal.INSTANCE),
            "/live", List.of(Liveness.Literal.INSTANCE),
            "/started", List.of(Startup.Literal.INSTANCE));

    @Inject
    @Any
    private Instance<HealthCheck> checks;

    @Inject
    private HealthAccess access;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null || request.getPathInfo().equals("/") ? "" : request.getPathInfo();
        List<Annotation> kinds = KINDS.get(path);
        if (kinds == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        boolean details = access.mayReadDetails(request);
        boolean up = true;
        JsonArrayBuilder results = Json.createArrayBuilder();
        for (HealthCheck check : checksOf(kinds)) {
            HealthCheckResponse result = call(check);
            up &= result.getStatus() == HealthCheckResponse.Status.UP;
            JsonObjectBuilder json = Json.createObjectBuilder()
                    .add("name", result.getName())
                    .add("status", result.getStatus().name());
            if (details && result.getData().isPresent() && !result.getData().get().isEmpty()) {
                JsonObjectBuilder data = Json.createObjectBuilder();
                result.getData().get().forEach((key, value) -> {
                    if (value instanceof Number number) {
                        data.add(key, number.longValue());
                    } else if (value instanceof Boolean flag) {
                        data.add(key, flag);
                    } else {
                        data.add(key, String.valueOf(value));
                    }
                });
                json.add("data", data);
            }
            results.add(json);
        }
        String body = Json.createObjectBuilder()
                .add("status", up ? "UP" : "DOWN")
                .add("checks", results)
                .build().toString();
        response.setStatus(up ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(body);
    }

    /** Each check once, even one that is both a readiness and a liveness check. */
    private List<HealthCheck> checksOf(List<Annotation> kinds) {
        Set<HealthCheck> found = new LinkedHashSet<>();
        for (Annotation kind : kinds) {
            checks.select(kind).forEach(found::add);
        }
        return new ArrayList<>(found);
    }

    /** A check that throws is DOWN, as MicroProfile Health has it; what it threw is only logged. */
    private static HealthCheckResponse call(HealthCheck check) {
        try {
            return check.call();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Health check " + check.getClass().getName() + " failed", e);
            return HealthCheckResponse.named(check.getClass().getSimpleName()).down()
                    .withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
