package dev.daehwa.it.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import dev.daehwa.it.browser.Browser.Language;
import dev.daehwa.it.browser.Browser.Screen;
import dev.daehwa.it.support.App;
import dev.daehwa.it.support.ChatUser;
import dev.daehwa.it.support.Jsons;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;

/**
 * Screenshots of the join page, the login page, my rooms, a room (with a reply, reactions, a
 * mention and formatting), a direct conversation and search results, in English and Korean, at desktop
 * and phone widths: target/screenshots/{database}/{page}-{en|ko}-{desktop|phone}.png. The best go
 * to docs/screenshots/ for the README by hand.
 */
@BrowserIT
class ScreenshotsIT {

    static Stream<Arguments> looks() {
        return Stream.of(Language.ENGLISH, Language.KOREAN)
                .flatMap(language -> Stream.of(Screen.DESKTOP, Screen.PHONE).map(screen -> Arguments.of(language, screen)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("looks")
    void joinLoginAndMyRooms(Language language, Screen screen, App app, Browsers browsers) throws InterruptedException {
        ChatUser minji = app.newUser(App.uniqueUsername("minji"), language == Language.KOREAN ? "김민지" : "Minji Kim");
        ChatUser joon = app.newUser(App.uniqueUsername("joon"), language == Language.KOREAN ? "박준" : "Joon Park");
        long weekly = arrangeRooms(language, minji, joon);
        long direct = arrangeDirect(language, minji, joon);
        Browser browser = browsers.open(app, screen, language);
        String suffix = "-" + language.label + "-" + screen.label();

        browser.go("join");
        browser.visible(By.id("join:submit"));
        save(browser, "join" + suffix);

        browser.go("login");
        browser.visible(By.id("login:submit"));
        save(browser, "login" + suffix);

        browser.logIn(minji);
        browser.visible(By.cssSelector("#rooms .room"));
        save(browser, "rooms" + suffix);

        RoomPage.open(browser, weekly);
        browser.visible(By.id("unread-divider"));
        browser.visible(By.cssSelector(".message-quote"));
        browser.visible(By.cssSelector(".reaction"));
        save(browser, "room" + suffix);

        RoomPage.open(browser, direct);
        browser.visible(By.cssSelector("#messages .message"));
        save(browser, "direct" + suffix);

        String word = language == Language.KOREAN ? "회의" : "meeting";
        browser.until("search results for " + word, driver -> {
            browser.go("search.xhtml?q=" + URLEncoder.encode(word, StandardCharsets.UTF_8));
            return !browser.all(By.cssSelector("#search-results mark")).isEmpty();
        });
        save(browser, "search" + suffix);
    }

    /** Three rooms with some talk; returns the weekly meeting's id, where Minji has unread messages. */
    private static long arrangeRooms(Language language, ChatUser minji, ChatUser joon) throws InterruptedException {
        boolean korean = language == Language.KOREAN;
        long lunch = Jsons.id(minji.createRoom(korean ? "점심 메뉴" : "Lunch", joon));
        minji.send(lunch, korean ? "오늘은 비빔밥 어때요?" : "Bibimbap today?");
        // Activity times must differ where the system clock ticks coarsely: the list sorts by them.
        Thread.sleep(20);
        long design = Jsons.id(joon.createRoom(korean ? "디자인 리뷰" : "Design review", minji));
        joon.send(design, korean ? "시안 두 개 올렸어요: https://example.com/mockups" : "Two mockups are up: https://example.com/mockups");
        Thread.sleep(20);
        long weekly = Jsons.id(minji.createRoom(korean ? "주간 회의" : "Weekly meeting", joon));
        long question = minji.sendId(weekly, korean ? "안건 정리해 주실 분?" : "Who takes the agenda?");
        long answer = Jsons.id(joon.agent().post("api/messages", Jsons.object("roomId", weekly,
                "content", korean ? "제가 할게요." : "I will.", "replyTo", question)).expect(201).json());
        minji.react(answer, "👍");
        joon.react(answer, "👍");
        minji.react(answer, "🙏");
        joon.send(weekly, "@" + minji.username() + (korean ? " 내일 회의는 **10시**에 시작합니다." : " tomorrow's meeting starts at **10**."));
        joon.send(weekly, korean
                ? "안건 초안:\n- 지난주 결정 사항\n- `deploy` 일정\n\n회의록은 여기 있어요: https://example.com/minutes"
                : "Draft agenda:\n- last week's decisions\n- the `deploy` schedule\n\nMinutes are here: https://example.com/minutes");
        return weekly;
    }

    /** Joon writes to Minji directly; returns the direct room's id. */
    private static long arrangeDirect(Language language, ChatUser minji, ChatUser joon) throws InterruptedException {
        boolean korean = language == Language.KOREAN;
        Thread.sleep(20);
        long direct = joon.openDirectId(minji);
        joon.send(direct, korean ? "회의 전에 잠깐 통화 가능해요?" : "Do you have a minute before the meeting?");
        minji.send(direct, korean ? "네, 5분 뒤에 전화할게요 😊" : "Sure, I'll call you in 5 minutes 😊");
        joon.send(direct, korean ? "좋아요!" : "Great!");
        return direct;
    }

    private static void save(Browser browser, String name) {
        Path file = browser.screenshot(name);
        assertTrue(Files.isRegularFile(file), "no screenshot at " + file);
    }
}
