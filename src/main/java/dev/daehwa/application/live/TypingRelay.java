package dev.daehwa.application.live;

import dev.daehwa.application.accounts.AccountService;
import dev.daehwa.application.cluster.ClusterRelay;
import dev.daehwa.application.cluster.NodeMessage;
import dev.daehwa.domain.user.PublicProfile;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * "Minji is typing…": relayed to the room's other members, at most once per user and room every
 * {@link #THROTTLE_MILLIS}; clients send it on every keystroke and nobody needs them all.
 */
@ApplicationScoped
public class TypingRelay {

    static final long THROTTLE_MILLIS = 3_000;

    @Inject
    private LiveQueries queries;

    @Inject
    private Fanout fanout;

    @Inject
    private ClusterRelay cluster;

    @Inject
    private AccountService accounts;

    @Resource
    private ManagedExecutorService executor;

    private final Map<String, Long> lastRelayed = new ConcurrentHashMap<>();

    /** False if the user is not in the room (the frame is refused); true otherwise, relayed or throttled. */
    public boolean typed(PublicProfile user, long roomId) {
        long userId = user.id();
        List<Long> members = queries.memberIds(roomId);
        if (!members.contains(userId)) {
            return false;
        }
        long now = System.currentTimeMillis();
        String key = userId + ":" + roomId;
        boolean[] relay = {false};
        lastRelayed.compute(key, (k, last) -> {
            if (last == null || now - last >= THROTTLE_MILLIS) {
                relay[0] = true;
                return now;
            }
            return last;
        });
        if (lastRelayed.size() > 10_000) {
            lastRelayed.values().removeIf(last -> now - last > THROTTLE_MILLIS);
        }
        if (relay[0]) {
            deliver(members, roomId, user);
            cluster.tell(new NodeMessage.Typing(cluster.thisNode(), roomId, userId));
        }
        return true;
    }

    /** Typing on another node, already throttled there; read off the channel's thread. */
    void typedElsewhere(@Observes NodeMessage.Typing typing) {
        executor.execute(() -> accounts.find(typing.userId()).ifPresent(user ->
                deliver(queries.memberIds(typing.roomId()), typing.roomId(), PublicProfile.of(user))));
    }

    private void deliver(List<Long> members, long roomId, PublicProfile user) {
        fanout.deliver(members.stream().filter(m -> m != user.id()).toList(), new LiveUpdate.Typing(roomId, user));
    }
}
