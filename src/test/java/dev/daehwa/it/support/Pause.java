package dev.daehwa.it.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting in a test, with an interrupt turned into a failure instead of a checked exception. */
public final class Pause {

    private Pause() {
    }

    /**
     * Checks {@code done} every {@code every} until it holds or {@code timeout} has passed; the
     * caller then asserts what it waited for, so that a timeout fails with the real message.
     */
    public static void until(Duration timeout, Duration every, BooleanSupplier done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            of(every);
        }
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
