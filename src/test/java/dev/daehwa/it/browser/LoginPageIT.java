package dev.daehwa.it.browser;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import dev.daehwa.it.support.App;
import dev.daehwa.it.support.ChatUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;

/** The login page: one message for any bad login; success goes to my rooms or back to the page that asked. */
@BrowserIT
class LoginPageIT {

    @Test
    void loggingInLandsOnMyRooms(App app, Browsers browsers) {
        ChatUser alice = app.newUser("login");
        Browser browser = browsers.open(app);

        browser.go("login");
        browser.fill("login:username", alice.username()).fill("login:password", alice.password());
        browser.clickAndWaitForPage("login:submit");

        browser.awaitPath("");
        assertEquals(alice.displayName(), browser.text(By.id("current-user")));
    }

    @Test
    void aWrongPasswordAndAnUnknownUserShowTheSameSingleMessage(App app, Browsers browsers) {
        ChatUser alice = app.newUser("badlogin");
        Browser browser = browsers.open(app);

        String wrongPassword = failedLogin(browser, alice.username(), alice.password() + "x");
        String unknownUser = failedLogin(browser, App.uniqueUsername("nobody"), App.PASSWORD);

        assertAll(
                () -> assertEquals(wrongPassword, unknownUser, "the message tells whether the user exists"),
                () -> assertEquals(1, browser.all(By.id("login-error")).size(), "one message"),
                () -> assertEquals("login", browser.path(), "left the login page"),
                () -> assertTrue(browser.all(By.id("current-user")).isEmpty(), "logged in anyway"));
    }

    @Test
    void myRoomsAsksForLoginAndComesBackAfterwards(App app, Browsers browsers) {
        ChatUser alice = app.newUser("continue");
        Browser browser = browsers.open(app);

        browser.go("");

        browser.awaitPath("login");
        browser.fill("login:username", alice.username()).fill("login:password", alice.password());
        browser.clickAndWaitForPage("login:submit");
        browser.awaitPath("");
        assertEquals(alice.displayName(), browser.text(By.id("current-user")));
    }

    /** The logout page also needs a login: it is a page other than the default one to come back to. */
    @Test
    void anotherPageAsksForLoginWithContinueAndComesBackAfterwards(App app, Browsers browsers) {
        ChatUser alice = app.newUser("continue");
        Browser browser = browsers.open(app);

        browser.go("logout");

        browser.awaitPath("login");
        assertTrue(browser.query().contains("continue="), "no continue= in " + browser.currentUri());
        browser.fill("login:username", alice.username()).fill("login:password", alice.password());
        browser.clickAndWaitForPage("login:submit");
        browser.awaitPath("logout");
        browser.visible(By.id("logout:confirm"));
    }

    @Test
    void continueSurvivesAFailedAttempt(App app, Browsers browsers) {
        ChatUser alice = app.newUser("retry");
        Browser browser = browsers.open(app);
        browser.go("logout");
        browser.awaitPath("login");

        browser.fill("login:username", alice.username()).fill("login:password", "wrong password");
        browser.clickAndWaitForPage("login:submit");
        browser.text(By.id("login-error"));
        browser.fill("login:username", alice.username()).fill("login:password", alice.password());
        browser.clickAndWaitForPage("login:submit");

        browser.awaitPath("logout");
        browser.visible(By.id("logout:confirm"));
    }

    /** ?continue= only ever leads within the app: a login link cannot send the user to another site. */
    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example/", "//evil.example/", "/\\evil.example/", "javascript:alert(1)"})
    void continueNeverLeavesTheApp(String target, App app, Browsers browsers) {
        ChatUser alice = app.newUser("redirect");
        Browser browser = browsers.open(app);

        browser.go("login?continue=" + URLEncoder.encode(target, StandardCharsets.UTF_8));
        browser.fill("login:username", alice.username()).fill("login:password", alice.password());
        browser.clickAndWaitForPage("login:submit");

        browser.until("the browser to land on a page of the app", d -> !browser.path().contains("evil.example"));
        assertFalse(browser.currentUri().toString().contains("evil.example"), "went to " + browser.currentUri());
        assertEquals(alice.displayName(), browser.text(By.id("current-user")));
    }

    private static String failedLogin(Browser browser, String username, String password) {
        browser.go("login");
        browser.fill("login:username", username).fill("login:password", password);
        browser.clickAndWaitForPage("login:submit");
        return browser.text(By.id("login-error"));
    }
}
