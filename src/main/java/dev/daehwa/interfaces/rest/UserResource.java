package dev.daehwa.interfaces.rest;

import dev.daehwa.application.accounts.UserDirectory;
import dev.daehwa.domain.user.User;
import dev.daehwa.infrastructure.auth.CurrentCaller;
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
    @Operation(summary = "Users whose username or display name starts with q (ignoring case); for picking members",
            description = "notInRoom={id} leaves out the members of that room (404 unless I am a member); limit 1-50, default 20.")
    public List<UserJson> search(@QueryParam("q") @DefaultValue("") String prefix,
                                 @QueryParam("notInRoom") String notInRoom,
                                 @QueryParam("limit") String limit) {
        long userId = caller.requireUserId();
        Integer size = QueryParameters.optionalInt("limit", limit);
        Long roomId = QueryParameters.optionalLong("notInRoom", notInRoom);
        int max = size == null ? DEFAULT_LIMIT : size;
        List<User> found = roomId == null ? directory.search(prefix, max)
                : directory.searchNonMembers(userId, roomId, prefix, max);
        return found.stream().map(UserJson::of).toList();
    }
}
