package dev.daehwa.interfaces.realtime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;

/** Fan-out on a single node: straight into the recipients' connections. */
@ApplicationScoped
public class LocalFanout implements Fanout {

    @Inject
    private Connections connections;

    @Override
    public void deliver(Collection<Long> userIds, Frame frame) {
        for (long userId : userIds) {
            connections.of(userId).forEach(connection -> connection.deliver(frame));
        }
    }

    @Override
    public boolean hasSocketHere(long userId) {
        return connections.isOnline(userId);
    }
}
