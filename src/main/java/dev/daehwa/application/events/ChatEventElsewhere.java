package dev.daehwa.application.events;

/**
 * A {@link ChatEvent} committed by another node of the cluster, as this node learns of it. Kept
 * apart from {@code ChatEvent} so that nothing reacts to it twice: the node that made the change
 * already announced it, and only the parts of this node that serve local state (its sockets, its
 * search index) react here.
 */
public record ChatEventElsewhere(ChatEvent event) {
}
