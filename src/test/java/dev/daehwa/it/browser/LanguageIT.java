package dev.daehwa.it.browser;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import dev.daehwa.it.browser.Browser.Language;
import dev.daehwa.it.browser.Browser.Screen;
import dev.daehwa.it.support.App;
import dev.daehwa.it.support.ChatUser;
import dev.daehwa.it.support.Jsons;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The pages speak the browser's language (Accept-Language): Korean or English, English for anything else. */
@BrowserIT
class LanguageIT {

    @Test
    void aKoreanBrowserGetsKoreanPages(App app, Browsers browsers) {
        Browser browser = browsers.open(app, Screen.DESKTOP, Language.KOREAN);

        browser.go("login");
        String lang = browser.htmlLang();
        String login = buttonText(browser, "login:submit");
        browser.go("join");
        String join = buttonText(browser, "join:submit");

        assertAll(
                () -> assertEquals("ko", primary(lang), "<html lang> of the login page"),
                () -> assertTrue(Pages.hasHangul(login), "login button: " + login),
                () -> assertTrue(Pages.hasHangul(join), "join button: " + join));
    }

    @Test
    void anEnglishBrowserGetsEnglishPages(App app, Browsers browsers) {
        assertEnglish(browsers.open(app, Screen.DESKTOP, Language.ENGLISH));
    }

    @Test
    void anyOtherLanguageFallsBackToEnglish(App app, Browsers browsers) {
        assertEnglish(browsers.open(app, Screen.DESKTOP, Language.FRENCH));
    }

    @Test
    void theNotFoundPageIsKoreanForAKoreanBrowser(App app, Browsers browsers) {
        Browser browser = browsers.open(app, Screen.DESKTOP, Language.KOREAN);

        browser.go("no-such-page");

        String title = browser.text(By.id("error-title"));
        assertTrue(Pages.hasHangul(title), "error title: " + title);
        assertEquals("ko", primary(browser.htmlLang()));
    }

    @Test
    void joinErrorsAreKoreanForAKoreanBrowser(App app, Browsers browsers) {
        Browser browser = browsers.open(app, Screen.DESKTOP, Language.KOREAN);

        browser.go("join");
        JoinPageIT.fillForm(browser, "x", "name@localhost", "", "short", "other");
        browser.click("join:submit");

        Map<String, String> errors = Pages.awaitFieldErrors(browser, "join");
        assertTrue(errors.values().stream().allMatch(Pages::hasHangul), "errors not in Korean: " + errors);
    }

    @Test
    void theRoomPageIsKoreanForAKoreanBrowser(App app, Browsers browsers) {
        ChatUser minji = app.newUser("roomko");
        long roomId = Jsons.id(minji.createRoom("회의실"));
        minji.send(roomId, "안녕하세요");
        Browser browser = browsers.open(app, Screen.DESKTOP, Language.KOREAN).logIn(minji);

        RoomPage.open(browser, roomId);

        String send = browser.text(By.id("composer-send"));
        String members = browser.text(By.cssSelector("#members-panel summary"));
        String placeholder = browser.present(By.id("composer-text")).getDomAttribute("placeholder");
        String newRoom = buttonText(browser, "new-room-open");
        assertAll(
                () -> assertTrue(Pages.hasHangul(send), "send: " + send),
                () -> assertTrue(Pages.hasHangul(members), "members: " + members),
                () -> assertTrue(Pages.hasHangul(placeholder), "composer placeholder: " + placeholder),
                () -> assertTrue(Pages.hasHangul(newRoom), "new room: " + newRoom));
    }

    @Test
    void theLoginErrorIsKoreanForAKoreanBrowser(App app, Browsers browsers) {
        ChatUser alice = app.newUser("hangul");
        Browser browser = browsers.open(app, Screen.DESKTOP, Language.KOREAN);

        browser.go("login");
        browser.fill("login:username", alice.username()).fill("login:password", "wrong password");
        browser.clickAndWaitForPage("login:submit");

        String error = browser.text(By.id("login-error"));
        assertTrue(Pages.hasHangul(error), "login error: " + error);
    }

    private static void assertEnglish(Browser browser) {
        browser.go("login");
        String lang = browser.htmlLang();
        String login = buttonText(browser, "login:submit");
        browser.go("join");
        String join = buttonText(browser, "join:submit");

        assertAll(
                () -> assertEquals("en", primary(lang), "<html lang> of the login page"),
                () -> assertTrue(Pages.isLatin(login), "login button: " + login),
                () -> assertTrue(Pages.isLatin(join), "join button: " + join));
    }

    private static String buttonText(Browser browser, String id) {
        // A <button> has text; an <input type="submit"> has a value.
        return browser.until("#" + id + " to have a label", driver -> {
            var button = driver.findElement(By.id(id));
            String text = button.getText().strip();
            String label = text.isEmpty() ? String.valueOf(button.getDomProperty("value")).strip() : text;
            return label.isEmpty() || label.equals("null") ? null : label;
        });
    }

    /** The language subtag of a BCP 47 tag: "ko" of "ko-KR". */
    private static String primary(String lang) {
        return lang == null ? "(no lang attribute)" : lang.split("[-_]")[0];
    }
}
