package dev.daehwa.interfaces.realtime;

import dev.daehwa.application.live.Fanout;
import dev.daehwa.application.live.LiveUpdate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.Set;

/**
 * Fan-out on this node: an update is written as a frame once, when its first recipient with a
 * socket here is found, and handed straight to the recipients' connections.
 */
@ApplicationScoped
public class LocalFanout implements Fanout {

    @Inject
    private Connections connections;

    @Inject
    private Frames frames;

    @Override
    public void deliver(Collection<Long> userIds, LiveUpdate update) {
        Frame frame = null;
        for (long userId : userIds) {
            for (Connection connection : connections.of(userId)) {
                if (frame == null) {
                    frame = frames.of(update);
                }
                connection.deliver(frame);
            }
        }
    }

    @Override
    public boolean hasSocketHere(long userId) {
        return connections.isOnline(userId);
    }

    @Override
    public Set<Long> usersHere() {
        return connections.userIds();
    }
}
