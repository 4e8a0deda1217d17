package dev.daehwa.interfaces.rest;

import dev.daehwa.infrastructure.auth.CurrentCaller;
import dev.daehwa.infrastructure.auth.HttpSessionLogin;
import dev.daehwa.interfaces.rest.json.Requests;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("auth/sign-out-everywhere")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Auth")
public class SignOutResource {

    @Inject
    private HttpSessionLogin sessions;

    @Inject
    private CurrentCaller caller;

    @Context
    private HttpServletRequest request;

    @Context
    private HttpServletResponse response;

    @POST
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    @Operation(summary = "End every login and socket of mine, on every node; every API token too if asked",
            description = "Optional body {\"tokens\": true} also revokes every API token. The login making this "
                    + "request ends as well.")
    @APIResponse(responseCode = "204", description = "Signed out everywhere")
    @APIResponse(responseCode = "401", description = "Not logged in")
    public Response signOutEverywhere(Requests.SignOutEverywhere body) {
        long userId = caller.requireUserId();
        sessions.signOutEverywhere(request, response, userId, body != null && Boolean.TRUE.equals(body.tokens()));
        return Response.noContent().build();
    }
}
