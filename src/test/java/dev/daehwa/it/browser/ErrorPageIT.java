package dev.daehwa.it.browser;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;

import dev.daehwa.it.support.App;
import dev.daehwa.it.support.ChatUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.openqa.selenium.By;

/** Unknown pages get the HTML not-found page in the app's look (the HTTP status is checked by a plain IT). */
@BrowserIT
class ErrorPageIT {

    @Test
    void anUnknownPageShowsTheHtmlNotFoundPage(App app, Browsers browsers) {
        Browser browser = browsers.open(app);

        browser.go("no-such-page");

        assertNotFoundPage(browser);
    }

    @Test
    void anUnknownPageShowsTheNotFoundPageWhenLoggedIn(App app, Browsers browsers) {
        ChatUser alice = app.newUser("lost");
        Browser browser = browsers.open(app).logIn(alice);

        browser.go("no-such-page");

        assertNotFoundPage(browser);
        assertEquals(alice.displayName(), browser.text(By.id("current-user")), "the error page lost the header");
    }

    /** Other ways of asking for something that is not a page get the same not-found page (not the 500 page). */
    @Test
    void oddPathsShowTheSameNotFoundPage(App app, Browsers browsers) {
        Browser browser = browsers.open(app).logIn(app.newUser("odd"));
        browser.go("no-such-page");
        String notFound = browser.text(By.id("error-title"));

        List<Executable> checks = new ArrayList<>();
        for (String path : List.of("no/such/page", "no-such-page.xhtml", "WEB-INF/web.xml",
                "WEB-INF/templates/page.xhtml")) {
            browser.go(path);
            String title = browser.text(By.id("error-title"));
            String type = String.valueOf(browser.script("return document.contentType"));
            checks.add(() -> assertEquals(notFound, title, path + " shows another error page"));
            checks.add(() -> assertEquals("text/html", type, path + " is not HTML"));
        }
        assertAll(checks);
    }

    /**
     * A page whose server-side state is gone (server restarted, or kept open past the session)
     * shows the expired page in the app's look on its next ajax action, not a broken page.
     */
    @Test
    void anAjaxActionOnAnExpiredPageShowsTheExpiredPage(App app, Browsers browsers) {
        ChatUser alice = app.newUser("expired");
        long roomId = alice.createRoomId();
        Browser browser = browsers.open(app).logIn(alice);
        RoomPage.open(browser, roomId).openMembers();
        // What the server would see after losing the view: a view state it does not know.
        browser.script("document.querySelectorAll(\"input[name='jakarta.faces.ViewState']\").forEach(i => i.value = '-1:-1')");

        browser.click("members:add");

        String title = browser.text(By.id("error-title"));
        String body = browser.present(By.tagName("body")).getText();
        assertAll(
                () -> assertEquals("This page expired", title),
                () -> assertFalse(body.contains("Exception") || body.contains("\tat "), "leaks internals: " + body),
                () -> assertFalse(browser.all(By.cssSelector(".topbar")).isEmpty(), "not in the app's look"));
    }

    private static void assertNotFoundPage(Browser browser) {
        String title = browser.text(By.id("error-title"));
        String type = String.valueOf(browser.script("return document.contentType"));
        String body = browser.present(By.tagName("body")).getText();
        assertAll("the not-found page at " + browser.currentUri(),
                () -> assertEquals("text/html", type, "not HTML"),
                () -> assertFalse(title.isBlank()),
                () -> assertFalse(body.contains("Exception") || body.contains("\tat ") || body.contains("problem+json"),
                        "leaks internals or is the API's error: " + body));
    }
}
