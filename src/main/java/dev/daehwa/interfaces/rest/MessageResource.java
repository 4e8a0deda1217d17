package dev.daehwa.interfaces.rest;

import dev.daehwa.application.messages.MessageDetailsReader;
import dev.daehwa.application.messages.MessageHistory;
import dev.daehwa.application.messages.MessageService;
import dev.daehwa.application.messages.ReactionService;
import dev.daehwa.domain.error.InvalidInputException;
import dev.daehwa.domain.message.Message;
import dev.daehwa.infrastructure.auth.CurrentCaller;
import dev.daehwa.interfaces.rest.json.MessageJson;
import dev.daehwa.interfaces.rest.json.MessagePageJson;
import dev.daehwa.interfaces.rest.json.Representations;
import dev.daehwa.interfaces.rest.json.Requests;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("messages")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Messages")
public class MessageResource {

    @Inject
    private MessageService messages;

    @Inject
    private MessageHistory history;

    @Inject
    private ReactionService reactions;

    @Inject
    private Representations json;

    @Inject
    private CurrentCaller caller;

    @Inject
    private MessageDetailsReader details;

    private MessageJson shown(Message message, long userId) {
        return json.message(message, userId, details.of(message, userId));
    }

    @GET
    @Operation(summary = "A page of a room's history, ascending by seq",
            description = "Without a cursor: the newest page. before=seq pages back, after=seq pages forward. limit 1-200, default 50.")
    public MessagePageJson page(@QueryParam("room") String room, @QueryParam("before") String before,
                                @QueryParam("after") String after, @QueryParam("limit") String limit) {
        long userId = caller.requireUserId();
        Long roomId = QueryParameters.optionalLong("room", room);
        if (roomId == null) {
            throw InvalidInputException.of("room", "required", "The room query parameter is required.");
        }
        MessageHistory.Page page = history.page(userId, roomId, QueryParameters.optionalLong("before", before),
                QueryParameters.optionalLong("after", after), QueryParameters.optionalInt("limit", limit));
        return new MessagePageJson(json.messages(page.messages(), userId, details.of(page.messages(), userId)),
                page.hasMore());
    }

    @POST
    @Operation(summary = "Send a message",
            description = "content: 1-10,000 characters after trimming. Resending the same clientMessageId returns the"
                    + " original message instead of a duplicate. replyTo (optional): the id of a message of the same room"
                    + " that is not deleted, which this one answers; its author is notified as if mentioned (not when"
                    + " answering yourself). Anything else in replyTo (unknown, deleted, another room's, not a number)"
                    + " is a 400 naming the field replyTo.")
    @APIResponse(responseCode = "400", description = "A field is invalid (content, clientMessageId, replyTo); the problem names it")
    @APIResponse(responseCode = "201", description = "The message")
    @APIResponse(responseCode = "200", description = "A retry: the message first stored under this clientMessageId")
    @APIResponse(responseCode = "429", description = "Posting faster than DAEHWA_LIMIT_POSTS_PER_USER allows; see Retry-After")
    public Response post(Requests.PostMessage body) {
        long userId = caller.requireUserId();
        Requests.PostMessage r = RequestBodies.required(body);
        if (r.roomId() == null) {
            throw InvalidInputException.of("roomId", "required", "roomId is required.");
        }
        MessageService.Posted posted = messages.post(userId, r.roomId(), r.content(), r.clientMessageId(),
                r.replyToId());
        Message message = posted.message();
        return posted.created()
                ? Response.status(Response.Status.CREATED).entity(json.message(message, userId, details.ofNew(message))).build()
                : Response.ok(shown(message, userId)).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One message")
    public MessageJson get(@PathParam("id") long id) {
        long userId = caller.requireUserId();
        return shown(messages.get(userId, id), userId);
    }

    @PATCH
    @Path("{id}")
    @Operation(summary = "Edit my message")
    @APIResponse(responseCode = "403", description = "Not the sender")
    public MessageJson edit(@PathParam("id") long id, Requests.EditMessage body) {
        long userId = caller.requireUserId();
        return shown(messages.edit(userId, id, RequestBodies.required(body).content()), userId);
    }

    @DELETE
    @Path("{id}")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Delete a message (its sender, or the room's owner)")
    @APIResponse(responseCode = "204", description = "Deleted; gone from history and latestMessage")
    public Response delete(@PathParam("id") long id) {
        messages.delete(caller.requireUserId(), id);
        return Response.noContent().build();
    }

    @PUT
    @Path("{id}/reactions/{emoji}")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "React to a message with an emoji",
            description = "emoji: one Unicode emoji, URL-encoded (👍 is %F0%9F%91%8D), skin tones, flags and keycaps"
                    + " included; letters, two emoji or an empty segment are 400. Members of the message's room only."
                    + " Idempotent: reacting again with the same emoji changes nothing. A message carries at most 20"
                    + " different emoji. Every member with a socket gets a message.reactions frame.")
    @APIResponse(responseCode = "204", description = "The caller's reaction is there")
    @APIResponse(responseCode = "400", description = "Not one emoji (field emoji, code not-one-emoji)")
    @APIResponse(responseCode = "404", description = "No such message, a deleted one, or one in a room the caller is not in")
    @APIResponse(responseCode = "409", description = "The message carries 20 different emoji already; this one is not among them")
    public Response react(@PathParam("id") long id, @PathParam("emoji") String emoji) {
        reactions.add(caller.requireUserId(), id, emoji);
        return Response.noContent().build();
    }

    @DELETE
    @Path("{id}/reactions/{emoji}")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Take back my reaction to a message",
            description = "Idempotent: taking back a reaction that is not there changes nothing.")
    @APIResponse(responseCode = "204", description = "The caller's reaction with this emoji is gone")
    @APIResponse(responseCode = "400", description = "Not one emoji")
    @APIResponse(responseCode = "404", description = "No such message, a deleted one, or one in a room the caller is not in")
    public Response unreact(@PathParam("id") long id, @PathParam("emoji") String emoji) {
        reactions.remove(caller.requireUserId(), id, emoji);
        return Response.noContent().build();
    }

    /** An empty emoji (.../reactions/) is a reaction that is not one emoji, not a missing resource. */
    @PUT
    @Path("{id}/reactions")
    @Consumes(MediaType.WILDCARD)
    @Operation(hidden = true)
    public Response reactWithNothing(@PathParam("id") long id) {
        return react(id, "");
    }

    @DELETE
    @Path("{id}/reactions")
    @Consumes(MediaType.WILDCARD)
    @Operation(hidden = true)
    public Response unreactWithNothing(@PathParam("id") long id) {
        return unreact(id, "");
    }
}
