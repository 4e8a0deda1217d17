package dev.daehwa.interfaces.rest;

import dev.daehwa.application.notification.Unsubscribing;
import dev.daehwa.interfaces.rest.json.UnsubscribedJson;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The one-click unsubscribe of notification emails (RFC 8058): mail providers POST
 * {@code List-Unsubscribe=One-Click} to the address in the {@code List-Unsubscribe} header, with
 * no cookie and no login. The signed token in the address is the permission. There is no GET:
 * link scanners fetch every link in an email, and fetching must not unsubscribe anyone.
 */
@Path("notifications")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notifications", description = "Email notifications")
public class UnsubscribeResource {

    @Inject
    private Unsubscribing unsubscribing;

    @POST
    @Path("unsubscribe")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Stop emails from the room of a notification email (one-click, no login)",
            description = "token: from the List-Unsubscribe header of the email. The body is ignored.")
    @APIResponse(responseCode = "200", description = "Done (also when already done)")
    @APIResponse(responseCode = "400", description = "Not a valid unsubscribe token")
    public UnsubscribedJson unsubscribe(@QueryParam("token") String token) {
        return UnsubscribedJson.of(unsubscribing.muteRoom(token));
    }
}
