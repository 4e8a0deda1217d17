package dev.daehwa.domain.notification;

/**
 * A worker's hold on one notification: the row, its room, and which attempt this is. A worker
 * whose lease ran out and whose row another worker took since finds the attempt changed, and
 * leaves the row alone instead of sending it a second time.
 */
public record Claim(long notificationId, long roomId, int attempt) {
}
