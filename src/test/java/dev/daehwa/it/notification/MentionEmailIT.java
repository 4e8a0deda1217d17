package dev.daehwa.it.notification;

import static dev.daehwa.it.notification.Notified.assertNoEmail;
import static dev.daehwa.it.notification.Notified.exactlyOneEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.daehwa.it.support.App;
import dev.daehwa.it.support.ChatUser;
import dev.daehwa.it.support.DaehwaIT;
import dev.daehwa.it.support.Jsons;
import dev.daehwa.it.support.ReceivedEmail;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Mentions by email: a mention reaches a member through a muted room and through the
 * mentions-only cadence, says who mentioned them, and stops when they turn mention email off.
 */
@DaehwaIT
class MentionEmailIT {

    @Test
    void aMentionIsEmailedFromAMutedRoomAndSaysWhoMentioned(App app) {
        ChatUser minji = app.newConfirmedUser("mentioner");
        ChatUser muted = app.newConfirmedUser("mutedmention");
        ChatUser bystander = app.newConfirmedUser("mutedbystander");
        long room = minji.createRoomId(muted, bystander);
        muted.chooseEmail("immediate", room);
        bystander.chooseEmail("immediate", room);

        minji.send(room, "@" + muted.username() + " can you check the build?");
        ReceivedEmail email = exactlyOneEmail(app.mail(), muted);
        assertTrue(email.subject().contains(minji.displayName() + " mentioned you"), email.subject());
        assertTrue(email.text().contains("can you check the build?"), email.text());
        assertNoEmail(app.mail(), bystander, minji);
    }

    @Test
    void theMentionsCadenceEmailsOnlyTheMessagesThatMentionMe(App app) {
        ChatUser minji = app.newConfirmedUser("mentioner");
        ChatUser joon = app.newConfirmedUser("onlymentions");
        long room = minji.createRoomId(joon);
        joon.chooseEmail("mentions");

        minji.send(room, "just chatting, nobody in particular");
        assertNoEmail(app.mail(), joon);
        minji.send(room, "hey @" + joon.username().toUpperCase(java.util.Locale.ROOT) + ", lunch?");
        ReceivedEmail email = exactlyOneEmail(app.mail(), joon);
        assertTrue(email.text().contains("lunch?"), email.text());
        assertFalse(email.text().contains("just chatting"), "only the mention is shown: " + email.text());
    }

    @Test
    void turningMentionEmailOffSilencesMentionsInMutedRooms(App app) {
        ChatUser minji = app.newConfirmedUser("mentioner");
        ChatUser quiet = app.newConfirmedUser("nomentions");
        ChatUser control = app.newConfirmedUser("mentioncontrol");
        long room = minji.createRoomId(quiet, control);
        JsonObject stored = quiet.agent().put("api/auth/me/notifications", Jsons.object(
                "email", "immediate", "mutedRooms", List.of(room), "mentions", false)).expect(200).json();
        assertFalse(stored.getBoolean("mentions"));
        control.chooseEmail("immediate", room);

        minji.send(room, "@" + quiet.username() + " and @" + control.username() + " look");
        exactlyOneEmail(app.mail(), control); // the worker ran: the one with mention email on is emailed
        assertNoEmail(app.mail(), quiet);
    }

    @Test
    void mentionEmailIsOnByDefaultAndKeptWhenAPutLeavesItOut(App app) {
        ChatUser joon = app.newConfirmedUser("mentiondefault");
        assertTrue(joon.agent().get("api/auth/me/notifications").expect(200).json().getBoolean("mentions"));
        joon.agent().put("api/auth/me/notifications", Jsons.object("email", "1h", "mutedRooms", List.of(),
                "mentions", false)).expect(200);
        joon.chooseEmail("2m");
        JsonObject now = joon.agent().get("api/auth/me/notifications").expect(200).json();
        assertFalse(now.getBoolean("mentions"), "a PUT without mentions keeps it: " + now);
        assertEquals("2m", now.getString("email"));
        joon.agent().put("api/auth/me/notifications", Jsons.object("email", "mentions", "mutedRooms", List.of()))
                .expect(200);
        assertEquals("mentions", joon.agent().get("api/auth/me/notifications").expect(200).json().getString("email"));
    }

    @Test
    void nobodyIsEmailedForMentioningThemselvesOrANonMember(App app) {
        ChatUser minji = app.newConfirmedUser("selfmention");
        ChatUser outsider = app.newConfirmedUser("outsider");
        ChatUser joon = app.newConfirmedUser("mutedmember");
        long room = minji.createRoomId(joon);
        minji.chooseEmail("immediate");
        outsider.chooseEmail("immediate");
        joon.chooseEmail("immediate", room);

        minji.send(room, "@" + minji.username() + " @" + outsider.username() + " note to self");
        minji.send(room, "@" + joon.username() + " now you");
        exactlyOneEmail(app.mail(), joon);
        assertNoEmail(app.mail(), minji, outsider);
    }
}
