package dev.daehwa.it.browser;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.daehwa.it.browser.Browser.Language;
import dev.daehwa.it.browser.Browser.Screen;
import dev.daehwa.it.support.App;
import dev.daehwa.it.support.ChatUser;
import dev.daehwa.it.support.Pause;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** Searching in the browser: the box, the results with their highlight, and the jump to the message. */
@BrowserIT
class SearchPageIT {

    @Test
    void aResultOpensTheRoomAtTheMessageAndMarksIt(App app, Browsers browsers) {
        ChatUser minji = app.newUser("search");
        long roomId = minji.createRoom("서울 출장").getJsonNumber("id").longValue();
        for (int seq = 1; seq <= 120; seq++) {
            minji.sendId(roomId, seq == 10 ? "서울에서 만나요 <b>굵게</b>" : "잡담 " + seq);
        }
        awaitIndexed(minji, "잡담", 119);
        Browser browser = browsers.open(app, Screen.DESKTOP, Language.KOREAN).logIn(minji);

        WebElement box = browser.visible(By.id("rooms-search-q"));
        box.sendKeys("서울", Keys.ENTER);
        browser.awaitPath("search.xhtml");
        List<WebElement> results = browser.all(By.cssSelector("#search-results .search-result"));
        WebElement result = results.getFirst();
        assertAll(
                () -> assertEquals(1, results.size()),
                () -> assertTrue(browser.text(By.id("search-summary")).contains("검색 결과 1건"), "the summary is Korean"),
                () -> assertEquals("서울", result.findElement(By.cssSelector("mark")).getText()),
                () -> assertTrue(result.getText().contains("<b>굵게</b>"), "markup in a message is text"),
                () -> assertTrue(result.findElements(By.cssSelector("b")).isEmpty(), "markup became an element"),
                () -> assertTrue(result.getText().contains("서울 출장"), "the room is named"));

        result.click();
        browser.awaitPath("rooms/" + roomId);
        WebElement focused = browser.visible(By.cssSelector("li.message[data-seq='10']"));
        assertAll(
                () -> assertTrue(browser.query().contains("at=10")),
                () -> assertTrue(focused.getDomAttribute("class").contains("focused"), "the message is marked"),
                () -> assertEquals(Boolean.TRUE, browser.script(
                        "var r = arguments[0].getBoundingClientRect(), l = document.getElementById('messages').getBoundingClientRect();"
                                + "return r.top >= l.top && r.bottom <= l.bottom;", focused), "the message is scrolled into view"),
                () -> assertFalse(browser.all(By.cssSelector("li.message[data-seq='1']")).isEmpty(), "context before it"),
                () -> assertTrue(browser.all(By.cssSelector("li.message[data-seq='120']")).isEmpty(), "not the newest"));

        browser.click("jump-latest");
        browser.awaitPath("rooms/" + roomId);
        browser.visible(By.cssSelector("li.message[data-seq='120']"));
    }

    @Test
    void theRoomsSearchBoxSearchesThatRoomOnly(App app, Browsers browsers) {
        ChatUser minji = app.newUser("roomsearch");
        long team = minji.createRoomId();
        long other = minji.createRoomId();
        minji.sendId(team, "배포 일정 공유");
        minji.sendId(other, "배포 끝났어요");
        awaitIndexed(minji, "배포", 2);
        Browser browser = browsers.open(app, Screen.DESKTOP, Language.ENGLISH).logIn(minji);
        browser.go("rooms/" + team);

        browser.visible(By.id("room-search-q")).sendKeys("배포", Keys.ENTER);
        browser.awaitPath("search.xhtml");
        assertEquals(1, browser.all(By.cssSelector("#search-results .search-result")).size());
        assertTrue(browser.text(By.id("search-summary")).contains("1 results"), browser.text(By.id("search-summary")));

        browser.click("search-everywhere");
        browser.until("both rooms' results", d -> browser.all(By.cssSelector("#search-results .search-result")).size() == 2);
    }

    @Test
    void aMalformedSearchIsExplainedInTheReadersLanguage(App app, Browsers browsers) {
        ChatUser minji = app.newUser("badsearch");
        minji.createRoomId();
        Browser browser = browsers.open(app, Screen.DESKTOP, Language.KOREAN).logIn(minji);
        browser.go("search.xhtml?q=" + URLEncoder.encode("\"닫히지 않은", StandardCharsets.UTF_8));
        assertEquals("따옴표로 묶은 구절의 닫는 따옴표(\")가 없습니다.", browser.text(By.id("search-refusal")));
        assertTrue(browser.all(By.id("search-results")).isEmpty());
    }

    /** Waits, through the API, until the index has caught up with what the test posted. */
    private static void awaitIndexed(ChatUser user, String word, int count) {
        Pause.until(Duration.ofSeconds(10), Duration.ofMillis(50), () -> indexedWith(user, word) == count);
        assertEquals(count, indexedWith(user, word), "messages with " + word + " in the index");
    }

    private static long indexedWith(ChatUser user, String word) {
        return user.agent().get("api/search?q=" + URLEncoder.encode(word, StandardCharsets.UTF_8))
                .expect(200).json().getJsonNumber("total").longValue();
    }
}
