package dev.daehwa.application.live;

import dev.daehwa.application.cluster.NodeMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who is connected to the other nodes, as their messages tell it. Every change answers which users
 * appeared on, or vanished from, all the other nodes together: only those can have changed
 * presence. A node that stops beating for {@code silenceMillis} is taken for dead and its users
 * leave with it.
 */
final class OtherNodesPresence {

    /** Users who were on no other node before and are on one now, and the reverse. */
    record Change(Set<Long> appeared, Set<Long> vanished) {
        static final Change NONE = new Change(Set.of(), Set.of());

        boolean isEmpty() {
            return appeared.isEmpty() && vanished.isEmpty();
        }
    }

    private static final class Node {
        long lastHeardMillis;
        Set<Long> users = new HashSet<>();
        long beat = -1;
        final Map<Integer, List<Long>> beatParts = new HashMap<>();
    }

    private final long silenceMillis;
    private final Map<String, Node> nodes = new HashMap<>();

    OtherNodesPresence(long silenceMillis) {
        this.silenceMillis = silenceMillis;
    }

    synchronized boolean has(long userId) {
        for (Node node : nodes.values()) {
            if (node.users.contains(userId)) {
                return true;
            }
        }
        return false;
    }

    synchronized Set<String> nodes() {
        return Set.copyOf(nodes.keySet());
    }

    synchronized Change online(String name, long userId, long now) {
        Node node = heard(name, now);
        boolean before = has(userId);
        node.users.add(userId);
        return before ? Change.NONE : new Change(Set.of(userId), Set.of());
    }

    synchronized Change offline(String name, long userId, long now) {
        Node node = heard(name, now);
        if (!node.users.remove(userId) || has(userId)) {
            return Change.NONE;
        }
        return new Change(Set.of(), Set.of(userId));
    }

    /** A part of a beat; the node's users are replaced once every part of that beat is in. */
    synchronized Change beat(NodeMessage.Beat part, long now) {
        Node node = heard(part.node(), now);
        if (part.beat() != node.beat) {
            node.beat = part.beat();
            node.beatParts.clear();
        }
        node.beatParts.put(part.part(), part.userIds());
        if (node.beatParts.size() < part.parts()) {
            return Change.NONE;
        }
        Set<Long> users = new HashSet<>();
        node.beatParts.values().forEach(users::addAll);
        node.beatParts.clear();
        return replace(node, users);
    }

    synchronized Change left(String name) {
        Node node = nodes.get(name);
        if (node == null) {
            return Change.NONE;
        }
        Change change = replace(node, Set.of());
        nodes.remove(name);
        return change;
    }

    /** Forgets the nodes not heard from for too long: they crashed, or lost the channel. */
    synchronized Change expire(long now) {
        Set<Long> appeared = new HashSet<>();
        Set<Long> vanished = new HashSet<>();
        for (String name : new ArrayList<>(nodes.keySet())) {
            if (now - nodes.get(name).lastHeardMillis > silenceMillis) {
                Change change = left(name);
                appeared.addAll(change.appeared());
                vanished.addAll(change.vanished());
            }
        }
        return new Change(appeared, vanished);
    }

    private Node heard(String name, long now) {
        Node node = nodes.computeIfAbsent(name, n -> new Node());
        node.lastHeardMillis = now;
        return node;
    }

    private Change replace(Node node, Set<Long> users) {
        Set<Long> touched = new HashSet<>(node.users);
        touched.addAll(users);
        touched.removeIf(user -> node.users.contains(user) == users.contains(user));
        Map<Long, Boolean> before = new HashMap<>();
        touched.forEach(user -> before.put(user, has(user)));
        node.users = users;
        Set<Long> appeared = new HashSet<>();
        Set<Long> vanished = new HashSet<>();
        for (long user : touched) {
            boolean now = has(user);
            if (now && !before.get(user)) {
                appeared.add(user);
            } else if (!now && before.get(user)) {
                vanished.add(user);
            }
        }
        return new Change(appeared, vanished);
    }
}
