package dev.daehwa.interfaces.realtime;

import java.util.Collection;

/**
 * Hands a live event to the sockets of the users who may see it. The one seam between deciding
 * who gets what and where their sockets are: today they are all on this node
 * ({@link LocalFanout}); a cluster puts a broker behind this interface.
 */
public interface Fanout {

    void deliver(Collection<Long> userIds, Frame frame);

    /** Whether the user has a socket open (on any node). */
    boolean isOnline(long userId);
}
