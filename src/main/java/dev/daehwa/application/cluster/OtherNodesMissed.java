package dev.daehwa.application.cluster;

import java.time.Instant;

/**
 * This node's channel to the others was down and is back: whatever they announced since
 * {@code since} never arrived here. Fired once per reconnection, for the parts of this node that
 * must repair what they derive from other nodes' changes (its sockets, its search index).
 */
public record OtherNodesMissed(Instant since) {
}
