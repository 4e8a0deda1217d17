package dev.daehwa.interfaces.rest.error;

import dev.daehwa.interfaces.problem.Problem;
import jakarta.ws.rs.core.Response;

public final class ProblemResponse {

    private ProblemResponse() {
    }

    public static Response.ResponseBuilder of(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem.toJson());
    }
}
