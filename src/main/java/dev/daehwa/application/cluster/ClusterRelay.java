package dev.daehwa.application.cluster;

import dev.daehwa.application.events.ChatEvent;
import dev.daehwa.application.events.ChatEventElsewhere;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Makes the nodes behave as one chat. Each committed change is announced to the other nodes, and
 * what they announce is fired here as a {@link ChatEventElsewhere} (changes) or as the
 * {@link NodeMessage} itself (presence, typing), for the parts of this node that keep local state.
 * On a single node ({@link NodeChannel#NONE}) this does nothing.
 */
@ApplicationScoped
public class ClusterRelay {

    private static final Logger LOG = Logger.getLogger(ClusterRelay.class.getName());

    @Inject
    private NodeChannel channel;

    @Inject
    private ThisNode node;

    @Inject
    private Event<ChatEventElsewhere> elsewhere;

    @Inject
    private Event<NodeMessage> received;

    @Inject
    private Event<OtherNodesMissed> missed;

    /** When the channel last delivered anything (this node's own beats come back every few seconds). */
    private volatile Instant lastHeard;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (channel.connectsNodes()) {
            channel.listen(this::receive, this::connected);
        }
    }

    private void connected() {
        Instant since = lastHeard;
        lastHeard = Instant.now();
        if (since == null) {
            LOG.info(() -> "Node " + node.name() + " is listening to the other nodes");
        } else {
            LOG.warning(() -> "Node " + node.name() + " is listening to the other nodes again; repairing what"
                    + " it missed since " + since);
            missed.fire(new OtherNodesMissed(since));
        }
    }

    /**
     * In the transaction that makes the change (the observer runs when the service fires it), so
     * the others hear of it if and only if it commits, and in commit order.
     */
    void announce(@Observes ChatEvent event) {
        if (channel.connectsNodes()) {
            NodeMessages.changed(node.name(), event).stream().map(NodeMessages::encode).filter(this::fits)
                    .forEach(channel::sendOnCommit);
        }
    }

    /**
     * Too long for the channel would fail the transaction that made the change. It cannot happen
     * with the messages built here (ids, lists split); if it did, the post must still succeed, and
     * the other nodes' clients get it when they resume.
     */
    private boolean fits(String message) {
        if (message.getBytes(StandardCharsets.UTF_8).length <= NodeChannel.MAX_MESSAGE_BYTES) {
            return true;
        }
        LOG.severe(() -> "Not announced to the other nodes, too long for the channel: " + message.substring(0, 200));
        return false;
    }

    public boolean connectsNodes() {
        return channel.connectsNodes();
    }

    /** Tells the other nodes something that is not part of a transaction. */
    public void tell(NodeMessage message) {
        if (channel.connectsNodes()) {
            String encoded = NodeMessages.encode(message);
            if (fits(encoded)) {
                channel.send(encoded);
            }
        }
    }

    public String thisNode() {
        return node.name();
    }

    /** On the channel's thread, one message at a time: observers only update memory or hand work on. */
    private void receive(String text) {
        lastHeard = Instant.now();
        NodeMessages.decode(text).ifPresentOrElse(message -> {
            if (message.node().equals(node.name())) {
                return;
            }
            try {
                if (message instanceof NodeMessage.Changed changed) {
                    elsewhere.fire(new ChatEventElsewhere(changed.event()));
                } else {
                    received.fire(message);
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "could not handle " + message + " from another node", e);
            }
        }, () -> LOG.warning(() -> "ignored an unreadable message from another node: " + text));
    }
}
