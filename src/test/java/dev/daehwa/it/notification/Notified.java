package dev.daehwa.it.notification;

import dev.daehwa.it.support.ChatUser;
import dev.daehwa.it.support.MailServer;
import dev.daehwa.it.support.Pause;
import dev.daehwa.it.support.ReceivedEmail;
import java.time.Duration;
import java.util.List;

/** Helpers for the notification tests: waiting for (or not for) email. */
public final class Notified {

    /** Generous next to the tests' delays ("2m" is 2.4 s at DAEHWA_NOTIFY_TIME_SCALE=0.02; a worker pass is 1 s). */
    static final Duration ARRIVAL_TIMEOUT = Duration.ofSeconds(30);
    /**
     * Long enough for a second, wrong email to show up if one were coming: the worker passes once
     * a second, so this spans the rest of the pass that sent the first email and the whole next
     * one. A fixed wait, because what it shows is that nothing more happens.
     */
    static final Duration QUIET_PERIOD = Duration.ofSeconds(2);

    private Notified() {
    }

    /** The one email the user gets, after checking that no second one follows it. */
    public static ReceivedEmail exactlyOneEmail(MailServer mail, ChatUser user) {
        return exactlyOneEmailEach(mail, List.of(user)).getFirst();
    }

    /** The one email each user gets; one quiet period for all of them. */
    public static List<ReceivedEmail> exactlyOneEmailEach(MailServer mail, List<ChatUser> users) {
        users.forEach(user -> mail.awaitEmailsTo(user.email(), 1, ARRIVAL_TIMEOUT));
        Pause.of(QUIET_PERIOD);
        return users.stream().map(user -> {
            List<ReceivedEmail> emails = mail.emailsTo(user.email());
            if (emails.size() != 1) {
                throw new AssertionError("Expected exactly one email to " + user.username() + ", got " + emails.size()
                        + ": " + emails.stream().map(ReceivedEmail::subject).toList());
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
}
