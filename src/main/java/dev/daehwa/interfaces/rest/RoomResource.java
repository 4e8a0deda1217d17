package dev.daehwa.interfaces.rest;

import dev.daehwa.application.rooms.RoomQueries;
import dev.daehwa.application.rooms.RoomService;
import dev.daehwa.domain.error.InvalidInputException;
import dev.daehwa.infrastructure.auth.CurrentCaller;
import dev.daehwa.interfaces.rest.json.Representations;
import dev.daehwa.interfaces.rest.json.Requests;
import dev.daehwa.interfaces.rest.json.RoomJson;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Rooms. A room the caller is not a member of answers 404, exactly like one that does not exist. */
@Path("rooms")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Rooms")
public class RoomResource {

    @Inject
    private RoomService rooms;

    @Inject
    private RoomQueries queries;

    @Inject
    private Representations json;

    @Inject
    private CurrentCaller caller;

    @GET
    @Operation(summary = "My rooms, most recent activity first, with members, latest message and unread count")
    public List<RoomJson> mine() {
        return queries.roomsOf(caller.requireUserId()).stream().map(json::room).toList();
    }

    @POST
    @Operation(summary = "Open a room; I become its owner and first member")
    @APIResponse(responseCode = "201", description = "The room")
    @APIResponse(responseCode = "400", description = "Invalid name or description, or an unknown member username")
    public Response create(Requests.CreateRoom body) {
        long userId = caller.requireUserId();
        Requests.CreateRoom r = RequestBodies.required(body);
        long roomId = rooms.create(userId, r.name(), r.description(), r.members());
        return Response.status(Response.Status.CREATED).entity(json.room(queries.room(userId, roomId))).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A room I am a member of")
    @APIResponse(responseCode = "404", description = "No such room, or not a member")
    public RoomJson get(@PathParam("id") long id) {
        return json.room(queries.room(caller.requireUserId(), id));
    }

    @PATCH
    @Path("{id}")
    @Operation(summary = "Rename or re-describe a room (owner only)")
    @APIResponse(responseCode = "403", description = "Not the owner")
    @APIResponse(responseCode = "409", description = "A direct room, which nobody owns")
    public RoomJson update(@PathParam("id") long id, Requests.UpdateRoom body) {
        long userId = caller.requireUserId();
        Requests.UpdateRoom r = RequestBodies.required(body);
        rooms.update(userId, id, r.name(), r.description());
        return json.room(queries.room(userId, id));
    }

    @DELETE
    @Path("{id}")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Archive a room (owner only); it disappears for everyone")
    @APIResponse(responseCode = "204", description = "Archived")
    @APIResponse(responseCode = "409", description = "A direct room, which nobody owns")
    public Response archive(@PathParam("id") long id) {
        rooms.archive(caller.requireUserId(), id);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/users")
    @Operation(summary = "Add a member (any member may); adding an existing member changes nothing")
    @APIResponse(responseCode = "404", description = "No such room, or no such user")
    @APIResponse(responseCode = "409", description = "A direct room, which always has the same two people")
    public RoomJson addMember(@PathParam("id") long id, Requests.AddMember body) {
        long userId = caller.requireUserId();
        rooms.addMember(userId, id, RequestBodies.required(body).username());
        return json.room(queries.room(userId, id));
    }

    @DELETE
    @Path("{id}/users/{username}")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Remove a member (owner), or leave (anyone but the owner)")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "403", description = "Only the owner removes other people")
    @APIResponse(responseCode = "409", description = "The owner cannot leave (archive the room instead), or a direct room,"
            + " which always has the same two people")
    public Response removeMember(@PathParam("id") long id, @PathParam("username") String username) {
        rooms.removeMember(caller.requireUserId(), id, username);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/read")
    @Operation(summary = "Move my read marker forward to seq (never back, never past the last message)")
    @APIResponse(responseCode = "204", description = "Marker moved (or already further)")
    public Response markRead(@PathParam("id") long id, Requests.MarkRead body) {
        long userId = caller.requireUserId();
        Long seq = RequestBodies.required(body).seq();
        if (seq == null) {
            throw InvalidInputException.of("seq", "required", "seq is required.");
        }
        rooms.markRead(userId, id, seq);
        return Response.noContent().build();
    }
}
