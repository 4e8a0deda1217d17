package dev.daehwa.application.messages;

import dev.daehwa.domain.message.EmojiReactions;
import dev.daehwa.domain.message.Message;
import dev.daehwa.domain.message.MessageRepository;
import dev.daehwa.domain.message.Original;
import dev.daehwa.domain.message.ReactionRepository;
import dev.daehwa.domain.user.PublicProfile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@link MessageDetails} for lists of messages: one statement per kind of detail for the
 * whole list, never one per message.
 */
@ApplicationScoped
@Transactional
public class MessageDetailsReader {

    @Inject
    private MessageRepository messages;

    @Inject
    private ReactionRepository reactions;

    /** The details of each message as {@code viewerId} sees it, by message id. */
    public Map<Long, MessageDetails> of(Collection<Message> shown, long viewerId) {
        if (shown.isEmpty()) {
            return Map.of();
        }
        List<Long> ids = shown.stream().map(Message::id).toList();
        Map<Long, List<PublicProfile>> mentions = messages.mentionsOf(ids);
        Map<Long, ReplyQuote> replies = repliesOf(shown, ids);
        Map<Long, List<EmojiReactions>> reacted = reactions.of(ids, viewerId);
        Map<Long, MessageDetails> details = new LinkedHashMap<>();
        for (Long id : ids) {
            details.put(id, new MessageDetails(mentions.getOrDefault(id, List.of()), replies.get(id),
                    asSeenBy(reacted.getOrDefault(id, List.of()), viewerId)));
        }
        return details;
    }

    /**
     * A list reads the quotes of all its replies whether or not it holds any, so that a page costs
     * the same however many of its messages answer others. One message alone is known to answer
     * nothing from its own row, and then costs nothing: the room page and every live frame read
     * one message each.
     */
    private Map<Long, ReplyQuote> repliesOf(Collection<Message> shown, List<Long> ids) {
        if (shown.size() == 1 && shown.iterator().next().replyToId().isEmpty()) {
            return Map.of();
        }
        Map<Long, ReplyQuote> quotes = new LinkedHashMap<>();
        messages.originalsOf(ids).forEach((reply, original) -> quotes.put(reply, ReplyQuote.of(original)));
        return quotes;
    }

    /**
     * A message just posted, as its sender sees it: nobody can have reacted to it yet, so only
     * whom it mentions and what it answers are read, and posting costs no statement for reactions.
     */
    public MessageDetails ofNew(Message message) {
        List<PublicProfile> mentions = messages.mentionsOf(List.of(message.id())).getOrDefault(message.id(), List.of());
        return new MessageDetails(mentions, repliesOf(List.of(message), List.of(message.id())).get(message.id()), List.of());
    }

    /** One message's details as {@code viewerId} sees it. */
    public MessageDetails of(Message message, long viewerId) {
        return of(List.of(message), viewerId).getOrDefault(message.id(), MessageDetails.NONE);
    }

    /**
     * One message's details as each recipient sees it, by user id; equal for recipients who see
     * it alike (the same emoji of their own among its reactions), so that live delivery can write
     * one frame for each group of them. Every reactor is read, in one statement, so that each
     * recipient's own reactions are known however many reacted before them.
     */
    public Map<Long, MessageDetails> ofEach(Message message, Collection<Long> recipientIds) {
        List<PublicProfile> mentions = messages.mentionsOf(List.of(message.id())).getOrDefault(message.id(), List.of());
        ReplyQuote replyTo = repliesOf(List.of(message), List.of(message.id())).get(message.id());
        List<EmojiReactions> reacted = reactions.allOf(message.id());
        Map<Long, MessageDetails> each = new LinkedHashMap<>();
        recipientIds.forEach(recipient ->
                each.put(recipient, new MessageDetails(mentions, replyTo, asSeenBy(reacted, recipient))));
        return each;
    }

    /** The reactions of one message as each recipient sees them, by user id, alone (for a reactions frame). */
    public Map<Long, List<MessageDetails.Reaction>> reactionsOfEach(long messageId, Collection<Long> recipientIds) {
        List<EmojiReactions> reacted = reactions.allOf(messageId);
        Map<Long, List<MessageDetails.Reaction>> each = new LinkedHashMap<>();
        recipientIds.forEach(recipient -> each.put(recipient, asSeenBy(reacted, recipient)));
        return each;
    }

    private static List<MessageDetails.Reaction> asSeenBy(List<EmojiReactions> reacted, long viewerId) {
        return reacted.stream()
                .map(r -> new MessageDetails.Reaction(r.emoji(), r.count(), r.reactedBy(viewerId), r.reactors()))
                .toList();
    }
}
