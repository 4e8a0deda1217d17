package dev.daehwa.it.browser;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.daehwa.it.support.App;
import dev.daehwa.it.support.ChatUser;
import dev.daehwa.it.support.Jsons;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** A room in the browser: history, composer, edit and delete, the members panel, and who may see it. */
@BrowserIT
class RoomPageIT {

    @Test
    void theOwnerCreatesARoomInTheDialogAndTheOtherMemberReadsTheMessage(App app, Browsers browsers) {
        ChatUser minji = app.newUser("minji");
        ChatUser joon = app.newUser(App.uniqueUsername("joon"), "Joon Park");
        Browser owner = browsers.open(app).logIn(minji);

        owner.click("new-room-open");
        owner.fill("new-room:name", "Launch plan");
        owner.fill("new-room:description", "Everything about Friday");
        WebElement members = owner.visible(By.id("new-room:members_input"));
        members.sendKeys(joon.username());
        owner.visible(By.cssSelector("#new-room\\:members_panel .ui-autocomplete-item[data-item-value='" + joon.username() + "']")).click();
        owner.clickAndWaitForPage("new-room:create");
        RoomPage room = RoomPage.on(owner);
        long roomId = Long.parseLong(owner.path().substring("rooms/".length()));
        owner.script("window.sameDocument = true");
        room.send("Plan is at https://example.com/plan?week=48&v=2 <script>window.pwned=1</script>");

        assertAll(
                () -> assertEquals("Launch plan", room.name()),
                () -> assertEquals(List.of(minji.username(), joon.username()).stream().sorted().toList(),
                        room.memberUsernames().stream().sorted().toList()),
                () -> assertEquals(Boolean.TRUE, owner.script("return window.sameDocument === true"),
                        "sending reloaded the page"),
                () -> assertTrue(room.messages().getFirst().getDomAttribute("class").contains("mine"),
                        "my own message is not marked as mine"));

        Browser reader = browsers.open(app).logIn(joon);
        assertEquals("1", Pages.unreadBadge(Pages.room(reader, "Launch plan")), "unread badge before opening");
        Pages.room(reader, "Launch plan").findElement(By.cssSelector("a.room-entry")).click();
        reader.awaitPath("rooms/" + roomId);
        RoomPage seen = RoomPage.on(reader);
        WebElement message = seen.messages().getFirst();
        WebElement link = message.findElement(By.cssSelector(".message-text a"));

        assertAll(
                () -> assertEquals("https://example.com/plan?week=48&v=2", link.getDomAttribute("href")),
                () -> assertEquals("_blank", link.getDomAttribute("target")),
                () -> assertTrue(link.getDomAttribute("rel").contains("noopener")),
                () -> assertTrue(message.getText().contains("<script>window.pwned=1</script>"), "the payload is not shown as text"),
                () -> assertNull(reader.script("return window.pwned"), "the payload ran"),
                () -> assertTrue(reader.all(By.cssSelector("#messages script")).isEmpty(), "the payload became an element"),
                () -> assertFalse(message.getDomAttribute("class").contains("mine"), "someone else's message marked as mine"),
                () -> assertTrue(message.getText().contains(minji.displayName()), "no sender name"),
                () -> assertFalse(reader.all(By.id("unread-divider")).isEmpty(), "no new-messages divider"));
        reader.go("");
        assertEquals("", Pages.unreadBadge(Pages.room(reader, "Launch plan")), "opening the room did not mark it read");
    }
}
