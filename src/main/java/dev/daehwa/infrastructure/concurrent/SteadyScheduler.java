package dev.daehwa.infrastructure.concurrent;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A one-thread scheduler whose repeating tasks survive their own failures.
 *
 * <p>A repeating task of a plain {@link ScheduledThreadPoolExecutor} that throws once is never run
 * again, without a word. For the heartbeat or the presence beat that would be an outage that
 * shows only as its consequences (dead sockets kept, a node thought gone), so here a failed run is
 * logged and the next run comes on time.
 */
final class SteadyScheduler extends ScheduledThreadPoolExecutor {

    private static final Logger LOG = Logger.getLogger(SteadyScheduler.class.getName());

    SteadyScheduler(ThreadFactory threads, String name) {
        super(1, named(threads, name));
        // tasks cancelled before they run (a closed socket's timer) leave the queue at once
        setRemoveOnCancelPolicy(true);
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable task, long initialDelay, long period, TimeUnit unit) {
        return super.scheduleAtFixedRate(surviving(task), initialDelay, period, unit);
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable task, long initialDelay, long delay, TimeUnit unit) {
        return super.scheduleWithFixedDelay(surviving(task), initialDelay, delay, unit);
    }

    private static Runnable surviving(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                LOG.log(Level.SEVERE, "A repeating task failed; it runs again at its next time: " + task, e);
            }
        };
    }

    private static ThreadFactory named(ThreadFactory threads, String name) {
        return task -> {
            Thread thread = threads.newThread(task);
            thread.setName(name);
            return thread;
        };
    }
}
