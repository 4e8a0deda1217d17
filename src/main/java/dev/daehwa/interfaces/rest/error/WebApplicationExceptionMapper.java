package dev.daehwa.interfaces.rest.error;

import dev.daehwa.interfaces.problem.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** HTTP-level refusals from JAX-RS itself: unknown path, wrong method, wrong media type, bad params. */
@Provider
@ApplicationScoped
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException e) {
        Response original = e.getResponse();
        int status = original.getStatus();
        if (status >= 500) {
            return UnexpectedExceptionMapper.internalError(e);
        }
        Response.ResponseBuilder response = ProblemResponse.of(problemFor(status, e));
        if (original.getHeaderString("Allow") != null) {
            response.header("Allow", original.getHeaderString("Allow"));
        }
        return response.build();
    }

    private static Problem problemFor(int status, WebApplicationException e) {
        return switch (status) {
            case 400 -> MalformedJsonMapper.isJsonError(e) ? MalformedJsonMapper.PROBLEM
                    : Problem.ofStatus(400, "Bad Request", "A parameter or the body could not be read.");
            case 404 -> Problem.ofStatus(404, "Not Found", "There is no such API resource.");
            case 405 -> Problem.ofStatus(405, "Method Not Allowed", "This resource does not accept that method.");
            case 406 -> Problem.ofStatus(406, "Not Acceptable", "This resource answers with application/json.");
            case 415 -> Problem.ofStatus(415, "Unsupported Media Type", "Send the body as application/json.");
            default -> Problem.ofStatus(status, Response.Status.fromStatusCode(status) != null
                    ? Response.Status.fromStatusCode(status).getReasonPhrase() : "Error", "The request was refused.");
        };
    }

    static boolean causedBy(Throwable e, Class<?>... types) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            for (Class<?> type : types) {
                if (type.isInstance(t)) {
                    return true;
                }
            }
        }
        return false;
    }

    static final Class<?>[] JSON_ERRORS = {JsonbException.class, JsonParsingException.class};
}
