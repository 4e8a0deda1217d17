package dev.daehwa.it.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.daehwa.it.search.Searcher;
import dev.daehwa.it.support.App;
import dev.daehwa.it.support.ChatUser;
import dev.daehwa.it.support.DaehwaIT;
import dev.daehwa.it.support.HungSmtp;
import dev.daehwa.it.support.MailServer;
import dev.daehwa.it.support.Pause;
import dev.daehwa.it.support.ReceivedEmail;
import dev.daehwa.it.support.WsClient;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A mail server that accepts the connection and then never answers keeps the notification worker
 * waiting for up to its read timeout (a minute). Nothing else may wait with it: sockets still go
 * live when their resume grace ends, and new messages still become searchable. Both ran on one
 * shared scheduler thread with the worker's passes once, and stopped for as long as a send hung.
 */
@DaehwaIT
class HungMailServerIT {

    private static final String WHILE_HUNG = "메일 서버가 멈춘 동안 보낸 메시지";
    /** Far below the worker's one-minute read timeout, so a wait behind the hung send fails them. */
    private static final Duration SEARCHABLE_WITHIN = Duration.ofSeconds(15);
    private static final Duration HELD_AT_MOST = Duration.ofSeconds(10);

    @Test
    void aMailServerThatNeverAnswersHoldsUpNeitherLiveEventsNorSearch(App app) {
        MailServer mail = app.mail();
        ChatUser minji = app.newUser("hang");
        ChatUser joon = app.newConfirmedUser("hang");
        ChatUser sora = app.newUser("hang");
        joon.chooseEmail("immediate");
        long emailed = minji.createRoomId(joon);
        long other = minji.createRoomId(sora);

        try {
            HungSmtp hung = mail.hang();
            minji.send(emailed, WHILE_HUNG);
            assertTrue(hung.awaitConnection(Notified.ARRIVAL_TIMEOUT),
                    "the worker never tried to send joon's email, so nothing was held up");

            try (WsClient plain = WsClient.open(app, sora)) {
                plain.hello();
                long sent = minji.sendId(other, "멈춤점검 검색어가 든 메시지");

                WsClient.Frame created = plain.awaitFrame("message.created", WsClient.carrying(sent), HELD_AT_MOST,
                        "live events flow after the resume grace while the mail server hangs");
                long afterHello = plain.millisAfterHello(created);
                assertTrue(afterHello <= HELD_AT_MOST.toMillis(),
                        "the resume grace (~2 s) ended " + afterHello + " ms after hello");
                new Searcher(minji).awaitExactly("멈춤점검", SEARCHABLE_WITHIN, Set.of(sent));
            }
        } finally {
            mail.start();
        }

        // The hung attempt failed when its connection dropped; the retry delivers the email, once.
        mail.awaitEmailsTo(joon.email(), 1, Notified.ARRIVAL_TIMEOUT);
        Pause.of(Notified.QUIET_PERIOD);
        List<ReceivedEmail> aboutIt = mail.emailsTo(joon.email()).stream()
                .filter(email -> email.text().contains(WHILE_HUNG)).toList();
        assertEquals(1, aboutIt.size(), "joon is emailed about the message exactly once");
    }
}
