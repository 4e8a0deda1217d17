package dev.daehwa.it.notification;

import static dev.daehwa.it.notification.Notified.exactlyOneEmailEach;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.daehwa.it.support.App;
import dev.daehwa.it.support.ChatUser;
import dev.daehwa.it.support.DaehwaIT;
import dev.daehwa.it.support.ReceivedEmail;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Two app nodes on one PostgreSQL, both running the notification worker against the same queue:
 * every email is sent once. (PostgreSQL pass only; H2 is one process's file.)
 */
@DaehwaIT
class EmailClusterIT {

    @Test
    void twoNodesSendEachEmailOnce(App app) {
        App second = app.startAnotherNode("mail-node");
        try {
            ChatUser minji = app.newUser("cluster");
            // Thirty notifications falling due at the same moment: more than one worker takes at
            // a time, so both nodes' workers reach for the same rows.
            List<ChatUser> readers = IntStream.range(0, 30).mapToObj(i -> app.newUser("cluster")).toList();
            readers.forEach(reader -> reader.chooseEmail("2m"));
            long room = minji.createRoomId(readers.toArray(ChatUser[]::new));
            minji.send(room, "one message, thirty readers, two nodes");

            for (ReceivedEmail email : exactlyOneEmailEach(app.mail(), readers)) {
                assertTrue(email.text().contains("one message, thirty readers, two nodes"));
            }
        } finally {
            second.stopNode();
        }
    }
}
