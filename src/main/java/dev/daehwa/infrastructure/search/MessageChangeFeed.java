package dev.daehwa.infrastructure.search;

import dev.daehwa.domain.message.MessageChange;
import dev.daehwa.domain.message.MessageRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.List;

/** The committed state of messages, read for the index in short transactions of their own. */
@ApplicationScoped
@Transactional
public class MessageChangeFeed {

    @Inject
    private MessageRepository messages;

    /** The next changes after {@code position}, in change order. */
    public List<MessageChange> after(IndexPosition position, int limit) {
        return messages.changedSince(position.changedAt(), position.messageId(), limit);
    }

    public List<MessageChange> current(Collection<Long> messageIds) {
        return messages.changesOf(messageIds);
    }
}
