package dev.daehwa.infrastructure.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SteadySchedulerTest {

    private final ScheduledExecutorService scheduler = new SteadyScheduler(Executors.defaultThreadFactory(), "daehwa-test-job");

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void aRepeatingTaskThatThrowsRunsAgainAtItsNextTime() throws InterruptedException {
        CountDownLatch threeRuns = new CountDownLatch(3);
        scheduler.scheduleAtFixedRate(() -> {
            threeRuns.countDown();
            throw new IllegalStateException("every run fails");
        }, 0, 10, TimeUnit.MILLISECONDS);

        assertTrue(threeRuns.await(5, TimeUnit.SECONDS), "the task stopped after its first failure");
    }

    @Test
    void aTaskWithFixedDelaySurvivesAnErrorToo() throws InterruptedException {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch afterTheError = new CountDownLatch(1);
        scheduler.scheduleWithFixedDelay(() -> {
            if (runs.incrementAndGet() == 1) {
                throw new AssertionError("an Error, not an exception");
            }
            afterTheError.countDown();
        }, 0, 10, TimeUnit.MILLISECONDS);

        assertTrue(afterTheError.await(5, TimeUnit.SECONDS), "the task stopped after its first failure");
    }

    @Test
    void itsThreadIsNamedAfterTheJob() throws Exception {
        AtomicReference<String> name = new AtomicReference<>();
        scheduler.submit(() -> name.set(Thread.currentThread().getName())).get(5, TimeUnit.SECONDS);

        assertEquals("daehwa-test-job", name.get());
    }
}
