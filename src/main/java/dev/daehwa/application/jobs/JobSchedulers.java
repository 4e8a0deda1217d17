package dev.daehwa.application.jobs;

import java.util.concurrent.ScheduledExecutorService;

/**
 * A scheduler with a thread of its own for each background job (socket heartbeat, resume graces,
 * presence beats, the search indexer, the email worker), so that a job stuck on an outside server
 * keeps the others running.
 */
public interface JobSchedulers {

    /** A scheduler whose one thread, named {@code daehwa-<job>}, runs only this job's tasks. */
    ScheduledExecutorService scheduler(String job);
}
