package dev.daehwa.infrastructure.concurrent;

import dev.daehwa.application.jobs.JobSchedulers;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Gives each background job a scheduler with a thread of its own, made by the container's
 * {@link ManagedThreadFactory} so that it carries the application's context (CDI, JPA, JNDI).
 *
 * <p>Why not the container's managed scheduled executor: Payara's default one has a single thread
 * for the whole application. The notification worker waits on the SMTP server there (up to its
 * one-minute read timeout when the server hangs), and while it waited, the socket heartbeat, the
 * resume graces, the presence beats the other nodes listen for, and the search indexer all stood
 * still. A thread per job keeps a stuck job to itself.
 */
@ApplicationScoped
public class ManagedJobSchedulers implements JobSchedulers {

    @Resource
    private ManagedThreadFactory threadFactory;

    private final List<ScheduledExecutorService> made = new CopyOnWriteArrayList<>();

    @Override
    public ScheduledExecutorService scheduler(String job) {
        ScheduledExecutorService scheduler = new SteadyScheduler(threadFactory, "daehwa-" + job);
        made.add(scheduler);
        return scheduler;
    }

    @PreDestroy
    void stopAll() {
        made.forEach(ScheduledExecutorService::shutdownNow);
    }
}
