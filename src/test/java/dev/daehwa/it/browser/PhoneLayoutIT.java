package dev.daehwa.it.browser;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import dev.daehwa.it.browser.Browser.Language;
import dev.daehwa.it.browser.Browser.Screen;
import dev.daehwa.it.support.App;
import dev.daehwa.it.support.ChatUser;
import dev.daehwa.it.support.Jsons;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** On a 375-pixel phone the pages use the device width and never scroll sideways. */
@BrowserIT
class PhoneLayoutIT {

    @Test
    void pagesFitAPhoneScreen(App app, Browsers browsers) {
        ChatUser alice = app.newUser("phone");
        alice.createRoom("A room with a rather long name to see that it wraps or is cut off neatly on a phone");
        Browser browser = browsers.open(app, Screen.PHONE, Language.KOREAN);

        List<Executable> checks = new ArrayList<>();
        browser.go("join");
        browser.visible(By.id("join:submit"));
        checks.addAll(fits(browser, "join"));
        browser.go("login");
        browser.visible(By.id("login:submit"));
        checks.addAll(fits(browser, "login"));
        browser.logIn(alice);
        browser.visible(By.cssSelector("#rooms .room"));
        checks.addAll(fits(browser, "my rooms"));
        assertAll(checks);
    }

    /** One column on a phone: the room alone at /rooms/{id}, with a way back to the list. */
    @Test
    void onAPhoneTheRoomTakesTheWholeScreen(App app, Browsers browsers) {
        ChatUser alice = app.newUser("phoneroom");
        long roomId = Jsons.id(alice.createRoom("Phone room"));
        alice.send(roomId, "a message long enough to need wrapping on a narrow phone screen, with a link https://example.com/a/rather/long/path/that/should/wrap");
        Browser browser = browsers.open(app, Screen.PHONE, Language.ENGLISH).logIn(alice);

        RoomPage.open(browser, roomId);

        List<Executable> checks = new ArrayList<>(fits(browser, "room"));
        checks.add(() -> assertFalse(browser.present(By.cssSelector(".room-list-pane")).isDisplayed(), "the room list shows beside the room"));
        checks.add(() -> assertTrue(browser.present(By.id("composer-text")).isDisplayed(), "no composer"));
        checks.add(() -> assertTrue(browser.present(By.cssSelector(".back-link")).isDisplayed(), "no way back to the list"));
        assertAll(checks);
    }

    /** On a desktop the list and the open room sit side by side, the open room highlighted. */
    @Test
    void onADesktopTheListAndTheRoomSitSideBySide(App app, Browsers browsers) {
        ChatUser alice = app.newUser("desk");
        long roomId = Jsons.id(alice.createRoom("Desk room"));
        alice.createRoom("Another room");
        Browser browser = browsers.open(app).logIn(alice);

        RoomPage.open(browser, roomId);

        WebElement list = browser.present(By.cssSelector(".room-list-pane"));
        WebElement room = browser.present(By.id("room"));
        WebElement current = Pages.room(browser, "Desk room");
        assertAll(
                () -> assertTrue(list.isDisplayed(), "no room list beside the room"),
                () -> assertTrue(list.getRect().getX() + list.getRect().getWidth() <= room.getRect().getX(), "list and room overlap"),
                () -> assertEquals("page", current.findElement(By.tagName("a")).getDomAttribute("aria-current"), "the open room is not marked current"),
                () -> assertFalse(browser.present(By.cssSelector(".back-link")).isDisplayed(), "a back link on a desktop"));
    }

    private static List<Executable> fits(Browser browser, String page) {
        long viewport = ((Number) browser.script("return window.innerWidth")).longValue();
        long content = ((Number) browser.script("return document.documentElement.scrollWidth")).longValue();
        return List.of(
                () -> assertEquals(375, viewport, page + ": the viewport is not the device width (viewport meta tag?)"),
                () -> assertTrue(content <= viewport, page + ": " + content + " px wide content scrolls sideways in "
                        + viewport + " px"));
    }
}
