package dev.daehwa.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.daehwa.it.support.App;
import dev.daehwa.it.support.ChatUser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** Logging out takes a POST (a confirm button); a bare GET of /logout, e.g. from another site, does nothing. */
@BrowserIT
class LogoutPageIT {

    @Test
    void theHeaderLinkAndTheConfirmButtonLogOutAndLandOnLogin(App app, Browsers browsers) {
        ChatUser alice = app.newUser("logout");
        Browser browser = browsers.open(app).logIn(alice);

        browser.clickAndWaitForPage("logout-link");
        browser.awaitPath("logout");
        assertEquals("post", browser.present(By.id("logout")).getDomAttribute("method").toLowerCase(),
                "the logout form must POST");
        browser.clickAndWaitForPage("logout:confirm");

        browser.awaitPath("login");
        assertTrue(browser.all(By.id("current-user")).isEmpty(), "still shows a logged-in user");
        browser.go("");
        browser.awaitPath("login");
    }

    @Test
    void aBareGetOfLogoutDoesNotLogOut(App app, Browsers browsers) {
        ChatUser alice = app.newUser("getlogout");
        Browser browser = browsers.open(app).logIn(alice);

        browser.go("logout");
        browser.awaitLoaded();
        browser.go("");

        browser.awaitPath("");
        assertEquals(alice.displayName(), browser.text(By.id("current-user")));
    }

    @Test
    void loggingOutInOneBrowserLeavesTheOtherLoggedIn(App app, Browsers browsers) {
        ChatUser alice = app.newUser("twice");
        Browser laptop = browsers.open(app).logIn(alice);
        Browser phone = browsers.open(app, Browser.Screen.PHONE, Browser.Language.ENGLISH).logIn(alice);

        laptop.clickAndWaitForPage("logout-link");
        laptop.clickAndWaitForPage("logout:confirm");
        laptop.awaitPath("login");

        phone.go("");
        phone.awaitPath("");
        assertEquals(alice.displayName(), phone.text(By.id("current-user")));
    }
}
