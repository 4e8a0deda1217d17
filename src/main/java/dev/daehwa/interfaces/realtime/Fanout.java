package dev.daehwa.interfaces.realtime;

import java.util.Collection;

/**
 * Hands a frame to this node's sockets of the users who may see it. In a cluster every node runs
 * its own fan-out for its own sockets: what crosses between nodes is the change itself (ids, over
 * {@link dev.daehwa.application.cluster.NodeChannel}), never the frames, so each node reads the
 * committed state and decides recipients as a single node would.
 */
public interface Fanout {

    void deliver(Collection<Long> userIds, Frame frame);

    /** Whether the user has a socket on this node (so that a frame for them is worth building). */
    boolean hasSocketHere(long userId);
}
