package dev.daehwa.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.daehwa.it.browser.Browser.Language;
import dev.daehwa.it.browser.Browser.Screen;
import dev.daehwa.it.support.App;
import dev.daehwa.it.support.ChatUser;
import dev.daehwa.it.support.Jsons;
import dev.daehwa.it.support.ReceivedEmail;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The unsubscribe link of a real notification email, opened in a browser that is not logged in:
 * the page asks, and its buttons mute the room, then stop all email.
 */
@BrowserIT
class UnsubscribePageIT {

    @Test
    void theLinkInTheEmailMutesTheRoomThenStopsAllEmailWithoutALogin(App app, Browsers browsers) {
        ChatUser minji = app.newUser("unsub");
        ChatUser joon = app.newConfirmedUser("unsub");
        joon.chooseEmail("immediate");
        long room = Jsons.id(minji.createRoom("주간 회의", joon));
        minji.send(room, "회의록 올렸어요");
        ReceivedEmail email = app.mail().awaitEmailsTo(joon.email(), 1, Duration.ofSeconds(30)).getFirst();
        String link = Jsoup.parse(email.html()).select("a[href*=unsubscribe?token=]").attr("href");
        assertTrue(link.startsWith(app.base().toString()), link);

        Browser browser = browsers.open(app, Screen.DESKTOP, Language.KOREAN);
        browser.go(link.substring(app.base().toString().length()));
        assertEquals("“주간 회의”의 읽지 않은 메시지 메일을 그만 받으시겠습니까?", browser.text(By.id("unsubscribe-state")));
        assertEquals("immediate", settings(joon).getString("email"), "opening the page changed nothing");

        browser.clickAndWaitForPage("unsubscribe-form:room");
        assertEquals("이제 “주간 회의” 메일을 보내지 않습니다.", browser.text(By.id("unsubscribe-state")));
        assertEquals(List.of(room), settings(joon).getJsonArray("mutedRooms").getValuesAs(JsonNumber.class).stream()
                .map(JsonNumber::longValue).toList());

        browser.clickAndWaitForPage("unsubscribe-form:all");
        assertEquals("이제 대화의 알림 메일을 보내지 않습니다.", browser.text(By.id("unsubscribe-state")));
        assertEquals("never", settings(joon).getString("email"));
    }

    private static JsonObject settings(ChatUser user) {
        return user.agent().get("api/auth/me/notifications").expect(200).json();
    }
}
