package dev.daehwa.application.live;

import java.util.Collection;
import java.util.Set;

/**
 * This node's open sockets, as the delivery rules see them: who has one here, and a way to hand
 * an update to those of given users. In a cluster every node runs its own fan-out for its own
 * sockets: what crosses between nodes is the change itself (ids, over
 * {@link dev.daehwa.application.cluster.NodeChannel}), never the frames, so each node reads the
 * committed state and decides recipients as a single node would.
 */
public interface Fanout {

    /** Written into a frame at most once, whatever the number of recipients. */
    void deliver(Collection<Long> userIds, LiveUpdate update);

    /** Whether the user has a socket on this node (so that an update for them is worth reading). */
    boolean hasSocketHere(long userId);

    /** The users with at least one socket on this node. */
    Set<Long> usersHere();
}
