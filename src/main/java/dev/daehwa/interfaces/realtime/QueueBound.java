package dev.daehwa.interfaces.realtime;

/**
 * How much may wait for one socket, in frames and in bytes: queued to go out, and held back while
 * a resume is replayed. Bytes are counted as two per character, what the text takes in memory at
 * most, so that the bound is one on the server's heap whatever the frames contain.
 */
record QueueBound(int frames, long bytes) {

    QueueBound {
        if (frames < 1 || bytes < 1) {
            throw new IllegalArgumentException("a socket's queue needs room for at least one frame and one byte");
        }
    }

    static long bytesOf(String text) {
        return 2L * text.length();
    }

    /** Whether this much waiting is past the bound. */
    boolean exceededBy(int waitingFrames, long waitingBytes) {
        return waitingFrames > frames || waitingBytes > bytes;
    }

    /** A replay fills the queue to half the bound at most: the rest is for live frames meanwhile. */
    boolean leavesRoomForReplay(int queuedFrames, long queuedBytes) {
        return queuedFrames < Math.max(1, frames / 2) && queuedBytes < bytes / 2;
    }

    /** The queue has drained far enough for a paused replay to send its next page. */
    boolean drained(int queuedFrames, long queuedBytes) {
        return queuedFrames <= frames / 4 && queuedBytes <= bytes / 4;
    }
}
