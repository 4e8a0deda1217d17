package dev.daehwa.interfaces.rest;

import dev.daehwa.application.UserDirectory;
import dev.daehwa.infrastructure.security.CurrentCaller;
import dev.daehwa.interfaces.rest.json.UserJson;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("users")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Users")
public class UserResource {

    private static final int DEFAULT_LIMIT = 20;

    @Inject
    private UserDirectory directory;

    @Inject
    private CurrentCaller caller;

    @GET
    @Operation(summary = "Users whose username or display name starts with q (ignoring case); for picking members")
    public List<UserJson> search(@QueryParam("q") @DefaultValue("") String prefix,
                                 @QueryParam("limit") String limit) {
        caller.requireUserId();
        Integer size = QueryParameters.optionalInt("limit", limit);
        return directory.search(prefix, size == null ? DEFAULT_LIMIT : size).stream().map(UserJson::of).toList();
    }
}
