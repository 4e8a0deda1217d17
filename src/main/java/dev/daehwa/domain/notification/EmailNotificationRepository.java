package dev.daehwa.domain.notification;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** The notification queue's rows. */
public interface EmailNotificationRepository {

    /**
     * Opens a notification for every member of the room who should hear about a new message
     * there ({@link EmailScope}) and has none open yet: not the sender, not a member whose
     * address is unconfirmed, not one whose cadence (or the server default, for those who never
     * chose) is never; a member who muted the room or chose mentions only when the message is
     * addressed to them and they email mentions. One statement, however many members the room has.
     *
     * @param onlyUserId a single member to consider, or null for all
     * @param addressed whom the message is addressed to
     * @param dueAt when a notification of each cadence falls due
     * @return how many were opened
     */
    int openFor(long roomId, long senderId, Long onlyUserId, Addressed addressed, EmailCadence serverDefault,
            Function<EmailCadence, Instant> dueAt, Instant now);

    /** Whom a message is addressed to: everyone in the room (a direct room), or these people. */
    record Addressed(boolean toEveryone, Set<Long> userIds) {

        public Addressed {
            userIds = Set.copyOf(userIds);
        }

        public static Addressed everyone() {
            return new Addressed(true, Set.of());
        }

        public static Addressed only(Collection<Long> userIds) {
            return new Addressed(false, Set.copyOf(userIds));
        }
    }

    /**
     * Takes up to {@code limit} open notifications that are due, for this worker alone: their
     * due time moves to {@code leaseUntil}, so that no other worker takes them meanwhile and a
     * worker that dies with them leaves them to be taken again then. Rows another worker is
     * taking at the same moment are skipped, not waited for.
     *
     * @return what was taken, oldest due first
     */
    List<Claim> claimDue(Instant now, Instant leaseUntil, int limit);

    /** The notification, locked until the transaction ends. */
    Optional<EmailNotification> findForUpdate(long id);

    long countOpen();

    long countFailed();

    /** Forgets settled notifications older than the cutoff; open ones are always kept. */
    int deleteSettledBefore(Instant cutoff);
}
