package dev.daehwa.application.messages;

import dev.daehwa.domain.message.Message;
import dev.daehwa.domain.message.MessageRepository;
import dev.daehwa.domain.message.Original;
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

    /** The details of each message as {@code viewerId} sees it, by message id. */
    public Map<Long, MessageDetails> of(Collection<Message> shown, long viewerId) {
        if (shown.isEmpty()) {
            return Map.of();
        }
        List<Long> ids = shown.stream().map(Message::id).toList();
        Map<Long, List<PublicProfile>> mentions = messages.mentionsOf(ids);
        Map<Long, ReplyQuote> replies = repliesOf(shown, ids);
        Map<Long, MessageDetails> details = new LinkedHashMap<>();
        for (Long id : ids) {
            details.put(id, new MessageDetails(mentions.getOrDefault(id, List.of()), replies.get(id)));
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

    /** One message's details as {@code viewerId} sees it. */
    public MessageDetails of(Message message, long viewerId) {
        return of(List.of(message), viewerId).getOrDefault(message.id(), MessageDetails.NONE);
    }

    /**
     * One message's details as each recipient sees it, by user id; equal for recipients who see
     * it alike, so that live delivery can write one frame for each group of them.
     */
    public Map<Long, MessageDetails> ofEach(Message message, Collection<Long> recipientIds) {
        MessageDetails shared = of(message, 0);
        Map<Long, MessageDetails> each = new LinkedHashMap<>();
        recipientIds.forEach(recipient -> each.put(recipient, shared));
        return each;
    }
}
