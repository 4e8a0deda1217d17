package dev.daehwa.infrastructure.mail;

import dev.daehwa.application.notification.NotificationDelivery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * The notification queue in /health: whether this node sends email, how many notifications are
 * waiting (due or not), and how many were given up on after a day of retries (kept 30 days).
 * Always UP: a mail outage must not take a node out of the load balancer, chat works without it.
 */
@Readiness
@ApplicationScoped
public class NotificationQueueHealth implements HealthCheck {

    @Inject
    private NotificationWorker worker;

    @Inject
    private NotificationDelivery delivery;

    @Override
    public HealthCheckResponse call() {
        if (!worker.isRunning()) {
            return HealthCheckResponse.named("email").up().withData("state", "off").build();
        }
        return HealthCheckResponse.named("email").up()
                .withData("state", "on")
                .withData("pending", delivery.countOpen())
                .withData("failed", delivery.countFailed())
                .build();
    }
}
