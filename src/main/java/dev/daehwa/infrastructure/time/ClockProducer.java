package dev.daehwa.infrastructure.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;

/** One clock for every rule that involves time, in UTC, replaceable where time must be controlled. */
@ApplicationScoped
public class ClockProducer {

    /** Ticks in microseconds: both databases store microseconds, so a time read back from the
     *  database equals the time the request that wrote it answered with. */
    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
