package dev.daehwa.it.browser;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import dev.daehwa.it.browser.Browser.Language;
import dev.daehwa.it.browser.Browser.Screen;
import dev.daehwa.it.support.App;
import dev.daehwa.it.support.ChatUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.openqa.selenium.By;

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

    private static List<Executable> fits(Browser browser, String page) {
        long viewport = ((Number) browser.script("return window.innerWidth")).longValue();
        long content = ((Number) browser.script("return document.documentElement.scrollWidth")).longValue();
        return List.of(
                () -> assertEquals(375, viewport, page + ": the viewport is not the device width (viewport meta tag?)"),
                () -> assertTrue(content <= viewport, page + ": " + content + " px wide content scrolls sideways in "
                        + viewport + " px"));
    }
}
