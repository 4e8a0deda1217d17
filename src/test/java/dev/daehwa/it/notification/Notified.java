package dev.daehwa.it.notification;

import static dev.daehwa.it.support.Jsons.object;

import dev.daehwa.it.support.ChatUser;
import dev.daehwa.it.support.MailServer;
import dev.daehwa.it.support.ReceivedEmail;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** Helpers for the notification tests: choosing a cadence, and waiting for (or not for) email. */
final class Notified {

    /** "2m" in the tests is 2.4 s (DAEHWA_NOTIFY_TIME_SCALE=0.02); a worker pass is 1 s. */
    static final Duration TWO_MINUTES_SCALED = Duration.ofMillis(2400);
    static final Duration ARRIVAL_TIMEOUT = Duration.ofSeconds(30);
    /** Long enough for a second, wrong email to show up if one were coming. */
    static final Duration QUIET_PERIOD = Duration.ofMillis(2500);

    private Notified() {
    }

    static void choose(ChatUser user, String cadence, Long... mutedRooms) {
        user.agent().put("api/auth/me/notifications", object("email", cadence, "mutedRooms", List.of(mutedRooms)))
                .expect(200);
    }

    /** The one email the user gets, after checking that no second one follows it. */
    static ReceivedEmail exactlyOneEmail(MailServer mail, ChatUser user) {
        mail.awaitEmailsTo(user.email(), 1, ARRIVAL_TIMEOUT);
        pause(QUIET_PERIOD);
        List<ReceivedEmail> emails = mail.emailsTo(user.email());
        if (emails.size() != 1) {
            throw new AssertionError("Expected exactly one email to " + user.username() + ", got " + emails.size()
                    + ": " + emails.stream().map(ReceivedEmail::subject).toList());
        }
        return emails.getFirst();
    }

    /** The one email each user gets; one quiet period for all of them. */
    static List<ReceivedEmail> exactlyOneEmailEach(MailServer mail, List<ChatUser> users) {
        users.forEach(user -> mail.awaitEmailsTo(user.email(), 1, ARRIVAL_TIMEOUT));
        pause(QUIET_PERIOD);
        return users.stream().map(user -> {
            List<ReceivedEmail> emails = mail.emailsTo(user.email());
            if (emails.size() != 1) {
                throw new AssertionError("Expected exactly one email to " + user.username() + ", got " + emails.size());
            }
            return emails.getFirst();
        }).toList();
    }

    static void assertNoEmail(MailServer mail, ChatUser... users) {
        for (ChatUser user : users) {
            List<ReceivedEmail> emails = mail.emailsTo(user.email());
            if (!emails.isEmpty()) {
                throw new AssertionError(user.username() + " got " + emails.size() + " email(s) but should get none: "
                        + emails.stream().map(ReceivedEmail::subject).toList());
            }
        }
    }

    static Set<String> messageIds(List<ReceivedEmail> emails) {
        return Set.copyOf(emails.stream().map(ReceivedEmail::messageId).toList());
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
