package dev.daehwa.interfaces.rest.error;

import dev.daehwa.interfaces.problem.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A bug. The client gets a 500 problem with an incident id and nothing else; the stack trace goes
 * to the log under the same id, so a report from a user can be matched to it.
 */
@Provider
@ApplicationScoped
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Override
    public Response toResponse(Throwable e) {
        if (MalformedJsonMapper.isJsonError(e)) {
            return ProblemResponse.of(MalformedJsonMapper.PROBLEM).build();
        }
        return internalError(e);
    }

    static Response internalError(Throwable e) {
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Incident " + incident, e);
        return ProblemResponse.of(Problem.of("internal", "Internal Server Error", 500,
                "Something went wrong on our side. Incident " + incident + " has been logged.")).build();
    }
}
