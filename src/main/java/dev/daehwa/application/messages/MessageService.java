package dev.daehwa.application.messages;

import dev.daehwa.application.events.ChatEvent;
import dev.daehwa.application.limits.RequestLimits;
import dev.daehwa.application.notification.NotificationQueue;
import dev.daehwa.domain.error.ConflictException;
import dev.daehwa.domain.error.FieldRefusal;
import dev.daehwa.domain.error.InvalidInputException;
import dev.daehwa.domain.error.NotFoundException;
import dev.daehwa.domain.message.Mentions;
import dev.daehwa.domain.message.Message;
import dev.daehwa.domain.message.MessageContent;
import dev.daehwa.domain.message.MessageRepository;
import dev.daehwa.domain.message.ReactionRepository;
import dev.daehwa.domain.notification.EmailNotificationRepository.Addressed;
import dev.daehwa.domain.room.Membership;
import dev.daehwa.domain.room.Room;
import dev.daehwa.domain.room.RoomRepository;
import dev.daehwa.domain.user.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Sending, editing and deleting messages. */
@ApplicationScoped
@Transactional
public class MessageService {

    @Inject
    private RoomRepository rooms;

    @Inject
    private MessageRepository messages;

    @Inject
    private ReactionRepository reactions;

    @Inject
    private Clock clock;

    @Inject
    private Event<ChatEvent> events;

    @Inject
    private NotificationQueue notifications;

    @Inject
    private RequestLimits limits;

    /** The stored message, and whether this call created it (false for an idempotent retry). */
    public record Posted(Message message, boolean created) {
    }

    /**
     * Posts into a room. The room row is locked before anything is written, which serialises
     * posts per room: seq is handed out without gaps or duplicates, and a retry with the same
     * clientMessageId finds the original instead of racing it. Membership is checked before the
     * lock, so that anyone who is not in the room cannot queue up on its lock and stall its
     * members' posts.
     */
    public Posted post(long senderId, long roomId, String content, String clientMessageId) {
        return post(senderId, roomId, content, clientMessageId, null);
    }

    /**
     * Posts a reply to {@code replyToId} (or a plain message, for null), which must be a visible
     * message of the same room: anything else is refused as one field, so that nobody learns of
     * messages in rooms they are not in. It is checked under the room's lock, which deleting a
     * message takes too, so a reply never answers a message deleted a moment before. A retry of
     * an earlier post returns it as it was, whatever it answered.
     */
    public Posted post(long senderId, long roomId, String content, String clientMessageId, Long replyToId) {
        // Every attempt counts, retries and refusals included: a flood costs the server either way.
        limits.post(senderId);
        String text = MessageContent.check(content);
        String clientId = MessageContent.checkClientMessageId(clientMessageId);
        Membership membership = rooms.findMembership(roomId, senderId).orElseThrow(NotFoundException::room);
        Room room = rooms.lock(membership.room()).orElseThrow(NotFoundException::room);
        if (clientId != null) {
            Optional<Message> earlier = messages.findByClientMessageId(senderId, clientId);
            if (earlier.isPresent()) {
                if (earlier.get().roomId() != roomId) {
                    throw new ConflictException("This clientMessageId was already used in another room.");
                }
                return new Posted(earlier.get(), false);
            }
        }
        Optional<Message> original = replyToId == null ? Optional.empty() : Optional.of(originalIn(roomId, replyToId));
        Message message = Message.post(room, membership.user(), text, clientId, Instant.now(clock));
        original.ifPresent(message::answer);
        message.mention(mentionedMembers(roomId, text));
        messages.store(message);
        room.showLatest(message.id());
        membership.markReadUpTo(message.seq());
        // Every message in a direct room is addressed to the other person, as a mention would be.
        notifications.messagePosted(roomId, senderId,
                room.isDirect() ? Addressed.everyone() : addressed(message, original, senderId));
        events.fire(new ChatEvent.MessagePosted(roomId, message.id(), message.seq()));
        events.fire(new ChatEvent.ReadMarkerMoved(roomId, senderId));
        return new Posted(message, true);
    }

    public Message get(long userId, long messageId) {
        return visibleToMember(userId, messageId);
    }

    public Message edit(long userId, long messageId, String content) {
        String text = MessageContent.check(content);
        Message message = visibleToMember(userId, messageId);
        message.edit(userId, text, Instant.now(clock));
        message.mention(mentionedMembers(message.roomId(), text));
        events.fire(new ChatEvent.MessageEdited(message.roomId(), message.id()));
        return message;
    }

    public void delete(long userId, long messageId) {
        Message message = visibleToMember(userId, messageId);
        // The room's lock keeps its latest message right against a post racing this delete.
        Room room = rooms.findForUpdate(message.roomId()).orElseThrow(NotFoundException::message);
        // The message's own lock, taken before the change (a lock reads the row again), keeps a
        // reaction from being added after its reactions are gone.
        messages.lock(message).orElseThrow(NotFoundException::message);
        message.delete(userId, Instant.now(clock));
        reactions.removeAll(message.id());
        if (room.showsAsLatest(message.id())) {
            room.showLatest(messages.newestVisibleIdBefore(room.id(), message.seq()).orElse(null));
        }
        events.fire(new ChatEvent.MessageDeleted(message.roomId(), message.id(), message.seq()));
    }

    private Message originalIn(long roomId, long replyToId) {
        return messages.findVisible(replyToId).filter(original -> original.roomId() == roomId)
                .orElseThrow(() -> InvalidInputException.of(FieldRefusal.REPLY_TO_UNKNOWN,
                        "replyTo must be a message of this room that is not deleted."));
    }

    /** The people mentioned, and the author of the message answered: each is notified as addressed. */
    private static Addressed addressed(Message message, Optional<Message> original, long senderId) {
        Set<Long> people = new LinkedHashSet<>(message.mentionedIds());
        original.map(answered -> answered.sender().id()).filter(author -> author != senderId).ifPresent(people::add);
        return Addressed.only(people);
    }

    /** The room's members the text mentions, looked up by the names it holds only. */
    private List<User> mentionedMembers(long roomId, String text) {
        Set<String> names = Mentions.keysIn(text);
        return names.isEmpty() ? List.of() : Mentions.people(Mentions.in(text, rooms.membersByKey(roomId, names)));
    }

    private Message visibleToMember(long userId, long messageId) {
        Message message = messages.findVisible(messageId).orElseThrow(NotFoundException::message);
        if (rooms.findMembership(message.roomId(), userId).isEmpty()) {
            throw NotFoundException.message();
        }
        return message;
    }
}
