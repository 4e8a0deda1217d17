package dev.daehwa.interfaces.realtime;

/**
 * One server-to-client text frame. A {@code message.created} frame also names its room and seq,
 * which is how a connection delivers each message exactly once and in order.
 */
public record Frame(String json, long roomId, long seq) {

    static Frame of(String json) {
        return new Frame(json, 0, 0);
    }

    boolean isMessageCreated() {
        return seq > 0;
    }
}
