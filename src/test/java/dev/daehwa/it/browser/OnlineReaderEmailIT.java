package dev.daehwa.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.daehwa.it.support.App;
import dev.daehwa.it.support.ChatUser;
import dev.daehwa.it.support.Jsons;
import dev.daehwa.it.support.Pause;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Nobody is emailed about what they are reading: a member with the room open in a browser sees
 * the message arrive live, the page moves their read marker, and the email that was queued for
 * them finds nothing unread when it falls due. A member who is away gets the email.
 */
@BrowserIT
class OnlineReaderEmailIT {

    @Test
    void aMemberReadingTheRoomLiveIsNotEmailedAndOneWhoIsAwayIs(App app, Browsers browsers) {
        ChatUser minji = app.newUser("online");
        ChatUser reading = app.newConfirmedUser("online");
        ChatUser away = app.newConfirmedUser("away");
        // "15m" is 18 s at the tests' time scale: the page marks the message read a second after it
        // shows, and with "2m" (2.4 s) a slow browser on a loaded machine was emailed before that.
        List.of(reading, away).forEach(user -> user.chooseEmail("15m"));
        long room = Jsons.id(minji.createRoom("Live readers", reading, away));
        Browser browser = browsers.open(app).logIn(reading);
        RoomPage page = RoomPage.open(browser, room);
        LivePagesIT.awaitConnected(browser);

        minji.send(room, "who is here?");
        page.message("who is here?");

        app.mail().awaitEmailsTo(away.email(), 1, Duration.ofSeconds(60));
        // The away member's email was due at the same moment as the reader's would have been, so
        // the worker pass that sent it, or the next one a second later, would have sent the
        // reader's: a fixed wait, because what it shows is that nothing more comes.
        Pause.of(Duration.ofSeconds(2));
        assertEquals(1, app.mail().emailsTo(away.email()).size());
        assertTrue(app.mail().emailsTo(reading.email()).isEmpty(), "the reader read it live: no email");
    }
}
