/**
 * Black-box tests of conversation search ({@code GET /api/search}) against the running app: Korean
 * analysis end to end, every operator, members-only results, safe highlights, freshness, edits
 * and deletes, and the index's recovery after crashes, downtime and loss. Every test searches as
 * new users in new rooms, so what one test posts is never in another's results.
 */
package dev.daehwa.it.search;
