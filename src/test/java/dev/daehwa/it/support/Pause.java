package dev.daehwa.it.support;

import java.time.Duration;

/** Waiting in a test, with an interrupt turned into a failure instead of a checked exception. */
public final class Pause {

    private Pause() {
    }

    public static void of(Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            return;
        }
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
