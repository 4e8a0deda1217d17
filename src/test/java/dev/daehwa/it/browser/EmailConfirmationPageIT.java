package dev.daehwa.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.daehwa.it.browser.Browser.Language;
import dev.daehwa.it.browser.Browser.Screen;
import dev.daehwa.it.support.AddressConfirmation;
import dev.daehwa.it.support.App;
import dev.daehwa.it.support.ChatUser;
import dev.daehwa.it.support.Pause;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * An unconfirmed address on the profile page: the page says so, its button sends a new link,
 * and the link from the email, opened in the browser, confirms the address on a button press.
 */
@BrowserIT
class EmailConfirmationPageIT {

    @Test
    void theProfileSaysTheAddressIsUnconfirmedAndSendsTheLinkAgain(App app, Browsers browsers) {
        ChatUser minji = app.newUser("confirmpage");
        AddressConfirmation.link(app, minji.email(), 1);
        Browser browser = browsers.open(app, Screen.DESKTOP, Language.ENGLISH).logIn(minji);
        browser.go("profile");
        String notice = browser.text(By.id("address-unconfirmed"));
        assertTrue(notice.contains(minji.email()) && notice.contains("not confirmed"), notice);

        // A second link may be asked for a minute (1.2 s at the tests' time scale) after the first;
        // until then the page refuses, and pressing again later is what a person does.
        Pause.until(Duration.ofSeconds(5), Duration.ofMillis(200), () -> {
            browser.clickAndWaitForPage("profile:resend");
            return !browser.all(By.cssSelector(".form-info")).isEmpty();
        });
        assertTrue(browser.text(By.cssSelector(".form-info")).contains("new confirmation link"),
                browser.text(By.cssSelector(".form-info")));
        URI second = AddressConfirmation.link(app, minji.email(), 2);

        browser.go(second.toString().substring(app.base().toString().length()));
        assertTrue(browser.text(By.id("confirm-state")).contains(minji.email()));
        browser.clickAndWaitForPage("confirm-form:confirm");
        assertTrue(browser.text(By.id("confirm-state")).contains("is confirmed"), browser.text(By.id("confirm-state")));

        browser.go("profile");
        assertEquals(minji.email() + " (confirmed)", browser.text(By.id("profile:address-confirmed")));
        assertTrue(browser.all(By.id("address-unconfirmed")).isEmpty());
    }
}
