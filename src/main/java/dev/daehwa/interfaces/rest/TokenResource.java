package dev.daehwa.interfaces.rest;

import dev.daehwa.application.auth.ApiTokenService;
import dev.daehwa.application.limits.RequestLimits;
import dev.daehwa.infrastructure.auth.CurrentCaller;
import dev.daehwa.infrastructure.http.TrustedProxies;
import dev.daehwa.interfaces.rest.json.IssuedTokenJson;
import dev.daehwa.interfaces.rest.json.Requests;
import dev.daehwa.interfaces.rest.json.TokenJson;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("auth/tokens")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Auth")
public class TokenResource {

    @Inject
    private ApiTokenService tokens;

    @Inject
    private CurrentCaller caller;

    @Inject
    private RequestLimits limits;

    @Inject
    private TrustedProxies proxies;

    @Context
    private HttpServletRequest request;

    @POST
    @Operation(summary = "Create a personal API token", description = "The secret is in 'token' and is shown only this once.")
    @APIResponse(responseCode = "201", description = "{id, name, token, createdAt}")
    @APIResponse(responseCode = "429", description = "Too many tokens created from this address; see Retry-After")
    public Response create(Requests.CreateToken body) {
        long userId = caller.requireUserId();
        limits.tokenCreation(proxies.clientAddress(request));
        ApiTokenService.IssuedToken issued = tokens.issue(userId, RequestBodies.required(body).name());
        return Response.status(Response.Status.CREATED)
                .entity(new IssuedTokenJson(issued.token().id(), issued.token().name(), issued.secret(),
                        issued.token().createdAt()))
                .build();
    }

    @GET
    @Operation(summary = "My tokens, without their secrets")
    public List<TokenJson> list() {
        return tokens.listOwn(caller.requireUserId()).stream().map(TokenJson::of).toList();
    }

    @DELETE
    @Path("{id}")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Revoke a token, effective immediately")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "404", description = "No such token of mine")
    public Response revoke(@PathParam("id") long id) {
        tokens.revoke(caller.requireUserId(), id);
        return Response.noContent().build();
    }
}
