package dev.daehwa.infrastructure.search;

/** What the search index is doing, as /health reports it. */
enum IndexState {
    /** Not opened yet: the app is still starting. */
    STARTING,
    /** Applying what changed while the app was down; searches work and may miss those changes. */
    CATCHING_UP,
    /** Building the whole index from the database; searches work and find what is built so far. */
    REBUILDING,
    /** Up to date, following changes as they are committed. */
    READY,
    /** Turned off with DAEHWA_SEARCH=off. */
    OFF,
    /** Could not be opened or written; the reason is in the log and in /health. */
    FAILED
}
