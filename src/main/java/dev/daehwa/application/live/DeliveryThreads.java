package dev.daehwa.application.live;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The threads that turn committed events into frames: a fixed pool whose threads come from the
 * container's {@link ManagedThreadFactory}, so they carry the application's context (CDI, JPA,
 * JNDI) from the moment they start.
 *
 * <p>Why not the managed executor: every task submitted to it captures the submitting thread's
 * context, and Payara's capture includes a {@code ServiceLoader} search of every module jar. One
 * such capture per post was a visible share of a post's CPU in the fan-out profile. Threads made by the
 * factory captured their context once, when they were made.
 */
@ApplicationScoped
public class DeliveryThreads {

    /** Deliveries read the database (members, the message), so a few may wait on it at once. */
    private static final int THREADS = 4;
    /** Beyond this backlog, {@link #execute} refuses, and the caller falls back elsewhere. */
    private static final int BACKLOG = 10_000;

    @Resource
    private ManagedThreadFactory threadFactory;

    @Inject
    private DeliveryDiagnostics diagnostics;

    private ThreadPoolExecutor pool;

    @PostConstruct
    void start() {
        pool = new ThreadPoolExecutor(THREADS, THREADS, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(BACKLOG), threadFactory) {
            @Override
            protected void beforeExecute(Thread thread, Runnable task) {
                diagnostics.taskStarting();
            }
        };
    }

    @PreDestroy
    void stop() {
        // what is still queued is not lost for good: clients fetch what they missed when they resume
        pool.shutdownNow();
    }

    /** Runs the task soon, on one of the delivery threads. */
    public void execute(Runnable task) throws RejectedExecutionException {
        pool.execute(task);
    }
}
