package dev.daehwa.application.messages;

import dev.daehwa.application.events.ChatEvent;
import dev.daehwa.domain.error.NotFoundException;
import dev.daehwa.domain.message.Message;
import dev.daehwa.domain.message.MessageRepository;
import dev.daehwa.domain.message.ReactionEmoji;
import dev.daehwa.domain.message.ReactionLimit;
import dev.daehwa.domain.message.ReactionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;

/**
 * Members reacting to messages with an emoji. Both ways are idempotent: adding a reaction that is
 * there, or removing one that is not, changes nothing and announces nothing. A deleted message,
 * like a missing one or one in a room the caller is not in, is not found.
 */
@ApplicationScoped
@Transactional
public class ReactionService {

    @Inject
    private MessageRepository messages;

    @Inject
    private MessageService shown;

    @Inject
    private ReactionRepository reactions;

    @Inject
    private Clock clock;

    @Inject
    private Event<ChatEvent> events;

    /**
     * Adds the member's reaction. The message row is locked before the emoji are counted, so two
     * members adding the limit's last emoji and one more at once are counted one after the other.
     */
    public void add(long userId, long messageId, String emoji) {
        String checked = ReactionEmoji.check(emoji);
        Message message = messages.lock(shown.get(userId, messageId)).orElseThrow(NotFoundException::message);
        if (reactions.has(messageId, userId, checked)) {
            return;
        }
        ReactionLimit.allow(reactions.emojiOn(messageId), checked);
        reactions.add(messageId, userId, checked, Instant.now(clock));
        events.fire(new ChatEvent.ReactionsChanged(message.roomId(), messageId));
    }

    public void remove(long userId, long messageId, String emoji) {
        String checked = ReactionEmoji.check(emoji);
        Message message = shown.get(userId, messageId);
        if (reactions.remove(messageId, userId, checked)) {
            events.fire(new ChatEvent.ReactionsChanged(message.roomId(), messageId));
        }
    }
}
