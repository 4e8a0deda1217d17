package dev.daehwa.application.cluster;

import dev.daehwa.application.auth.Revocation;
import dev.daehwa.application.events.ChatEvent;
import java.util.List;

/**
 * What one app node tells the others. Every message names its sender, so that a node can ignore
 * its own. Messages carry ids only: the receiver reads the committed state itself, which keeps
 * them small (a channel carries a few kilobytes) and never stale.
 */
public sealed interface NodeMessage {

    String node();

    /** A change committed on {@code node}. */
    record Changed(String node, ChatEvent event) implements NodeMessage {
    }

    /** A user on {@code node} is typing in a room (already throttled there). */
    record Typing(String node, long roomId, long userId) implements NodeMessage {
    }

    /** The user opened their first socket on {@code node}. */
    record Online(String node, long userId) implements NodeMessage {
    }

    /** The user closed their last socket on {@code node}. */
    record Offline(String node, long userId) implements NodeMessage {
    }

    /**
     * "I am alive, and these are all the users connected to me." Sent every few seconds in
     * {@code parts} messages numbered from 0; a receiver replaces its picture of the node only once
     * it has every part of one beat.
     */
    record Beat(String node, long beat, int part, int parts, List<Long> userIds) implements NodeMessage {
    }

    /**
     * A credential was revoked on {@code node} (a token deleted, a logout, a sign-out
     * everywhere): every node ends the sessions and closes the sockets it opened.
     */
    record Revoked(String node, Revocation revocation) implements NodeMessage {
    }

    /** The node is shutting down; its users are gone from it now, not when its beats stop. */
    record Left(String node) implements NodeMessage {
    }
}
