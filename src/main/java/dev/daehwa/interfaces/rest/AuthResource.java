package dev.daehwa.interfaces.rest;

import dev.daehwa.application.AccountService;
import dev.daehwa.application.LoginService;
import dev.daehwa.domain.user.User;
import dev.daehwa.infrastructure.security.CurrentCaller;
import dev.daehwa.infrastructure.security.SessionLogin;
import dev.daehwa.interfaces.rest.json.AccountJson;
import dev.daehwa.interfaces.rest.json.Requests;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("auth")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Auth", description = "Accounts, sessions")
public class AuthResource {

    @Inject
    private AccountService accounts;

    @Inject
    private LoginService logins;

    @Inject
    private SessionLogin sessions;

    @Inject
    private CurrentCaller caller;

    @Context
    private HttpServletRequest request;

    @POST
    @Path("register")
    @Operation(summary = "Create an account",
            description = "username: 3-30 letters, digits or _.-, unique ignoring case; password: 8+ characters.")
    @APIResponse(responseCode = "201", description = "The new user, with email")
    @APIResponse(responseCode = "400", description = "Invalid input, with field errors")
    @APIResponse(responseCode = "409", description = "Username or email taken")
    public Response register(Requests.Register body) {
        Requests.Register r = RequestBodies.required(body);
        User user = accounts.register(r.username(), r.password(), r.email(), r.displayName());
        return Response.status(Response.Status.CREATED).entity(AccountJson.of(user)).build();
    }

    @POST
    @Path("login")
    @Operation(summary = "Log in; sets the session cookie (a fresh session id)")
    @APIResponse(responseCode = "200", description = "The user, with email")
    @APIResponse(responseCode = "401", description = "Wrong username or password")
    @APIResponse(responseCode = "429", description = "Too many failed attempts for this username; see Retry-After")
    public AccountJson login(Requests.Login body) {
        Requests.Login r = RequestBodies.required(body);
        User user = logins.login(r.username(), r.password());
        sessions.establish(request, user.id());
        return AccountJson.of(user);
    }

    @POST
    @Path("logout")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "End the session")
    @APIResponse(responseCode = "204", description = "Logged out (also when there was no session)")
    public Response logout() {
        sessions.end(request);
        return Response.noContent().build();
    }

    @GET
    @Path("me")
    @Operation(summary = "The logged-in user, with email")
    @APIResponse(responseCode = "200", description = "The user")
    @APIResponse(responseCode = "401", description = "Not logged in")
    public AccountJson me() {
        return AccountJson.of(accounts.get(caller.requireUserId()));
    }
}
