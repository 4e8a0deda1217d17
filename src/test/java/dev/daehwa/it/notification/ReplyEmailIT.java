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
import org.junit.jupiter.api.Test;

/**
 * A reply reaches the author of the message it answers as a mention does: through the
 * mentions-only cadence and a muted room, saying who replied; answering oneself notifies nobody.
 */
@DaehwaIT
class ReplyEmailIT {

    private static void reply(ChatUser sender, long room, String content, long replyTo) {
        sender.agent().post("api/messages", Jsons.object("roomId", room, "content", content, "replyTo", replyTo))
                .expect(201);
    }

    @Test
    void theMentionsCadenceEmailsAReplyToMeAndSaysWhoReplied(App app) {
        ChatUser minji = app.newConfirmedUser("replied");
        ChatUser joon = app.newConfirmedUser("replier");
        ChatUser sora = app.newConfirmedUser("bystander");
        long room = minji.createRoomId(joon, sora);
        minji.chooseEmail("mentions");
        joon.chooseEmail("mentions");
        sora.chooseEmail("never");
        long mine = minji.sendId(room, "who reviews the release notes?");
        long joons = joon.sendId(room, "I wrote the changelog");

        reply(minji, room, "answering myself: not me", mine);
        reply(joon, room, "I can review them tonight", mine);
        // after Joon's last post, which marked everything before it read for him
        reply(sora, room, "nice changelog", joons);

        ReceivedEmail email = exactlyOneEmail(app.mail(), minji);
        assertEquals(joon.displayName() + " replied to you in “room of " + minji.username() + "”", email.subject());
        assertTrue(email.text().contains("I can review them tonight"), email.text());
        assertFalse(email.text().contains("nice changelog") || email.text().contains("answering myself")
                || email.text().contains("I wrote the changelog"), "only the reply to her is shown: " + email.text());
        exactlyOneEmail(app.mail(), joon);
        assertNoEmail(app.mail(), sora);
    }

    @Test
    void answeringOneselfEmailsNobody(App app) {
        ChatUser minji = app.newConfirmedUser("selfreply");
        ChatUser joon = app.newConfirmedUser("mutedmember");
        long room = minji.createRoomId(joon);
        minji.chooseEmail("mentions");
        joon.chooseEmail("immediate", room);
        long mine = minji.sendId(room, "a note");

        reply(minji, room, "a note to the note", mine);
        long joons = joon.sendId(room, "and mine");
        reply(minji, room, "answering you", joons);

        ReceivedEmail email = exactlyOneEmail(app.mail(), joon);
        assertTrue(email.subject().contains(minji.displayName() + " replied to you"), email.subject());
        assertTrue(email.text().contains("answering you"), email.text());
        assertFalse(email.text().contains("a note to the note"), "a muted room shows only what is addressed: " + email.text());
        assertNoEmail(app.mail(), minji);
    }
}
