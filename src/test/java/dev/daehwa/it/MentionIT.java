package dev.daehwa.it;

import static dev.daehwa.it.support.Jsons.object;
import static dev.daehwa.it.support.WsClient.carrying;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.daehwa.it.support.App;
import dev.daehwa.it.support.ChatUser;
import dev.daehwa.it.support.Contract;
import dev.daehwa.it.support.DaehwaIT;
import dev.daehwa.it.support.Jsons;
import dev.daehwa.it.support.WsClient;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * @mentions over the API: who a message mentions (members only, any case, Hangul names, never
 * inside an address or a link), how it shows in the message's JSON everywhere, and the room
 * list's count of unread mentions.
 */
@DaehwaIT
class MentionIT {

    private static List<Long> mentionedIds(JsonObject message) {
        return message.getJsonArray("mentions").getValuesAs(JsonObject.class).stream().map(Jsons::id).toList();
    }

    @Test
    void membersNamedWithAnAtAreMentionedInOrderAnyCaseOnce(App app) {
        ChatUser minji = app.newUser("mentioner");
        ChatUser joon = app.newUser("joon");
        ChatUser hangul = app.newUser(App.uniqueUsername("민지"), "김민지");
        ChatUser outsider = app.newUser("outsider");
        long room = minji.createRoomId(joon, hangul);

        JsonObject message = minji.send(room, "@" + hangul.username() + " 안녕, @" + joon.username().toUpperCase()
                + " and @" + outsider.username() + " and again @" + joon.username() + ".");
        Contract.assertMessage(message);
        assertEquals(List.of(hangul.id(), joon.id()), mentionedIds(message), "members only, in order, each once");
        JsonObject first = message.getJsonArray("mentions").getJsonObject(0);
        Contract.assertUser(first, hangul);
    }

    @Test
    void anAtInsideAnAddressOrALinkMentionsNobody(App app) {
        ChatUser minji = app.newUser("mentioner");
        ChatUser joon = app.newUser("joon");
        long room = minji.createRoomId(joon);

        JsonObject message = minji.send(room, "mail x" + joon.username() + "@example.com or see https://example.com/@"
                + joon.username());
        assertEquals(List.of(), mentionedIds(message));
    }

    @Test
    void mentionsShowInHistoryInOneMessageAndFollowEdits(App app) {
        ChatUser minji = app.newUser("mentioner");
        ChatUser joon = app.newUser("joon");
        ChatUser sora = app.newUser("sora");
        long room = minji.createRoomId(joon, sora);
        long id = minji.sendId(room, "@" + joon.username() + " first");

        assertEquals(List.of(joon.id()), mentionedIds(joon.history(room).getLast()));
        assertEquals(List.of(joon.id()), mentionedIds(joon.agent().get("api/messages/" + id).expect(200).json()));
        JsonObject edited = minji.agent().patch("api/messages/" + id,
                object("content", "actually @" + sora.username())).expect(200).json();
        assertEquals(List.of(sora.id()), mentionedIds(edited), "an edit rewrites who is mentioned");
        assertEquals(List.of(sora.id()), mentionedIds(sora.history(room).getLast()));
    }

    @Test
    void theRoomListCountsUnreadMentionsUntilTheyAreRead(App app) {
        ChatUser minji = app.newUser("mentioner");
        ChatUser joon = app.newUser("joon");
        long room = minji.createRoomId(joon);
        minji.send(room, "hello everyone");
        minji.send(room, "@" + joon.username() + " one");
        long deleted = minji.sendId(room, "@" + joon.username() + " two");
        long last = minji.send(room, "@" + joon.username() + " three").getJsonNumber("seq").longValue();

        assertEquals(3, joon.room(room).getInt("mentionCount"));
        assertEquals(0, minji.room(room).getInt("mentionCount"), "the sender is not mentioned");
        minji.agent().delete("api/messages/" + deleted).expect(204);
        JsonObject listed = joon.rooms().stream().filter(r -> Jsons.id(r) == room).findFirst().orElseThrow();
        assertEquals(2, listed.getInt("mentionCount"), "a deleted message mentions nobody any more");
        assertEquals(4 - 1, listed.getInt("unreadCount"));

        joon.agent().post("api/rooms/" + room + "/read", object("seq", last)).expect(204);
        assertEquals(0, joon.room(room).getInt("mentionCount"));
    }

    @Test
    void aLiveMessageCarriesItsMentionsAndTheRoomUpdateTheCount(App app) {
        ChatUser minji = app.newUser("mentioner");
        ChatUser joon = app.newUser("joon");
        long room = minji.createRoomId(joon);
        try (WsClient joonWs = WsClient.live(app, joon)) {
            JsonObject sent = minji.send(room, "ping @" + joon.username());
            JsonObject live = joonWs.awaitFrame("message.created", carrying(Jsons.id(sent)),
                    "the mentioned member gets the message").message();
            assertEquals(List.of(joon.id()), mentionedIds(live));
        }
    }
}
