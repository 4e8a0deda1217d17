package dev.daehwa.it.browser;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import dev.daehwa.it.support.App;
import dev.daehwa.it.support.ChatUser;
import dev.daehwa.it.support.Jsons;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** My rooms at the context root: my rooms only, newest activity first, with unread badges; names are text. */
@BrowserIT
class MyRoomsPageIT {

    @Test
    void showsTheRoomsIAmInAndNoOthers(App app, Browsers browsers) {
        ChatUser alice = app.newUser("mine");
        ChatUser bob = app.newUser("bob");
        ChatUser carol = app.newUser("carol");
        alice.createRoom("주간 회의", bob);
        bob.createRoom("Bob's room", alice);
        carol.createRoom("Carol's secret", bob);

        Browser browser = browsers.open(app).logIn(alice);

        assertEquals(Set.of("주간 회의", "Bob's room"), Set.copyOf(Pages.roomNames(browser)));
        assertEquals(2, Pages.rooms(browser).size(), "one .room per room: " + Pages.roomNames(browser));
    }

    @Test
    void aNewUserHasNoRooms(App app, Browsers browsers) {
        ChatUser alice = app.newUser("empty");

        Browser browser = browsers.open(app).logIn(alice);

        assertTrue(browser.all(By.cssSelector("#rooms .room")).isEmpty());
    }

    @Test
    void theUnreadBadgeCountsOtherPeoplesMessages(App app, Browsers browsers) {
        ChatUser alice = app.newUser("unread");
        ChatUser bob = app.newUser("poster");
        long shared = Jsons.id(bob.createRoom("Shared", alice));
        bob.send(shared, "first");
        bob.send(shared, "second");
        long quiet = Jsons.id(alice.createRoom("Quiet", bob));
        alice.send(quiet, "my own message is never unread");

        Browser browser = browsers.open(app).logIn(alice);

        assertAll(
                () -> assertEquals("2", Pages.unreadBadge(Pages.room(browser, "Shared"))),
                () -> assertEquals("", Pages.unreadBadge(Pages.room(browser, "Quiet")), "a badge without unread messages"));
    }

    @Test
    void roomsAreSortedByRecentActivity(App app, Browsers browsers) throws InterruptedException {
        ChatUser alice = app.newUser("sorted");
        long first = Jsons.id(alice.createRoom("created first"));
        long second = Jsons.id(alice.createRoom("created second"));
        alice.createRoom("created third, no messages");
        // Activity times must differ where the system clock ticks coarsely (ties sort by id).
        Thread.sleep(20);
        alice.send(second, "second room becomes active");
        Thread.sleep(20);
        alice.send(first, "first room is now the most recent");

        Browser browser = browsers.open(app).logIn(alice);

        assertEquals(List.of("created first", "created second", "created third, no messages"), Pages.roomNames(browser));
    }

    @Test
    void roomNamesAndMessagesAreShownAsTextAndNeverRun(App app, Browsers browsers) {
        ChatUser alice = app.newUser("xss");
        ChatUser bob = app.newUser("mallory");
        String scriptName = "<script>window.pwned=1</script>";
        String imageName = "<img src=x onerror=\"window.pwned=2\">";
        alice.createRoom(scriptName);
        long room = Jsons.id(bob.createRoom(imageName, alice));
        bob.send(room, "<img src=x onerror=\"window.pwned=3\"><script>window.pwned=4</script>");

        Browser browser = browsers.open(app).logIn(alice);

        List<String> names = Pages.roomNames(browser);
        assertAll(
                () -> assertTrue(names.contains(scriptName), "the name is not shown literally: " + names),
                () -> assertTrue(names.contains(imageName), "the name is not shown literally: " + names),
                () -> assertNull(browser.script("return window.pwned"), "a room name or message ran as script"),
                () -> assertTrue(browser.all(By.cssSelector("#rooms script, #rooms img[src='x']")).isEmpty(),
                        "markup from a name or message became elements"));
    }
}
