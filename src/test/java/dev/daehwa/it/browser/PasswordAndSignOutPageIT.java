package dev.daehwa.it.browser;

import static dev.daehwa.it.support.Jsons.object;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.daehwa.it.browser.Browser.Language;
import dev.daehwa.it.browser.Browser.Screen;
import dev.daehwa.it.support.Agent;
import dev.daehwa.it.support.App;
import dev.daehwa.it.support.ChatUser;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The profile page's password and sign-in forms do what the API does; a room page open in another
 * browser of the same user goes to the login page once its socket is closed as signed out.
 */
@BrowserIT
class PasswordAndSignOutPageIT {

    private static final String NEW_PASSWORD = "a much longer passphrase";

    @Test
    void changingThePasswordAndSigningOutEverywhere(App app, Browsers browsers) {
        ChatUser minji = app.newUser("pwpage");
        long roomId = minji.createRoomId();
        Agent phone = login(app, minji, minji.password());
        Browser otherBrowser = browsers.open(app, Screen.DESKTOP, Language.ENGLISH).logIn(minji);
        Browser browser = browsers.open(app, Screen.DESKTOP, Language.ENGLISH).logIn(minji);
        browser.go("profile");

        changePassword(browser, "not my password");
        Map<String, String> errors = Pages.awaitFieldErrors(browser, "password");
        assertEquals(Map.of("currentPassword", "That is not your current password."), errors);

        changePassword(browser, minji.password());
        assertEquals("Your password is changed.", browser.text(By.id("password:changed")));
        phone.get("api/auth/me").expect(200);
        app.anonymous().post("api/auth/login", object("username", minji.username(), "password", minji.password()))
                .problem(401);
        Agent laptop = login(app, minji, NEW_PASSWORD);
        RoomPage live = RoomPage.open(otherBrowser, roomId);
        minji.withAgent(laptop).send(roomId, "the room page is live");
        live.message("the room page is live");

        browser.clickAndWaitForPage("signout:everywhere");
        browser.awaitPath("login");
        phone.get("api/auth/me").problem(401);
        laptop.get("api/auth/me").problem(401);
        otherBrowser.awaitPath("login");
        browser.go("profile");
        browser.awaitPath("login");
    }

    private static void changePassword(Browser browser, String current) {
        browser.fill("password:currentPassword", current);
        browser.fill("password:newPassword", NEW_PASSWORD);
        browser.fill("password:newPasswordAgain", NEW_PASSWORD);
        browser.clickAndWaitForPage("password:change");
    }

    private static Agent login(App app, ChatUser user, String password) {
        Agent agent = app.anonymous();
        agent.post("api/auth/login", object("username", user.username(), "password", password)).expect(200);
        return agent;
    }
}
