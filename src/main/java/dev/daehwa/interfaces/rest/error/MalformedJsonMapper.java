package dev.daehwa.interfaces.rest.error;

import dev.daehwa.interfaces.problem.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A body that is not JSON, or JSON of the wrong shape ({@code "roomId": "abc"}), is the client's
 * mistake: 400, never the 500 that a provider exception would otherwise become.
 */
@Provider
@ApplicationScoped
public class MalformedJsonMapper implements ExceptionMapper<ProcessingException> {

    static final Problem PROBLEM = Problem.of("malformed-json", "Malformed JSON", 400,
            "The body is not valid JSON of the expected shape.");

    static boolean isJsonError(Throwable e) {
        return WebApplicationExceptionMapper.causedBy(e, WebApplicationExceptionMapper.JSON_ERRORS);
    }

    @Override
    public Response toResponse(ProcessingException e) {
        if (!isJsonError(e)) {
            return UnexpectedExceptionMapper.internalError(e);
        }
        return ProblemResponse.of(PROBLEM).build();
    }
}
