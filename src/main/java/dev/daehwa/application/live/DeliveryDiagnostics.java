package dev.daehwa.application.live;

/**
 * Told when a delivery thread picks up its next task, so that what the task costs can be told
 * apart from the tasks before it on the same thread (the tests' statement counts).
 */
public interface DeliveryDiagnostics {

    void taskStarting();
}
