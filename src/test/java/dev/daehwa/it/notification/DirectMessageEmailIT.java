package dev.daehwa.it.notification;

import static dev.daehwa.it.notification.Notified.assertNoEmail;
import static dev.daehwa.it.notification.Notified.exactlyOneEmail;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.daehwa.it.support.App;
import dev.daehwa.it.support.ChatUser;
import dev.daehwa.it.support.DaehwaIT;
import dev.daehwa.it.support.Jsons;
import dev.daehwa.it.support.ReceivedEmail;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A direct message is addressed to its reader as a mention is: it is emailed under the
 * mentions-only cadence and from a muted direct room, unless mention email is off.
 */
@DaehwaIT
class DirectMessageEmailIT {

    @Test
    void theMentionsCadenceEmailsADirectMessageThatMentionsNobody(App app) {
        ChatUser minji = app.newConfirmedUser("dmwriter");
        ChatUser joon = app.newConfirmedUser("dmmentions");
        joon.chooseEmail("mentions");
        long room = minji.openDirectId(joon);

        minji.send(room, "are you free for lunch tomorrow?");

        ReceivedEmail email = exactlyOneEmail(app.mail(), joon);
        assertTrue(email.text().contains("lunch tomorrow"), email.text());
        assertTrue(email.subject().equals(minji.displayName() + " sent you a message"), email.subject());
        assertNoEmail(app.mail(), minji);
    }

    @Test
    void aMutedDirectRoomStillEmailsItsMessages(App app) {
        ChatUser minji = app.newConfirmedUser("dmwriter");
        ChatUser joon = app.newConfirmedUser("dmmuted");
        long room = minji.openDirectId(joon);
        joon.chooseEmail("immediate", room);

        minji.send(room, "the build is red again");

        ReceivedEmail email = exactlyOneEmail(app.mail(), joon);
        assertTrue(email.text().contains("the build is red again"), email.text());
    }

    @Test
    void mentionEmailOffSilencesAMutedDirectRoom(App app) {
        ChatUser minji = app.newConfirmedUser("dmwriter");
        ChatUser quiet = app.newConfirmedUser("dmquiet");
        ChatUser control = app.newConfirmedUser("dmcontrol");
        long room = minji.openDirectId(quiet);
        long controlRoom = minji.openDirectId(control);
        quiet.agent().put("api/auth/me/notifications", Jsons.object(
                "email", "immediate", "mutedRooms", List.of(room), "mentions", false)).expect(200);
        control.chooseEmail("mentions");

        minji.send(room, "nobody hears this");
        minji.send(controlRoom, "but this one is heard");

        exactlyOneEmail(app.mail(), control); // the worker ran
        assertNoEmail(app.mail(), quiet);
    }
}
