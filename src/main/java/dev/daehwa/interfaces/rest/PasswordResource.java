package dev.daehwa.interfaces.rest;

import dev.daehwa.application.accounts.PasswordService;
import dev.daehwa.infrastructure.auth.CurrentCaller;
import dev.daehwa.interfaces.rest.json.Requests;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("auth/me/password")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Auth")
public class PasswordResource {

    @Inject
    private PasswordService passwords;

    @Inject
    private CurrentCaller caller;

    @PUT
    @Operation(summary = "Change my password",
            description = "{currentPassword, newPassword, signOutOthers}. The new password follows the rules of "
                    + "registration. Other logins and API tokens stay unless signOutOthers is true: then every login, "
                    + "token and socket but the credential making this request ends.")
    @APIResponse(responseCode = "204", description = "Changed")
    @APIResponse(responseCode = "400", description = "A field is invalid, or currentPassword is wrong (code 'wrong')")
    @APIResponse(responseCode = "401", description = "Not logged in")
    @APIResponse(responseCode = "429", description = "Too many wrong passwords for this account; see Retry-After")
    public Response change(Requests.ChangePassword body) {
        long userId = caller.requireUserId();
        Requests.ChangePassword r = RequestBodies.required(body);
        passwords.change(userId, r.currentPassword(), r.newPassword(), Boolean.TRUE.equals(r.signOutOthers()),
                caller.credential().orElse(null));
        return Response.noContent().build();
    }
}
