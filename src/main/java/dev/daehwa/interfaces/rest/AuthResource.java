package dev.daehwa.interfaces.rest;

import dev.daehwa.application.accounts.AccountService;
import dev.daehwa.application.accounts.EmailConfirmations;
import dev.daehwa.application.accounts.UserLanguages;
import dev.daehwa.application.auth.PasswordLogin;
import dev.daehwa.application.limits.RequestLimits;
import dev.daehwa.application.notification.NotificationSettingsService;
import dev.daehwa.domain.user.User;
import dev.daehwa.infrastructure.auth.CurrentCaller;
import dev.daehwa.infrastructure.auth.HttpSessionLogin;
import dev.daehwa.infrastructure.http.TrustedProxies;
import dev.daehwa.interfaces.rest.json.AccountJson;
import dev.daehwa.interfaces.rest.json.NotificationSettingsJson;
import dev.daehwa.interfaces.rest.json.Requests;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
    private PasswordLogin logins;

    @Inject
    private HttpSessionLogin sessions;

    @Inject
    private CurrentCaller caller;

    @Inject
    private NotificationSettingsService notificationSettings;

    @Inject
    private UserLanguages languages;

    @Inject
    private RequestLimits limits;

    @Inject
    private TrustedProxies proxies;

    @Inject
    private EmailConfirmations confirmations;

    @Context
    private HttpServletRequest request;

    @Context
    private HttpServletResponse response;

    @POST
    @Path("register")
    @Operation(summary = "Create an account",
            description = "username: 3-30 letters, digits or _.-, unique ignoring case; password: 8+ characters.")
    @APIResponse(responseCode = "201", description = "The new user, with email")
    @APIResponse(responseCode = "400", description = "Invalid input, with field errors")
    @APIResponse(responseCode = "409", description = "Username or email taken")
    @APIResponse(responseCode = "429", description = "Too many sign-ups from this address; see Retry-After")
    public Response register(Requests.Register body) {
        limits.signup(proxies.clientAddress(request));
        Requests.Register r = RequestBodies.required(body);
        User user = accounts.register(r.username(), r.password(), r.email(), r.displayName());
        return Response.status(Response.Status.CREATED).entity(AccountJson.of(user)).build();
    }

    @POST
    @Path("login")
    @Operation(summary = "Log in; sets the session cookie (a fresh session id)")
    @APIResponse(responseCode = "200", description = "The user, with email")
    @APIResponse(responseCode = "401", description = "Wrong username or password")
    @APIResponse(responseCode = "429", description = "Too many attempts for this username or from this address; see Retry-After")
    public AccountJson login(Requests.Login body) {
        limits.login(proxies.clientAddress(request));
        Requests.Login r = RequestBodies.required(body);
        User user = logins.login(r.username(), r.password());
        sessions.establish(request, response, user.id());
        if (request.getHeader("Accept-Language") != null) {
            // the language of this user's emails, until they use the web pages in another
            languages.used(user.id(), UserLanguages.choose(java.util.Collections.list(request.getLocales())));
        }
        return AccountJson.of(user);
    }

    @POST
    @Path("logout")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "End the session")
    @APIResponse(responseCode = "204", description = "Logged out (also when there was no session)")
    public Response logout() {
        sessions.end(request, response);
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

    @PUT
    @Path("me/email")
    @Operation(summary = "Change my email address",
            description = "The new address is unconfirmed (no notification emails) until the link emailed to it is "
                    + "followed. The same address again changes nothing.")
    @APIResponse(responseCode = "200", description = "The user, with the new email")
    @APIResponse(responseCode = "400", description = "Not an email address")
    @APIResponse(responseCode = "409", description = "Another account has confirmed this address")
    @APIResponse(responseCode = "429", description = "A confirmation email was sent a moment ago; see Retry-After")
    public AccountJson changeEmail(Requests.ChangeEmail body) {
        Requests.ChangeEmail r = RequestBodies.required(body);
        return AccountJson.of(accounts.changeEmail(caller.requireUserId(), r.email()));
    }

    @POST
    @Path("me/email/confirmation")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Email me a new confirmation link", description = "The previous link stops working.")
    @APIResponse(responseCode = "202", description = "The email is on its way")
    @APIResponse(responseCode = "409", description = "The address is confirmed already")
    @APIResponse(responseCode = "429", description = "A confirmation email was sent a moment ago; see Retry-After")
    public Response resendConfirmation() {
        confirmations.resend(caller.requireUserId());
        return Response.accepted().build();
    }

    @POST
    @Path("email-confirmation")
    @Operation(summary = "Confirm an email address with the token of its link",
            description = "No login: the token is the permission. It works once and expires (48 hours by default).")
    @APIResponse(responseCode = "200", description = "Confirmed: username, email, confirmed=true")
    @APIResponse(responseCode = "400", description = "Unknown, used or expired token (code confirmation-invalid or "
            + "confirmation-expired)")
    @APIResponse(responseCode = "409", description = "Another account confirmed this address first")
    public EmailConfirmations.Subject confirmEmail(Requests.ConfirmEmail body) {
        Requests.ConfirmEmail r = RequestBodies.required(body);
        return confirmations.confirm(r.token());
    }

    @GET
    @Path("me/notifications")
    @Operation(summary = "My email notification settings",
            description = "email: immediate, 2m, 15m, 1h, mentions (only mentions and direct messages, after 2 minutes) "
                    + "or never (the server's default, DAEHWA_NOTIFY_DEFAULT, until I choose); mutedRooms: ids of my "
                    + "rooms that email me only when I am mentioned; mentions: whether mentions are emailed even from "
                    + "muted rooms and under mentions (default true; never silences them too).")
    @APIResponse(responseCode = "200", description = "The settings")
    @APIResponse(responseCode = "401", description = "Not logged in")
    public NotificationSettingsJson notifications() {
        return NotificationSettingsJson.of(notificationSettings.of(caller.requireUserId()));
    }

    @PUT
    @Path("me/notifications")
    @Operation(summary = "Change my email notification settings",
            description = "The fields as GET returns them; mentions may be left out to keep it as it is. An unknown "
                    + "email value, or a muted room I am not a member of, is a 400 and changes nothing.")
    @APIResponse(responseCode = "200", description = "The stored settings")
    @APIResponse(responseCode = "400", description = "Invalid input, with field errors")
    @APIResponse(responseCode = "401", description = "Not logged in")
    public NotificationSettingsJson changeNotifications(Requests.NotificationSettings body) {
        Requests.NotificationSettings r = RequestBodies.required(body);
        return NotificationSettingsJson.of(notificationSettings.change(caller.requireUserId(), r.email(), r.mutedRooms(), r.mentions()));
    }
}
