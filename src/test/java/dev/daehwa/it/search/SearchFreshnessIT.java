package dev.daehwa.it.search;

import static dev.daehwa.it.search.Searcher.setOf;
import static dev.daehwa.it.support.Jsons.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.daehwa.it.support.App;
import dev.daehwa.it.support.ChatUser;
import dev.daehwa.it.support.DaehwaIT;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The index follows the conversation: new messages within a second, edits and deletes too. */
@DaehwaIT
class SearchFreshnessIT {

    private static final Duration ONE_SECOND = Duration.ofSeconds(1);

    @Test
    void aMessageIsFoundWithinOneSecondOfBeingSent(App app) {
        ChatUser minji = app.newUser("fresh");
        long room = minji.createRoomId();
        Searcher search = new Searcher(minji);
        // several rounds, so that one lucky pass of the indexer cannot make this pass
        for (int round = 0; round < 5; round++) {
            String word = "신선도" + round + "확인";
            long sent = minji.sendId(room, "방금 보낸 " + word + " 메시지");
            search.awaitExactly(word, ONE_SECOND, setOf(sent));
        }
    }

    @Test
    void anEditedMessageIsFoundByItsNewWordsOnly(App app) {
        ChatUser minji = app.newUser("edit");
        long room = minji.createRoomId();
        long sent = minji.sendId(room, "회의는 월요일입니다");
        Searcher search = new Searcher(minji);
        search.awaitExactly("월요일", ONE_SECOND, setOf(sent));

        minji.agent().patch("api/messages/" + sent, object("content", "회의는 화요일로 바뀌었습니다")).expect(200);

        search.awaitExactly("월요일", ONE_SECOND, setOf());
        assertEquals(setOf(sent), search.idSet("화요일"));
        String highlight = Searcher.results(search.page("화요일", "")).getFirst().getString("highlight");
        assertTrue(highlight.contains("<mark>화요일</mark>"), highlight);
    }

    @Test
    void aDeletedMessageIsNoLongerFound(App app) {
        ChatUser minji = app.newUser("delete");
        long room = minji.createRoomId();
        long kept = minji.sendId(room, "삭제 테스트 남길 것");
        long deleted = minji.sendId(room, "삭제 테스트 지울 것");
        Searcher search = new Searcher(minji);
        search.awaitExactly("삭제", ONE_SECOND, setOf(kept, deleted));

        minji.agent().delete("api/messages/" + deleted).expectOneOf(200, 204);

        // the total comes from the index alone: it drops to 1 only when the index forgot the message
        JsonObject page = search.awaitPage("삭제", "", ONE_SECOND, answer -> answer.getJsonNumber("total").longValue() == 1);
        assertEquals(List.of(kept), Searcher.ids(page));
        assertEquals(List.of(), search.ids("지울"));
    }
}
