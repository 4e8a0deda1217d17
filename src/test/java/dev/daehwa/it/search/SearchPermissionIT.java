package dev.daehwa.it.search;

import static dev.daehwa.it.search.Searcher.setOf;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.daehwa.it.support.App;
import dev.daehwa.it.support.ChatUser;
import dev.daehwa.it.support.DaehwaIT;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Only members find a room's messages, and the filter is inside the query: totals and pages
 * count nothing the searcher may not see, and a removed member stops finding the room at once.
 */
@DaehwaIT
class SearchPermissionIT {

    private static final Duration INDEXED = Duration.ofSeconds(15);

    @Test
    void onlyMembersFindARoomsMessagesAndTotalsDoNotLeak(App app) {
        ChatUser minji = app.newUser("perm");
        ChatUser joon = app.newUser("perm");
        long shared = minji.createRoomId(joon);
        long secret = minji.createRoomId();
        long inShared = minji.sendId(shared, "예산 초안 공유합니다");
        long[] inSecret = new long[5];
        for (int i = 0; i < inSecret.length; i++) {
            inSecret[i] = minji.sendId(secret, "예산 비밀 " + i);
        }
        Searcher asMinji = new Searcher(minji);
        Searcher asJoon = new Searcher(joon);
        asMinji.await("예산", INDEXED, found -> found.size() == 6);

        JsonObject page = asJoon.page("예산", "limit=1");
        assertEquals(1, page.getJsonNumber("total").longValue(), "the total counts only rooms I am in");
        assertEquals(List.of(inShared), Searcher.ids(page));
        assertEquals(true, page.isNull("next"), "no next page made of other rooms' messages");
        assertEquals(setOf(inShared), asJoon.idSet("예산 from:" + minji.username()), "operators do not widen it");
        assertEquals(setOf(), asJoon.idSet("비밀"), "not even with the secret room's own words");
        asJoon.get("예산", "room=" + secret).problem(404);
        asJoon.get("예산", "room=999999999").problem(404);
    }

    @Test
    void aRemovedMemberStopsFindingTheRoomAtOnce(App app) {
        ChatUser minji = app.newUser("removed");
        ChatUser joon = app.newUser("removed");
        long room = minji.createRoomId(joon);
        long sent = minji.sendId(room, "분기 실적 보고");
        Searcher asJoon = new Searcher(joon);
        asJoon.awaitExactly("실적", INDEXED, setOf(sent));

        minji.agent().delete("api/rooms/" + room + "/users/" + joon.username()).expectOneOf(200, 204);

        JsonObject page = asJoon.page("실적", "");
        assertEquals(0, page.getJsonNumber("total").longValue(), "the very next search");
        asJoon.get("실적", "room=" + room).problem(404);
        assertEquals(setOf(sent), new Searcher(minji).idSet("실적"), "the owner still finds it");
    }

    @Test
    void searchNeedsALogin(App app) {
        app.anonymous().get("api/search?q=x").problem(401);
    }
}
