package dev.daehwa.it.browser;

import static dev.daehwa.it.support.Jsons.object;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.daehwa.it.browser.Browser.Language;
import dev.daehwa.it.browser.Browser.Screen;
import dev.daehwa.it.support.App;
import dev.daehwa.it.support.ChatUser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The sign-up page: inline errors next to each invalid field; success logs in and lands on my rooms. */
@BrowserIT
class JoinPageIT {

    private static final List<String> FIELDS = List.of("username", "email", "displayName", "password", "passwordAgain");

    @Test
    void joiningLogsInAndLandsOnMyRooms(App app, Browsers browsers) {
        Browser browser = browsers.open(app);
        String username = App.uniqueUsername("join");
        String displayName = "김민지 " + username.substring(username.length() - 4);

        browser.go("join");
        fillForm(browser, username, username + "@example.test", displayName, App.PASSWORD, App.PASSWORD);
        browser.clickAndWaitForPage("join:submit");

        browser.awaitPath("");
        assertEquals(displayName, browser.text(By.id("current-user")));
        assertEquals(200, app.anonymous().post("api/auth/login", object("username", username, "password", App.PASSWORD))
                .status(), "the account made on the join page does not log in through the API");
    }

    @Test
    void anEmptyFormShowsAnErrorNextToEachRequiredField(App app, Browsers browsers) {
        Browser browser = browsers.open(app);

        browser.go("join");
        browser.click("join:submit");

        Map<String, String> errors = Pages.awaitFieldErrors(browser, "join");
        assertAll("errors " + errors,
                () -> assertTrue(errors.containsKey("username"), "no error at username"),
                () -> assertTrue(errors.containsKey("email"), "no error at email"),
                () -> assertTrue(errors.containsKey("password"), "no error at password"),
                () -> assertFalse(errors.containsKey("displayName"), "the display name is optional"),
                () -> assertTrue(Set.copyOf(FIELDS).containsAll(errors.keySet()), "errors for unknown fields"),
                () -> assertNextToTheirFields(browser, errors.keySet()),
                () -> assertEquals("join", browser.path(), "left the join page"),
                () -> assertTrue(browser.all(By.id("current-user")).isEmpty(), "logged in without an account"));
    }

    @Test
    void mismatchedPasswordsShowOneErrorAtPasswordAgainAndCreateNoAccount(App app, Browsers browsers) {
        Browser browser = browsers.open(app);
        String username = App.uniqueUsername("mismatch");

        browser.go("join");
        fillForm(browser, username, username + "@example.test", "", App.PASSWORD, App.PASSWORD + "!");
        browser.click("join:submit");

        Map<String, String> errors = Pages.awaitFieldErrors(browser, "join");
        assertAll("errors " + errors,
                () -> assertEquals(Set.of("passwordAgain"), errors.keySet(), "exactly one error, at password again"),
                () -> assertNextToTheirFields(browser, errors.keySet()),
                () -> assertTrue(browser.all(By.id("current-user")).isEmpty(), "logged in anyway"),
                () -> assertEquals(401, app.anonymous().post("api/auth/login",
                        object("username", username, "password", App.PASSWORD)).status(), "the account was created anyway"));
    }

    @Test
    void aTakenUsernameShowsOneErrorAtUsername(App app, Browsers browsers) {
        ChatUser existing = app.newUser("taken");
        Browser browser = browsers.open(app);

        browser.go("join");
        fillForm(browser, existing.username(), App.uniqueUsername("other") + "@example.test", "", App.PASSWORD, App.PASSWORD);
        browser.click("join:submit");

        Map<String, String> errors = Pages.awaitFieldErrors(browser, "join");
        assertAll("errors " + errors,
                () -> assertEquals(Set.of("username"), errors.keySet(), "exactly one error, at username"),
                () -> assertNextToTheirFields(browser, errors.keySet()),
                () -> assertTrue(browser.all(By.id("current-user")).isEmpty(), "logged in as someone else"));
    }

    @Test
    void badEmailAndShortPasswordShowTheirErrorsAndNoOthers(App app, Browsers browsers) {
        Browser browser = browsers.open(app);
        String username = App.uniqueUsername("bad");

        browser.go("join");
        // name@localhost passes the browser's own check of type="email" but not Daehwa's rule (needs a dot).
        fillForm(browser, username, "name@localhost", "", "short", "short");
        browser.click("join:submit");

        Map<String, String> errors = Pages.awaitFieldErrors(browser, "join");
        assertAll("errors " + errors,
                () -> assertTrue(errors.containsKey("email"), "no error at email"),
                () -> assertTrue(errors.containsKey("password"), "no error at password"),
                () -> assertFalse(errors.containsKey("username"), "the username is fine"),
                () -> assertFalse(errors.containsKey("displayName"), "the display name is fine"),
                () -> assertNextToTheirFields(browser, errors.keySet()));
    }

    @Test
    void aKoreanBrowserSeesKoreanErrorsNextToATooShortUsernameAndPassword(App app, Browsers browsers) {
        Browser browser = browsers.open(app, Screen.DESKTOP, Language.KOREAN);

        browser.go("join");
        fillForm(browser, "ab", App.uniqueUsername("short") + "@example.test", "", "short", "short");
        browser.click("join:submit");

        Map<String, String> errors = Pages.awaitFieldErrors(browser, "join");
        assertAll("errors " + errors,
                () -> assertEquals(Set.of("username", "password"), errors.keySet(), "errors at username and password"),
                () -> assertTrue(Pages.hasHangul(errors.getOrDefault("username", "")), "username error not in Korean"),
                () -> assertTrue(Pages.hasHangul(errors.getOrDefault("password", "")), "password error not in Korean"),
                () -> assertNextToTheirFields(browser, errors.keySet()));
    }

    static void fillForm(Browser browser, String username, String email, String displayName, String password,
            String passwordAgain) {
        browser.fill("join:username", username)
                .fill("join:email", email)
                .fill("join:displayName", displayName)
                .fill("join:password", password)
                .fill("join:passwordAgain", passwordAgain);
    }

    private static void assertNextToTheirFields(Browser browser, Set<String> fields) {
        for (String field : fields) {
            int index = FIELDS.indexOf(field);
            String next = index >= 0 && index + 1 < FIELDS.size() ? FIELDS.get(index + 1) : null;
            assertTrue(Pages.errorSitsBetween(browser, "join", field, next),
                    "the error for " + field + " is not between its field and the next one");
        }
    }
}
