package dev.daehwa.it.browser;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.daehwa.it.support.App;
import dev.daehwa.it.support.ChatUser;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Two people, two browsers, everything through the pages: the story a new team lives on its
 * first day. Each step's details have their own tests (JoinPageIT, RoomPageIT…); this one proves
 * the steps join up.
 */
@BrowserIT
class TwoPeopleJourneyIT {

    @Test
    void twoPeopleMeetTalkFixTheirWordsAndPartWays(App app, Browsers browsers) {
        ChatUser joon = app.newUser(App.uniqueUsername("joon"), "Joon Park");
        String minjiName = App.uniqueUsername("minji");

        // Minji signs up, logs out and back in.
        Browser minji = browsers.open(app);
        minji.go("join");
        JoinPageIT.fillForm(minji, minjiName, minjiName + "@example.test", "Minji Kim", App.PASSWORD, App.PASSWORD);
        minji.clickAndWaitForPage("join:submit");
        minji.awaitPath("");
        minji.clickAndWaitForPage("logout-link");
        minji.clickAndWaitForPage("logout:confirm");
        minji.awaitPath("login");
        minji.logIn(new ChatUser(0, minjiName, App.PASSWORD, null, "Minji Kim", null));

        // She opens a room, adds Joon from the members panel and writes to him.
        minji.click("new-room-open");
        minji.fill("new-room:name", "First day");
        minji.clickAndWaitForPage("new-room:create");
        RoomPage room = RoomPage.on(minji);
        String roomPath = minji.path();
        room.addMember(joon.username().substring(0, 6), joon.username());
        room.send("Welcome! Notes: https://example.com/notes?day=1 <script>window.pwned=1</script>");
        room.send("Lunch at noon?");

        // Joon sees two unread messages, opens the room, and the link works while the script does not run.
        Browser joonBrowser = browsers.open(app).logIn(joon);
        String badge = Pages.unreadBadge(Pages.room(joonBrowser, "First day"));
        joonBrowser.go(roomPath);
        RoomPage joonRoom = RoomPage.on(joonBrowser);
        WebElement welcome = joonRoom.message("Welcome! Notes: https://example.com/notes?day=1 <script>window.pwned=1</script>");
        WebElement link = welcome.findElement(By.cssSelector(".message-text a"));
        String href = link.getDomAttribute("href");
        link.click();
        boolean openedInNewTab = joonBrowser.until("the link to open a tab", d -> d.getWindowHandles().size() == 2);
        joonRoom.send("Sounds good, see you tehre");
        joonRoom.edit(joonRoom.message("Sounds good, see you tehre"), "Sounds good, see you there");

        // Minji sees Joon's words after a reload; she takes back her lunch question.
        minji.go(roomPath);
        RoomPage minjiAgain = RoomPage.on(minji);
        List<String> minjiSees = minjiAgain.texts();
        minjiAgain.delete(minjiAgain.message("Lunch at noon?"));

        // Joon leaves; Minji would have to add him again; the address alone no longer lets him in.
        joonBrowser.go(roomPath);
        List<String> joonSees = RoomPage.on(joonBrowser).texts();
        RoomPage.on(joonBrowser).leave();
        joonBrowser.go(roomPath);
        String joonAfterLeaving = joonBrowser.text(By.id("error-title"));

        assertAll(
                () -> assertEquals("2", badge, "Joon's unread badge"),
                () -> assertTrue(openedInNewTab, "the link did not open in a new tab"),
                () -> assertEquals("https://example.com/notes?day=1", href),
                () -> assertNull(joonBrowser.script("return window.pwned"), "the script in the message ran"),
                () -> assertEquals(List.of(
                        "Welcome! Notes: https://example.com/notes?day=1 <script>window.pwned=1</script>",
                        "Lunch at noon?", "Sounds good, see you there"), minjiSees, "what Minji sees after Joon's edit"),
                () -> assertFalse(joonSees.contains("Lunch at noon?"), "a deleted message is still shown"),
                () -> assertEquals("Page not found", joonAfterLeaving, "Joon still sees the room he left"));
    }
}
