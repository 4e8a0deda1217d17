package dev.daehwa.arquillian;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.interceptor.Interceptor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Test-only replacement for the application's clock ({@code ClockProducer}): real UTC time in
 * microsecond ticks, like the original, plus an offset that tests move forward to let time pass.
 * As a selected alternative with a priority, its producer wins over the application's; the offset
 * is shared by the whole deployment, so tests only ever reason about differences in time.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION + 100)
@ApplicationScoped
public class MutableClock {

    private static final Clock SYSTEM = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    @Produces
    @Alternative
    @ApplicationScoped
    Clock clock() {
        return new OffsetClock(this);
    }

    /** Moves the application's time forward. */
    public void advance(Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("Time only moves forward: " + amount);
        }
        offset.accumulateAndGet(amount, Duration::plus);
    }

    public Instant now() {
        return SYSTEM.instant().plus(offset.get());
    }

    /** A Clock reading {@link MutableClock#now()}. */
    static final class OffsetClock extends Clock {

        private final MutableClock source;

        OffsetClock(MutableClock source) {
            this.source = source;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            if (ZoneOffset.UTC.equals(zone)) {
                return this;
            }
            throw new UnsupportedOperationException("The application clock is UTC only");
        }

        @Override
        public Instant instant() {
            return source.now();
        }
    }
}
