package dev.daehwa.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.daehwa.it.browser.Browser.Language;
import dev.daehwa.it.browser.Browser.Screen;
import dev.daehwa.it.support.App;
import dev.daehwa.it.support.ChatUser;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The profile page stores the same notification settings the API reads. */
@BrowserIT
class ProfilePageIT {

    @Test
    void emailCadenceAndMutedRoomsAreSavedInKorean(App app, Browsers browsers) {
        ChatUser minji = app.newUser("profile");
        long quiet = minji.createRoom("조용한 방").getJsonNumber("id").longValue();
        minji.createRoom("시끄러운 방");
        Browser browser = browsers.open(app, Screen.DESKTOP, Language.KOREAN).logIn(minji);

        browser.click("current-user");
        browser.awaitPath("profile");
        assertTrue(browser.present(By.cssSelector("input[name='profile:email'][value='never']")).isSelected(),
                "the server's default (DAEHWA_NOTIFY_DEFAULT=never in the tests) is chosen");
        browser.present(By.cssSelector("input[name='profile:email'][value='1h']")).click();
        browser.driver().findElements(By.cssSelector("input[name='profile:mutedRooms']")).stream()
                .filter(box -> box.getDomAttribute("value").equals(Long.toString(quiet)))
                .findFirst().orElseThrow().click();
        browser.clickAndWaitForPage("profile:save");

        assertEquals("저장했습니다.", browser.text(By.cssSelector(".form-info")));
        JsonObject stored = minji.agent().get("api/auth/me/notifications").expect(200).json();
        assertEquals("1h", stored.getString("email"));
        assertEquals(List.of(quiet), stored.getJsonArray("mutedRooms").getValuesAs(JsonNumber.class).stream()
                .map(JsonNumber::longValue).toList());
        assertTrue(browser.present(By.cssSelector("input[name='profile:email'][value='1h']")).isSelected(),
                "the page shows what was stored");
    }
}
