package dev.daehwa.interfaces.rest.json;

import dev.daehwa.application.messages.MessageDetails;
import dev.daehwa.application.rooms.RoomView;
import dev.daehwa.application.search.SearchPage;
import dev.daehwa.infrastructure.markdown.MessageRenderer;
import dev.daehwa.domain.message.Message;
import dev.daehwa.domain.message.MessagePermissions;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/** Turns domain objects into the JSON of the contract; shared so every endpoint says the same. */
@ApplicationScoped
public class Representations {

    private final MessageRenderer renderer = new MessageRenderer();

    /** The message as {@code viewerId} sees it: with what they may do to it. */
    public MessageJson message(Message message, long viewerId, MessageDetails details) {
        return message(message, message.permissionsFor(viewerId), details);
    }

    /** The message with permissions and details already decided, for everyone who shares them. */
    public MessageJson message(Message message, MessagePermissions permissions, MessageDetails details) {
        return new MessageJson(message.id(), message.roomId(), message.seq(), UserJson.of(message.sender()),
                message.content(), renderer.render(message.content(), details.mentionedByKey()), message.snippet(), message.createdAt(),
                message.editedAt(), message.clientMessageId(), permissions.mayEdit(), permissions.mayDelete(),
                details.mentions().stream().map(UserJson::of).toList(),
                details.replyTo() == null ? null : ReplyToJson.of(details.replyTo()), reactions(details.reactions()));
    }

    /** A message's reactions as one group of readers sees them. */
    public List<ReactionJson> reactions(List<MessageDetails.Reaction> reactions) {
        return reactions.stream()
                .map(r -> new ReactionJson(r.emoji(), r.count(), r.me(), r.reactors().stream().map(UserJson::of).toList()))
                .toList();
    }

    /** A page of messages as {@code viewerId} sees them, with their details read together. */
    public List<MessageJson> messages(List<Message> page, long viewerId, Map<Long, MessageDetails> details) {
        return page.stream()
                .map(m -> message(m, viewerId, details.getOrDefault(m.id(), MessageDetails.NONE)))
                .toList();
    }

    public RoomJson room(RoomView view) {
        return new RoomJson(view.room().id(), view.name(), view.room().description(),
                view.room().isDirect() ? null : UserJson.of(view.room().owner()),
                view.members().stream().map(UserJson::of).toList(),
                view.latestMessage() == null ? null : message(view.latestMessage(), view.viewerId(), view.latestDetails()),
                view.unread().count(), view.unread().capped(), view.lastReadSeq(), view.mentionCount(),
                view.room().createdAt(), view.room().updatedAt(), view.room().kind(),
                view.with().map(UserJson::of).orElse(null));
    }

    public SearchPageJson searchPage(SearchPage page, long viewerId, Map<Long, MessageDetails> details) {
        return new SearchPageJson(page.results().stream()
                .map(found -> new SearchResultJson(
                        message(found.message(), viewerId, details.getOrDefault(found.message().id(), MessageDetails.NONE)),
                        new SearchResultJson.RoomRefJson(found.roomId(), found.roomName()), found.highlight()))
                .toList(), page.total(), page.next());
    }
}
