package dev.daehwa.it.notification;

import static dev.daehwa.it.notification.Notified.assertNoEmail;
import static dev.daehwa.it.notification.Notified.exactlyOneEmail;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.daehwa.it.support.App;
import dev.daehwa.it.support.ChatUser;
import dev.daehwa.it.support.DaehwaIT;
import dev.daehwa.it.support.Pause;
import dev.daehwa.it.support.MailServer;
import dev.daehwa.it.support.ReceivedEmail;
import java.time.Duration;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The SMTP server goes away and comes back: the email waits in the queue, and arrives once. */
@DaehwaIT
class EmailOutageIT {

    /** What the worker logs for a notification email the SMTP server did not take. */
    private static final Pattern FAILED_ATTEMPT = Pattern.compile("Notification (\\d+) not sent, will retry");
    private static final Pattern NOTIFICATION_ID = Pattern.compile("<notification-(\\d+)\\.");

    @Test
    void anEmailThatCouldNotBeSentArrivesExactlyOnceWhenTheMailServerIsBack(App app) {
        MailServer mail = app.mail();
        ChatUser minji = app.newUser("outage");
        ChatUser joon = app.newConfirmedUser("outage");
        joon.chooseEmail("immediate");
        long room = minji.createRoomId(joon);
        int logBefore = app.serverLog().length();

        mail.stop();
        try {
            minji.send(room, "sent while the mail server is down");
            // The first attempt and a retry fail (retries at 0.6, 1.2, 2.4 s in the tests' time
            // scale). The newest notification that failed is the one just queued.
            Pause.until(Duration.ofSeconds(10), Duration.ofMillis(200),
                    () -> failuresOfNewest(app.serverLog().substring(logBefore)) >= 2);
            assertNoEmail(mail, joon);
        } finally {
            mail.start();
        }
        ReceivedEmail email = exactlyOneEmail(mail, joon);

        assertTrue(email.text().contains("sent while the mail server is down"), email.text());
        Matcher id = NOTIFICATION_ID.matcher(email.messageId());
        assertTrue(id.find(), email.messageId());
        long failures = failuresByNotification(app.serverLog().substring(logBefore))
                .getOrDefault(Long.parseLong(id.group(1)), 0L);
        assertTrue(failures >= 2, "the email's notification failed " + failures + " time(s) before it was sent;"
                + " the first attempt and a retry should have failed and been logged");
    }

    private static NavigableMap<Long, Long> failuresByNotification(String log) {
        return FAILED_ATTEMPT.matcher(log).results()
                .collect(Collectors.groupingBy(failure -> Long.parseLong(failure.group(1)), TreeMap::new,
                        Collectors.counting()));
    }

    private static long failuresOfNewest(String log) {
        NavigableMap<Long, Long> failures = failuresByNotification(log);
        return failures.isEmpty() ? 0 : failures.lastEntry().getValue();
    }
}
