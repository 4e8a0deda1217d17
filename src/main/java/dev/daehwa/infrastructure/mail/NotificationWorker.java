package dev.daehwa.infrastructure.mail;

import dev.daehwa.application.accounts.EmailConfirmations;
import dev.daehwa.application.jobs.JobSchedulers;
import dev.daehwa.application.notification.ConfirmationEmail;
import dev.daehwa.application.notification.EmailSender;
import dev.daehwa.application.notification.NotificationDelivery;
import dev.daehwa.domain.notification.Claim;
import dev.daehwa.domain.user.EmailConfirmationRepository;
import dev.daehwa.infrastructure.persistence.SchemaReady;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The notification queue's worker: every second, on a thread of its own (a hung SMTP server
 * holds up nothing else, see {@link JobSchedulers}), it takes the notifications that are due and
 * sends them one by one. Any number of nodes may run one against the same PostgreSQL: taking is
 * exclusive (see {@link NotificationDelivery#claimDue}). A node without an SMTP server runs none.
 *
 * <p>Shutting down is graceful: the email being sent is finished and recorded, and the ones this
 * worker took but has not sent are handed back, due at once, for the next node or the next boot.
 */
@ApplicationScoped
public class NotificationWorker {

    private static final Logger LOG = Logger.getLogger(NotificationWorker.class.getName());

    private static final long PASS_DELAY_MILLIS = 1000;
    /** Taken at a time: small, so that a stopping node hands back little and other nodes share a backlog. */
    private static final int BATCH = 10;
    /** How long one pass may work through a backlog before pausing. */
    private static final long PASS_SLICE_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final long FORGET_EVERY_NANOS = TimeUnit.HOURS.toNanos(1);

    @Inject
    private JobSchedulers schedulers;

    @Inject
    private NotificationDelivery delivery;

    @Inject
    private EmailConfirmations confirmations;

    @Inject
    private EmailSender sender;

    @Inject
    private MailSettings settings;

    private volatile boolean stopping;
    /** Read by /health without the lock. */
    private volatile ScheduledFuture<?> worker;

    // Worker state, touched only inside the synchronized pass.
    private boolean failing;
    private long lastForgetNanos = System.nanoTime() - FORGET_EVERY_NANOS;

    void start(@Observes SchemaReady ready) {
        if (!sender.isConfigured()) {
            LOG.info("Email notifications are off: DAEHWA_SMTP_HOST is not set. Set it (see the README, \"Email"
                    + " notifications\") to email members about messages they have not read.");
            return;
        }
        LOG.info(() -> "Email notifications go through " + settings.describe() + ", from " + settings.from()
                + "; links point to " + settings.base());
        synchronized (this) {
            worker = schedulers.scheduler("notification-worker")
                    .scheduleWithFixedDelay(this::pass, PASS_DELAY_MILLIS, PASS_DELAY_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private synchronized void pass() {
        long sliceEnd = System.nanoTime() + PASS_SLICE_NANOS;
        try {
            forgetOldOnes();
            // Confirmation links first: a person who just registered is waiting for one.
            if (!drain(confirmations::claimDue, this::deliver, confirmations::release, sliceEnd)
                    || !drain(delivery::claimDue, this::deliver, delivery::release, sliceEnd)) {
                return;
            }
            if (failing) {
                failing = false;
                LOG.info("The notification queue works again.");
            }
        } catch (RuntimeException | Error e) {
            // Taken notifications that were not settled fall due again when their lease ends.
            // Caught here, not left to the scheduler, to log an outage once, not every second.
            if (!failing) {
                failing = true;
                LOG.log(Level.WARNING, "The notification queue failed; trying again every second", e);
            }
        }
    }

    /**
     * Takes and sends batches from one outbox until it has no more due or the pass's slice is
     * over; a stop hands back what was taken and not sent.
     *
     * @return false when the worker is stopping
     */
    private <C> boolean drain(IntFunction<List<C>> claimDue, Consumer<C> deliver, Consumer<List<C>> release,
            long sliceEnd) {
        List<C> taken;
        do {
            taken = stopping ? List.of() : claimDue.apply(BATCH);
            for (int i = 0; i < taken.size(); i++) {
                if (stopping) {
                    release.accept(taken.subList(i, taken.size()));
                    return false;
                }
                deliver.accept(taken.get(i));
            }
        } while (taken.size() == BATCH && System.nanoTime() < sliceEnd);
        return !stopping;
    }

    private void deliver(Claim claim) {
        Optional<NotificationDelivery.Prepared> prepared = delivery.prepare(claim);
        if (prepared.isEmpty()) {
            return; // nothing to send now: skipped, postponed, or no longer ours
        }
        try {
            sender.send(prepared.get().email());
        } catch (EmailSender.EmailNotSent e) {
            LOG.warning(() -> "Notification " + claim.notificationId() + " not sent, will retry: " + e.getMessage());
            delivery.failed(claim, e.getMessage());
            return;
        }
        delivery.sent(prepared.get());
    }

    private void deliver(EmailConfirmationRepository.Claim claim) {
        Optional<ConfirmationEmail> email = confirmations.prepare(claim);
        if (email.isEmpty()) {
            return; // renewed or confirmed meanwhile
        }
        try {
            sender.send(email.get());
        } catch (EmailSender.EmailNotSent e) {
            LOG.warning(() -> "Confirmation email to user " + claim.userId() + " not sent, will retry: " + e.getMessage());
            confirmations.failed(claim, e.getMessage());
            return;
        }
        confirmations.sent(claim);
    }

    private void forgetOldOnes() {
        if (System.nanoTime() - lastForgetNanos >= FORGET_EVERY_NANOS) {
            lastForgetNanos = System.nanoTime();
            int forgotten = delivery.forgetSettled();
            if (forgotten > 0) {
                LOG.fine(() -> "Forgot " + forgotten + " old settled notifications");
            }
        }
    }

    boolean isRunning() {
        return worker != null && !stopping;
    }

    /** Waits for the email being sent, if any; the pass hands back the rest it took. */
    @PreDestroy
    void stop() {
        stopping = true;
        synchronized (this) {
            if (worker != null) {
                worker.cancel(false);
            }
        }
    }
}
