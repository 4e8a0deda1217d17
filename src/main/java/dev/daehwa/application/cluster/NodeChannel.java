package dev.daehwa.application.cluster;

import java.util.function.Consumer;

/**
 * Short text messages between the app nodes that share a database. The single-node default
 * ({@link #NONE}) connects nothing; a cluster plugs an existing broker in behind it
 * (PostgreSQL LISTEN/NOTIFY, see {@code infrastructure.cluster}).
 */
public interface NodeChannel {

    /** The longest message a channel must carry; senders split longer content. */
    int MAX_MESSAGE_BYTES = 7_000;

    /** Whether there are other nodes to talk to at all. */
    boolean connectsNodes();

    /**
     * Sends with the current transaction: the other nodes receive it if and when the transaction
     * commits, in commit order. Must be called inside a transaction.
     */
    void sendOnCommit(String message);

    /** Sends now, in the order of this node's earlier {@code send} calls. Best effort. */
    void send(String message);

    /**
     * Starts delivering every node's messages (this node's too) to {@code receiver}, one at a
     * time. {@code connected} runs each time the channel (re)connects: whatever was sent while it
     * was away is lost, and the listener may want to ask for a fresh picture.
     */
    void listen(Consumer<String> receiver, Runnable connected);

    NodeChannel NONE = new NodeChannel() {
        @Override
        public boolean connectsNodes() {
            return false;
        }

        @Override
        public void sendOnCommit(String message) {
        }

        @Override
        public void send(String message) {
        }

        @Override
        public void listen(Consumer<String> receiver, Runnable connected) {
        }
    };
}
