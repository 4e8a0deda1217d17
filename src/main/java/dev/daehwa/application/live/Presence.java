package dev.daehwa.application.live;

import dev.daehwa.application.cluster.ClusterRelay;
import dev.daehwa.application.cluster.NodeMessage;
import dev.daehwa.application.cluster.NodeMessages;
import dev.daehwa.application.jobs.JobSchedulers;
import dev.daehwa.domain.user.PublicProfile;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * Whether a user is online: they are while any node has a socket of theirs. This node knows its
 * own sockets ({@link Fanout#usersHere}) and learns the others' from their messages: a user's first and
 * last socket on a node are announced at once, and every node beats its whole list every
 * {@link #BEAT_SECONDS}, which repairs anything a lost message left wrong. Room mates hear of a
 * change only when the user's presence across all nodes changed.
 */
@ApplicationScoped
public class Presence {

    static final long BEAT_SECONDS = 5;
    /** Three missed beats: the node is gone (killed, or cut off from the database). */
    static final long SILENCE_MILLIS = TimeUnit.SECONDS.toMillis(3 * BEAT_SECONDS);

    @Inject
    private JobSchedulers schedulers;

    @Inject
    private Fanout sockets;

    @Inject
    private ClusterRelay cluster;

    @Inject
    private LiveEvents events;

    private final OtherNodesPresence others = new OtherNodesPresence(SILENCE_MILLIS);
    private final AtomicLong beats = new AtomicLong();
    /**
     * Orders this node's own announcements: a beat's list and a first or last socket's message go
     * out in the order the changes happened, so no beat taken before an offline lands after it.
     */
    private final Object announcing = new Object();
    private ScheduledFuture<?> beating;

    /** At startup, not on first use: a node with no sockets yet must still be heard of. */
    void startBeating(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (cluster.connectsNodes() && beating == null) {
            beating = schedulers.scheduler("presence-beat").scheduleAtFixedRate(this::beat, 0, BEAT_SECONDS, TimeUnit.SECONDS);
        }
    }

    @PreDestroy
    void leave() {
        if (beating != null) {
            beating.cancel(false);
            cluster.tell(new NodeMessage.Left(cluster.thisNode()));
        }
    }

    public boolean isOnline(long userId) {
        return sockets.hasSocketHere(userId) || others.has(userId);
    }

    /** The other nodes this one hears from. */
    public Set<String> otherNodes() {
        return others.nodes();
    }

    /**
     * A socket of the user opened here: {@code register} adds it to this node's sockets and says
     * whether it is the user's first one here. It runs inside the ordering of announcements.
     */
    public void socketOpened(PublicProfile user, BooleanSupplier register) {
        socketChanged(user, register, true);
    }

    /** The same when a socket closed: {@code unregister} says whether it was the user's last here. */
    public void socketClosed(PublicProfile user, BooleanSupplier unregister) {
        socketChanged(user, unregister, false);
    }

    /**
     * A socket opened or closed here. Only a user's first and last socket on this node tell the
     * other nodes; room mates hear of it only if no other node has the user either.
     */
    private void socketChanged(PublicProfile profile, BooleanSupplier change, boolean opened) {
        long user = profile.id();
        boolean firstOrLast;
        synchronized (announcing) {
            firstOrLast = change.getAsBoolean();
            if (firstOrLast) {
                cluster.tell(opened ? new NodeMessage.Online(cluster.thisNode(), user)
                        : new NodeMessage.Offline(cluster.thisNode(), user));
            }
        }
        if (firstOrLast && !others.has(user)) {
            events.presence(profile, opened);
        }
    }

    private void beat() {
        synchronized (announcing) {
            NodeMessages.beat(cluster.thisNode(), beats.incrementAndGet(), List.copyOf(sockets.usersHere())).forEach(cluster::tell);
        }
        announce(others.expire(System.currentTimeMillis()));
    }

    void online(@Observes NodeMessage.Online message) {
        announce(others.online(message.node(), message.userId(), System.currentTimeMillis()));
    }

    void offline(@Observes NodeMessage.Offline message) {
        announce(others.offline(message.node(), message.userId(), System.currentTimeMillis()));
    }

    void beat(@Observes NodeMessage.Beat message) {
        announce(others.beat(message, System.currentTimeMillis()));
    }

    void left(@Observes NodeMessage.Left message) {
        announce(others.left(message.node()));
    }

    /** Users with a socket here were online all along, whatever the other nodes say. */
    private void announce(OtherNodesPresence.Change change) {
        change.appeared().stream().filter(user -> !sockets.hasSocketHere(user))
                .forEach(user -> events.presence(user, true));
        change.vanished().stream().filter(user -> !sockets.hasSocketHere(user))
                .forEach(user -> events.presence(user, false));
    }
}
