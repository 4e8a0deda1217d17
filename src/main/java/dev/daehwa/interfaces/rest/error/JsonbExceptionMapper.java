package dev.daehwa.interfaces.rest.error;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** JSON-B failures that reach the application unwrapped. */
@Provider
@ApplicationScoped
public class JsonbExceptionMapper implements ExceptionMapper<JsonbException> {

    @Override
    public Response toResponse(JsonbException e) {
        return ProblemResponse.of(MalformedJsonMapper.PROBLEM).build();
    }
}
