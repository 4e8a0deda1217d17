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
import org.junit.jupiter.api.Test;

/** The SMTP server goes away and comes back: the email waits in the queue, and arrives once. */
@DaehwaIT
class EmailOutageIT {

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
            // The first attempts fail (retries at 0.6, 1.2, 2.4 s in the tests' time scale).
            Pause.of(Duration.ofSeconds(4));
            assertNoEmail(mail, joon);
        } finally {
            mail.start();
        }
        ReceivedEmail email = exactlyOneEmail(mail, joon);

        assertTrue(email.text().contains("sent while the mail server is down"), email.text());
        String log = app.serverLog().substring(logBefore);
        assertTrue(log.contains("not sent, will retry"), "the failed attempts happened and were logged");
    }
}
