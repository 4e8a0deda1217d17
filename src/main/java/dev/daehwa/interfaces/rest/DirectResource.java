package dev.daehwa.interfaces.rest;

import dev.daehwa.application.rooms.DirectRooms;
import dev.daehwa.application.rooms.RoomQueries;
import dev.daehwa.application.rooms.RoomService;
import dev.daehwa.infrastructure.auth.CurrentCaller;
import dev.daehwa.interfaces.rest.json.Representations;
import dev.daehwa.interfaces.rest.json.Requests;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Direct rooms: the one conversation of two people, opened by either of them. */
@Path("direct")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Rooms")
public class DirectResource {

    @Inject
    private DirectRooms direct;

    @Inject
    private RoomQueries queries;

    @Inject
    private Representations json;

    @Inject
    private CurrentCaller caller;

    @POST
    @Operation(summary = "My direct room with a person, opened the first time it is asked for",
            description = """
                    Body {"username": "..."}. Either person gets the same room, and two first calls at once
                    still make one. A direct room has kind "direct", is named for the other person (who is in
                    "with"), has no owner, and always has the same two members: adding, removing or leaving
                    answers 409, and so do renaming and archiving it.""")
    @APIResponse(responseCode = "201", description = "The room, opened now")
    @APIResponse(responseCode = "200", description = "The room, which already existed")
    @APIResponse(responseCode = "400", description = "No username, or my own")
    @APIResponse(responseCode = "404", description = "No such user")
    public Response open(Requests.OpenDirect body) {
        long userId = caller.requireUserId();
        RoomService.DirectRoom room = direct.open(userId, RequestBodies.required(body).username());
        return Response.status(room.opened() ? Response.Status.CREATED : Response.Status.OK)
                .entity(json.room(queries.room(userId, room.roomId()))).build();
    }
}
