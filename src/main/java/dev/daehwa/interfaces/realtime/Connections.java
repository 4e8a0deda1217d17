package dev.daehwa.interfaces.realtime;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The open sockets on this node, by user. A user is online while they have at least one. */
@ApplicationScoped
public class Connections {

    private final Map<Long, Set<Connection>> byUser = new ConcurrentHashMap<>();

    /** Adds a socket; true if it is the user's first (they just came online). */
    boolean add(Connection connection) {
        boolean[] first = {false};
        byUser.compute(connection.userId(), (user, existing) -> {
            Set<Connection> set = existing == null ? ConcurrentHashMap.newKeySet() : existing;
            first[0] = set.isEmpty();
            set.add(connection);
            return set;
        });
        return first[0];
    }

    /** Removes a socket; true if it was the user's last (they just went offline). */
    boolean remove(Connection connection) {
        boolean[] last = {false};
        byUser.computeIfPresent(connection.userId(), (user, set) -> {
            boolean removed = set.remove(connection);
            last[0] = removed && set.isEmpty();
            return set.isEmpty() ? null : set;
        });
        return last[0];
    }

    Collection<Connection> of(long userId) {
        Set<Connection> set = byUser.get(userId);
        return set == null ? List.of() : set;
    }

    /** The user's open sockets beyond the newest {@code keep}, oldest first. */
    List<Connection> oldestBeyond(long userId, int keep) {
        List<Connection> open = of(userId).stream().filter(Connection::isOpen)
                .sorted(Comparator.comparingLong(Connection::openedOrder)).toList();
        return open.subList(0, Math.max(0, open.size() - keep));
    }

    boolean isOnline(long userId) {
        return byUser.containsKey(userId);
    }

    /** The users with a socket on this node. */
    Set<Long> userIds() {
        return Set.copyOf(byUser.keySet());
    }

    Collection<Connection> all() {
        return byUser.values().stream().flatMap(Set::stream).toList();
    }
}
