package dev.daehwa.interfaces.rest.error;

import dev.daehwa.domain.error.AuthenticationRequiredException;
import dev.daehwa.domain.error.DomainException;
import dev.daehwa.interfaces.problem.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A refusal by a business rule, told to the client as the problem it is. */
@Provider
@ApplicationScoped
public class DomainExceptionMapper implements ExceptionMapper<DomainException> {

    @Override
    public Response toResponse(DomainException e) {
        Response.ResponseBuilder response = ProblemResponse.of(Problem.of(e));
        e.retryIn().ifPresent(wait -> response.header("Retry-After", Math.max(1, wait.toSeconds())));
        if (e instanceof AuthenticationRequiredException) {
            response.header("WWW-Authenticate", "Bearer realm=\"daehwa\"");
        }
        return response.build();
    }
}
