package dev.daehwa.it.search;

import static dev.daehwa.it.search.Searcher.setOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.daehwa.it.support.App;
import dev.daehwa.it.support.ChatUser;
import dev.daehwa.it.support.DaehwaIT;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a search finds, through the API: Korean analysis, the operators (mentions: too), order and paging. */
@DaehwaIT
class SearchIT {

    private static final Duration INDEXED = Duration.ofSeconds(15);

    @Test
    void koreanWordsMatchWhateverParticleOrEndingFollows(App app) {
        ChatUser minji = app.newUser("ko");
        long room = minji.createRoomId();
        long seoulMeet = minji.sendId(room, "서울에서 만나요");
        long seoulCold = minji.sendId(room, "서울은 춥다");
        long meeting = minji.sendId(room, "내일 회의를 합시다");
        minji.sendId(room, "부산 날씨가 좋네요");
        long cafe = minji.sendId(room, "회사 앞 카페에서 봐요");
        Searcher search = new Searcher(minji);
        search.awaitExactly("카페", INDEXED, setOf(cafe)); // the last one sent: all are indexed

        assertEquals(setOf(seoulMeet, seoulCold), search.idSet("서울"), "서울 finds 서울에서 and 서울은");
        assertEquals(setOf(meeting), search.idSet("회의"), "회의 finds 회의를");
        assertEquals(setOf(seoulMeet), search.idSet("만났어요"), "the verb stem matches across endings");
        assertEquals(setOf(seoulCold), search.idSet("서울 추워요"), "all words must match, each by its stem");
    }

    @Test
    void formattedMessagesAreFoundByTheirWordsAndHighlightedWithoutTheirMarkdown(App app) {
        ChatUser minji = app.newUser("mdsearch");
        long room = minji.createRoomId();
        long formatted = minji.sendId(room, "**회의록** 정리는 [여기](https://example.com/minutes) `deploy`");
        Searcher search = new Searcher(minji);
        search.awaitExactly("회의록", INDEXED, setOf(formatted));

        String highlight = Searcher.results(search.page("회의록", "")).getFirst().getString("highlight");
        assertEquals(setOf(formatted), search.idSet("deploy"));
        assertTrue(highlight.contains("<mark>회의록</mark> 정리는 여기"), highlight);
        assertFalse(highlight.contains("**") || highlight.contains("]("), "Markdown in the highlight: " + highlight);
        assertEquals(setOf(), search.idSet("minutes"), "a link's address is not its text");
    }

    @Test
    void phrasesExclusionsAndSenders(App app) {
        ChatUser minji = app.newUser("ops");
        ChatUser joon = app.newUser("ops");
        long room = minji.createRoomId(joon);
        long a = minji.sendId(room, "release notes are ready");
        long b = joon.sendId(room, "notes for the release are ready");
        long c = joon.sendId(room, "the release is delayed");
        Searcher search = new Searcher(minji);
        search.awaitExactly("release", INDEXED, setOf(a, b, c));

        assertEquals(setOf(a), search.idSet("\"release notes\""), "a phrase keeps its words together and in order");
        assertEquals(setOf(a, b), search.idSet("release notes"), "words without quotes may be anywhere");
        assertEquals(setOf(a, b), search.idSet("release -delayed"), "-word excludes");
        assertEquals(setOf(c), search.idSet("release -\"are ready\""), "-\"phrase\" excludes");
        assertEquals(setOf(b, c), search.idSet("release from:" + joon.username()), "from: keeps one sender");
        assertEquals(setOf(b, c), search.idSet("release from:@" + joon.username().toUpperCase()),
                "from: takes an @ and ignores case");
        assertEquals(setOf(), search.idSet("release from:nobody_" + joon.username()), "an unknown sender finds nothing");
        assertEquals(setOf(a, b, c), search.idSet("from:" + minji.username() + " from:" + joon.username()),
                "several from: mean any of them, and operators alone are a search");
    }

    /** Mentions come last in these messages: a username ending in digits can change how nori reads the next word. */
    @Test
    void mentionsFindsWhatMentionsThatPerson(App app) {
        ChatUser minji = app.newUser("mention");
        ChatUser joon = app.newUser("mention");
        ChatUser dami = app.newUser("다미");
        ChatUser stranger = app.newUser("mention");
        long room = minji.createRoomId(joon, dami);
        long toMinji = joon.sendId(room, "회의 자료 봐주세요 @" + minji.username());
        long toDami = joon.sendId(room, "회의 일정 알려주세요 @" + dami.username());
        long toBoth = joon.sendId(room, "회의 장소 예약했어요 @" + minji.username() + " @" + dami.username());
        long toStranger = joon.sendId(room, "회의 오세요 @" + stranger.username());
        long toNobody = joon.sendId(room, "회의는 세 시");
        Searcher search = new Searcher(minji);
        search.awaitExactly("회의", INDEXED, setOf(toMinji, toDami, toBoth, toStranger, toNobody));

        assertEquals(setOf(toMinji, toBoth), search.idSet("mentions:me"), "mentions:me finds what mentions me only");
        assertEquals(setOf(toDami, toBoth), new Searcher(dami).idSet("mentions:ME"), "me is whoever searches");
        assertEquals(setOf(toDami, toBoth), search.idSet("mentions:" + dami.username()), "a Hangul username");
        assertEquals(setOf(toMinji, toBoth), search.idSet("mentions:@" + minji.username().toUpperCase()),
                "mentions: takes an @ and ignores case");
        assertEquals(setOf(toMinji), search.idSet("자료 mentions:me"), "combined with words");
        assertEquals(setOf(), search.idSet("일정 mentions:me"));
        assertEquals(setOf(toMinji, toDami, toBoth), search.idSet("mentions:me mentions:" + dami.username()),
                "several mentions: mean any of them");
        assertEquals(setOf(), search.idSet("mentions:" + stranger.username()),
                "someone who is not in the room is not mentioned by an @ of their name");
        assertEquals(setOf(), search.idSet("회의 mentions:nobody_" + minji.username()), "an unknown username finds nothing");
    }

    @Test
    void mentionsCombinesWithFromAndOnlyCountsMembersAtPostTime(App app) {
        ChatUser minji = app.newUser("mentfrom");
        ChatUser joon = app.newUser("mentfrom");
        ChatUser hana = app.newUser("mentfrom");
        ChatUser dami = app.newUser("mentfrom");
        long room = minji.createRoomId(joon, hana);
        long byMinji = minji.sendId(room, "배포 준비됐나요 @" + joon.username());
        long byHana = hana.sendId(room, "배포 메모 @" + joon.username());
        long beforeJoining = joon.sendId(room, "배포 같이 해요 @" + dami.username());
        minji.addMember(room, dami);
        long afterJoining = joon.sendId(room, "배포 시작해요 @" + dami.username());
        Searcher search = new Searcher(minji);
        search.awaitExactly("배포", INDEXED, setOf(byMinji, byHana, beforeJoining, afterJoining));

        assertEquals(setOf(byMinji, byHana), search.idSet("mentions:" + joon.username()));
        assertEquals(setOf(byMinji), search.idSet("mentions:" + joon.username() + " from:" + minji.username()),
                "mentions: and from: must both hold");
        assertEquals(setOf(byHana), search.idSet("배포 from:" + hana.username() + " mentions:" + joon.username()));
        assertEquals(setOf(afterJoining), new Searcher(dami).idSet("mentions:me"),
                "who was not a member when the message was sent was not mentioned by it");
        assertEquals(setOf(), new Searcher(dami).idSet("mentions:me in:nowhere"), "the room filter still applies");
    }

    @Test
    void mentionsOfMeNeverReachIntoRoomsIAmNotIn(App app) {
        ChatUser minji = app.newUser("mentperm");
        ChatUser joon = app.newUser("mentperm");
        long shared = joon.createRoomId(minji);
        long joonsOwn = joon.createRoomId();
        long visible = joon.sendId(shared, "비밀 아님 @" + minji.username());
        long hidden = joon.sendId(joonsOwn, "비밀 @" + minji.username());
        new Searcher(joon).awaitExactly("비밀", INDEXED, setOf(visible, hidden));

        assertEquals(setOf(visible), new Searcher(minji).idSet("mentions:me"), "only rooms the searcher is in");
        assertEquals(setOf(), new Searcher(joon).idSet("mentions:" + minji.username() + " in:nowhere"));
    }

    @Test
    void inRoomsAndTheRoomParameter(App app) {
        ChatUser minji = app.newUser("inroom");
        long team = minji.createRoom("Team chat").getJsonNumber("id").longValue();
        long random = minji.createRoom("잡담").getJsonNumber("id").longValue();
        long inTeam = minji.sendId(team, "점심 메뉴 정하자");
        long inRandom = minji.sendId(random, "점심 뭐 먹지");
        Searcher search = new Searcher(minji);
        search.awaitExactly("점심", INDEXED, setOf(inTeam, inRandom));

        assertEquals(setOf(inTeam), search.idSet("점심 in:\"team chat\""), "in: takes a quoted name, ignoring case");
        assertEquals(setOf(inRandom), search.idSet("점심 in:잡담"));
        assertEquals(setOf(), search.idSet("점심 in:nowhere"));
        assertEquals(setOf(inRandom), Set.copyOf(Searcher.ids(search.page("점심", "room=" + random))));
        JsonObject result = Searcher.results(search.page("점심", "room=" + team)).getFirst();
        assertEquals(team, result.getJsonObject("room").getJsonNumber("id").longValue());
        assertEquals("Team chat", result.getJsonObject("room").getString("name"));
    }

    @Test
    void datesAreDaysInTheSearchersTimeZone(App app) {
        ChatUser minji = app.newUser("dates");
        long room = minji.createRoomId();
        long sent = minji.sendId(room, "deadline reminder");
        Searcher search = new Searcher(minji);
        search.awaitExactly("deadline", INDEXED, setOf(sent));
        for (String zone : List.of("UTC", "Asia/Seoul", "America/Los_Angeles")) {
            LocalDate today = LocalDate.now(ZoneId.of(zone));
            String tz = "tz=" + zone.replace("/", "%2F");
            assertEquals(Set.of(sent), Set.copyOf(Searcher.ids(search.page("deadline after:" + today.minusDays(1), tz))), zone);
            assertEquals(Set.of(), Set.copyOf(Searcher.ids(search.page("deadline after:" + today, tz))), zone);
            assertEquals(Set.of(sent), Set.copyOf(Searcher.ids(search.page("deadline before:" + today.plusDays(1), tz))), zone);
            assertEquals(Set.of(), Set.copyOf(Searcher.ids(search.page("deadline before:" + today, tz))), zone);
        }
    }

    @Test
    void hasLinkFindsMessagesWithALink(App app) {
        ChatUser minji = app.newUser("links");
        long room = minji.createRoomId();
        long withLink = minji.sendId(room, "문서는 https://example.com/docs 에 있어요");
        long without = minji.sendId(room, "문서는 위키에 있어요");
        long notALink = minji.sendId(room, "문서 주소는 https:// 로 시작해요");
        Searcher search = new Searcher(minji);
        search.awaitExactly("문서", INDEXED, setOf(withLink, without, notALink));
        assertEquals(setOf(withLink), search.idSet("문서 has:link"));
        assertEquals(setOf(withLink), search.idSet("has:LINK"));
    }

    @Test
    void recentOrderPagesThroughEveryMatchOnce(App app) {
        ChatUser minji = app.newUser("pages");
        long room = minji.createRoomId();
        List<Long> sent = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            sent.add(minji.sendId(room, "배포 " + i + "번째 공지"));
        }
        Searcher search = new Searcher(minji);
        search.await("배포", INDEXED, found -> found.size() == 7);

        List<Long> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonObject page = search.page("배포", "order=recent&limit=3" + (cursor == null ? "" : "&before=" + cursor));
            assertEquals(7, page.getJsonNumber("total").longValue(), "total counts every match on every page");
            seen.addAll(Searcher.ids(page));
            cursor = page.isNull("next") ? null : page.getString("next");
            pages++;
        } while (cursor != null && pages < 10);
        assertEquals(3, pages);
        assertEquals(sent.reversed(), seen, "newest first, each once");
    }

    @Test
    void relevanceComesFirstAndRecencyBreaksTies(App app) {
        ChatUser minji = app.newUser("rank");
        long room = minji.createRoomId();
        long once = minji.sendId(room, "캐시 문제 정리했습니다 그리고 다른 일도 많이 했어요 오늘은 바빴습니다");
        long older = minji.sendId(room, "캐시 캐시 캐시");
        long newer = minji.sendId(room, "캐시 캐시 캐시");
        Searcher search = new Searcher(minji);
        search.await("캐시", INDEXED, found -> found.size() == 3);
        assertEquals(List.of(newer, older, once), search.ids("캐시"));

        Set<Long> paged = new HashSet<>();
        JsonObject first = search.page("캐시", "limit=2");
        paged.addAll(Searcher.ids(first));
        assertNotNull(first.getString("next"));
        JsonObject second = search.page("캐시", "limit=2&before=" + first.getString("next"));
        paged.addAll(Searcher.ids(second));
        assertTrue(second.isNull("next"));
        assertEquals(setOf(once, older, newer), paged, "relevance pages cover every match");
    }

    @Test
    void wordsThatAnalyzeToNothingFindNothing(App app) {
        ChatUser minji = app.newUser("stop");
        long room = minji.createRoomId();
        minji.sendId(room, "그것은 사실입니다");
        Searcher search = new Searcher(minji);
        search.await("사실", INDEXED, found -> found.size() == 1);
        JsonObject page = search.page("은", "");
        assertEquals(0, page.getJsonNumber("total").longValue(), "a lone particle is not a word to look for");
        assertFalse(page.getJsonArray("results").iterator().hasNext());
    }

    @Test
    void malformedSearchesGetAClearBadRequest(App app) {
        ChatUser minji = app.newUser("bad");
        minji.createRoomId();
        Searcher search = new Searcher(minji);
        record Bad(String query, String more, String field, String code) {
        }
        List<Bad> cases = List.of(
                new Bad("", "", "q", "required"),
                new Bad("   ", "", "q", "required"),
                new Bad("-혼자", "", "q", "required"),
                new Bad("\"닫히지 않은", "", "q", "unclosed-quote"),
                new Bad("회의 from:", "", "q", "empty-operator"),
                new Bad("회의 -from:joon", "", "q", "negated-operator"),
                new Bad("회의 -mentions:me", "", "q", "negated-operator"),
                new Bad("mentions:", "", "q", "empty-operator"),
                new Bad("회의 before:2026-13-01", "", "q", "bad-date"),
                new Bad("회의 after:yesterday", "", "q", "bad-date"),
                new Bad("회의 has:image", "", "q", "unknown-has"),
                new Bad("가".repeat(501), "", "q", "too-long"),
                new Bad("회의", "limit=0", "limit", "search-range"),
                new Bad("회의", "limit=51", "limit", "search-range"),
                new Bad("회의", "limit=abc", "limit", "format"),
                new Bad("회의", "order=oldest", "order", "unknown"),
                new Bad("회의", "tz=Mars%2FOlympus", "tz", "unknown"),
                new Bad("회의", "before=not-a-cursor", "before", "cursor"),
                new Bad("회의", "room=abc", "room", "format"));
        for (Bad bad : cases) {
            JsonObject problem = search.get(bad.query(), bad.more()).validationProblem(bad.field());
            String code = problem.getJsonArray("errors").getJsonObject(0).getString("code");
            assertEquals(bad.code(), code, () -> bad + " answered " + problem);
        }
        // not malformed: colons that are not operators are words
        search.get("10:30 https://example.com", "").expect(200);
    }

    @Test
    void aRelevanceCursorIsNotARecentOne(App app) {
        ChatUser minji = app.newUser("cursor");
        long room = minji.createRoomId();
        for (int i = 0; i < 3; i++) {
            minji.sendId(room, "커서 " + i);
        }
        Searcher search = new Searcher(minji);
        search.await("커서", INDEXED, found -> found.size() == 3);
        String next = search.page("커서", "limit=1").getString("next");
        search.get("커서", "limit=1&order=recent&before=" + next).validationProblem("before");
        assertEquals(1, Searcher.ids(search.page("커서", "limit=1&before=" + next)).size());
    }
}
