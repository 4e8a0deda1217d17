package dev.daehwa.infrastructure.mail;

import dev.daehwa.application.notification.NotificationDelivery;
import dev.daehwa.infrastructure.persistence.SchemaReady;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * The notification queue on /metrics, for alerting: {@code daehwa_email_pending} (waiting to be
 * sent, due or not) and {@code daehwa_email_failed} (given up on after a day of retries, kept 30
 * days). Both read the queue table when scraped, so every node reports the cluster's queue.
 */
@ApplicationScoped
public class NotificationMetrics {

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    private MetricRegistry registry;

    @Inject
    private NotificationDelivery delivery;

    void register(@Observes SchemaReady ready) {
        registry.gauge(Metadata.builder().withName("daehwa_email_pending")
                .withDescription("Notification emails waiting to be sent").build(),
                delivery, NotificationDelivery::countOpen);
        registry.gauge(Metadata.builder().withName("daehwa_email_failed")
                .withDescription("Notification emails given up on after retrying for a day").build(),
                delivery, NotificationDelivery::countFailed);
    }
}
