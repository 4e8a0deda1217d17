package dev.daehwa.it.browser;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.daehwa.it.support.App;
import dev.daehwa.it.support.ChatUser;
import dev.daehwa.it.support.Jsons;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** Two people in two browsers see each other live: messages, badges, typing, without reloading. */
@BrowserIT
class LivePagesIT {

    @Test
    void aMessageAppearsInTheOtherBrowserWithoutReload(App app, Browsers browsers) {
        ChatUser minji = app.newUser("liveminji");
        ChatUser joon = app.newUser("livejoon");
        long roomId = Jsons.id(minji.createRoom("Live room", joon));
        Browser minjiBrowser = browsers.open(app).logIn(minji);
        Browser joonBrowser = browsers.open(app).logIn(joon);
        RoomPage minjiRoom = RoomPage.open(minjiBrowser, roomId);
        RoomPage joonRoom = RoomPage.open(joonBrowser, roomId);
        joonBrowser.script("window.sameDocument = true");
        awaitConnected(minjiBrowser);
        awaitConnected(joonBrowser);

        minjiRoom.type("반가워요, ");
        String typing = joonBrowser.text(By.id("typing"));
        minjiRoom.type("실시간으로 보이나요?");
        long sent = System.nanoTime();
        minjiRoom.type(org.openqa.selenium.Keys.ENTER);
        joonRoom.message("반가워요, 실시간으로 보이나요?");
        long millis = (System.nanoTime() - sent) / 1_000_000;

        assertAll(
                () -> assertTrue(typing.contains(minji.displayName()), "typing indicator: " + typing),
                () -> assertTrue(millis < 1_000, "the message took " + millis + " ms to appear"),
                () -> assertEquals(Boolean.TRUE, joonBrowser.script("return window.sameDocument === true"),
                        "the page reloaded"));
    }

    @Test
    void theUnreadBadgeAndTitleCountLiveOnTheRoomList(App app, Browsers browsers) {
        ChatUser minji = app.newUser("badgeminji");
        ChatUser joon = app.newUser("badgejoon");
        long roomId = Jsons.id(minji.createRoom("Badge room", joon));
        Browser joonBrowser = browsers.open(app).logIn(joon);
        awaitConnected(joonBrowser);

        minji.send(roomId, "one");
        minji.send(roomId, "two");

        joonBrowser.until("a badge of 2", d -> Pages.unreadBadge(Pages.room(joonBrowser, "Badge room")).equals("2"));
        String title = joonBrowser.driver().getTitle();
        ChatUser carol = app.newUser("badgecarol");
        long another = Jsons.id(carol.createRoom("Added later", joon));
        carol.send(another, "hello from a room you just joined");
        joonBrowser.until("the new room with its badge", d -> Pages.roomNames(joonBrowser).contains("Added later")
                && Pages.unreadBadge(Pages.room(joonBrowser, "Added later")).equals("1"));

        assertAll(
                () -> assertTrue(title.startsWith("(2) "), "page title: " + title),
                () -> assertEquals("Added later", Pages.roomNames(joonBrowser).getFirst(), "the newest room is not on top"));
    }

    /** The socket said hello and the page resumed: from now on nothing is missed. */
    static void awaitConnected(Browser browser) {
        browser.until("the live connection", d -> Boolean.TRUE.equals(browser.script(
                "return !!(window.Daehwa && Daehwa.live && Daehwa.live.socket && Daehwa.live.socket.readyState === 1"
                        + " && Daehwa.live.resumed)")));
    }
}
