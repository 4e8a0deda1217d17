package dev.daehwa.it.browser;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.daehwa.it.support.App;
import dev.daehwa.it.support.ChatUser;
import dev.daehwa.it.support.Jsons;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

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
        // Timed in the browsers (one machine, one clock), not by polling from the test.
        joonBrowser.script("""
                new MutationObserver((changes, observer) => {
                    if ([...document.querySelectorAll('#messages li.message')]
                            .some(li => li.querySelector('.message-text').textContent === arguments[0])) {
                        window.arrivedAt = Date.now();
                        observer.disconnect();
                    }
                }).observe(document.getElementById('messages'), {childList: true, subtree: true});""",
                "반가워요, 실시간으로 보이나요?");
        long sentAt = ((Number) minjiBrowser.script("return Date.now()")).longValue();
        minjiRoom.type(org.openqa.selenium.Keys.ENTER);
        joonRoom.message("반가워요, 실시간으로 보이나요?");
        long millis = ((Number) joonBrowser.script("return window.arrivedAt")).longValue() - sentAt;

        assertAll(
                () -> assertTrue(typing.contains(minji.displayName()), "typing indicator: " + typing),
                // Pushed, not found by a reload or a poll. One sample, from the keystroke in one
                // browser to the DOM of another, on a machine running both: a bound of the promised
                // second failed there on a stall; LiveDeliveryIT holds the second over many samples.
                () -> assertTrue(millis < 3_000, "the message took " + millis + " ms to appear"),
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

    /**
     * Minji picks Joon from the composer's @ list with the keyboard; Joon, on the room list, gets
     * a mention badge of its own and the tab's title counts it.
     */
    @Test
    void aMentionPickedInTheComposerReachesTheOtherSideAsAMentionBadge(App app, Browsers browsers) {
        ChatUser minji = app.newUser("pickminji");
        ChatUser joon = app.newUser(App.uniqueUsername("pickjoon"), "Joon Park");
        ChatUser sora = app.newUser(App.uniqueUsername("picksora"), "Sora Lee");
        long roomId = Jsons.id(minji.createRoom("Mention room", joon, sora));
        Browser joonBrowser = browsers.open(app).logIn(joon);
        awaitConnected(joonBrowser);
        Browser minjiBrowser = browsers.open(app).logIn(minji);
        minjiBrowser.go("rooms/" + roomId);
        RoomPage room = RoomPage.on(minjiBrowser);

        room.type("hi @jo");
        // The list is drawn again as each letter arrives; it is read once it has settled on Joon.
        String joonOption = "Joon Park @" + joon.username();
        List<String> offered = minjiBrowser.until("the picker offering Joon", d -> {
            Object texts = minjiBrowser.script("return Array.from(document.querySelectorAll("
                    + "'#mention-picker:not([hidden]) [role=option]')).map(o => o.textContent)");
            return texts instanceof List<?> list && list.contains(joonOption)
                    ? list.stream().map(String::valueOf).toList() : null;
        });
        room.type(Keys.ENTER);
        String afterPick = minjiBrowser.present(By.id("composer-text")).getDomProperty("value");
        boolean closed = !minjiBrowser.present(By.id("mention-picker")).isDisplayed();
        room.type("lunch?", Keys.ENTER);
        // The mention shows as the person's name; what was typed is kept as the content.
        WebElement sent = room.message("hi @Joon Park lunch?");
        String mentioned = sent.findElement(By.cssSelector(".message-text .mention")).getDomAttribute("data-user");
        room.type("@so", Keys.ESCAPE);
        boolean escClosed = !minjiBrowser.present(By.id("mention-picker")).isDisplayed();

        joonBrowser.until("a mention badge of @1", d -> mentionBadge(Pages.room(joonBrowser, "Mention room")).equals("@1"));
        String title = joonBrowser.driver().getTitle();
        assertAll(
                () -> assertEquals(List.of(joonOption), offered, "prefix match on the members"),
                () -> assertEquals("hi @" + joon.username() + " ", afterPick, "Enter picks instead of sending"),
                () -> assertTrue(closed, "the list closes once picked"),
                () -> assertTrue(escClosed, "Esc closes the list"),
                () -> assertEquals(String.valueOf(joon.id()), mentioned, "the mention names Joon"),
                () -> assertTrue(title.startsWith("(@1 · 1) "), "page title: " + title),
                () -> assertEquals("1", Pages.unreadBadge(Pages.room(joonBrowser, "Mention room"))));
    }

    static String mentionBadge(WebElement room) {
        return room.findElements(By.cssSelector(".room-mentions .count")).stream()
                .filter(WebElement::isDisplayed)
                .map(badge -> badge.getText().strip())
                .findFirst()
                .orElse("");
    }

    /**
     * Messages drawn by the script (live, or the answer to a send) offer Edit and Delete as the
     * server's mayEdit and mayDelete say: the owner may delete a member's message but not edit
     * it, another member may do neither, and the sender both.
     */
    @Test
    void aLiveMessageOffersOnlyWhatTheServerAllowsItsReader(App app, Browsers browsers) {
        ChatUser owner = app.newUser("ctrlowner");
        ChatUser sender = app.newUser("ctrlsender");
        ChatUser other = app.newUser("ctrlother");
        long roomId = Jsons.id(owner.createRoom("Controls", sender, other));
        Browser ownerBrowser = browsers.open(app).logIn(owner);
        Browser otherBrowser = browsers.open(app).logIn(other);
        RoomPage ownerRoom = RoomPage.open(ownerBrowser, roomId);
        RoomPage otherRoom = RoomPage.open(otherBrowser, roomId);
        awaitConnected(ownerBrowser);
        awaitConnected(otherBrowser);

        sender.send(roomId, "a member's live message");
        WebElement asOwnerSees = ownerRoom.message("a member's live message");
        WebElement asOtherSees = otherRoom.message("a member's live message");
        ownerRoom.send("the owner's own message");
        WebElement ownOnOwnersPage = ownerBrowser.until("the owner's message as the server answered it",
                d -> d.findElements(By.cssSelector("#messages li.message:not(.pending)")).stream()
                        .filter(m -> m.findElement(By.cssSelector(".message-text")).getText().equals("the owner's own message"))
                        .filter(m -> !m.findElements(By.cssSelector(".message-edit")).isEmpty())
                        .findFirst().orElse(null));
        WebElement ownersOnOthersPage = otherRoom.message("the owner's own message");

        assertAll(
                () -> assertTrue(controls(asOwnerSees, ".message-delete"), "the owner may delete a member's message"),
                () -> assertFalse(controls(asOwnerSees, ".message-edit"), "the owner may edit a member's message"),
                () -> assertFalse(controls(asOtherSees, ".message-edit, .message-delete"),
                        "another member may edit or delete a member's message"),
                () -> assertTrue(controls(ownOnOwnersPage, ".message-delete"), "the sender may delete their message"),
                () -> assertFalse(controls(ownersOnOthersPage, ".message-edit, .message-delete"),
                        "another member may edit or delete the owner's message"));
    }

    private static boolean controls(WebElement message, String selector) {
        return !message.findElements(By.cssSelector(selector)).isEmpty();
    }

    /**
     * The room list's last line is the server's snippet, drawn live exactly as the page renders
     * it: whitespace collapsed, cut at 80 characters without splitting an emoji, "…" when cut.
     */
    @Test
    void theRoomListShowsTheServersSnippetLiveAndAfterAReload(App app, Browsers browsers) {
        ChatUser minji = app.newUser("snipminji");
        ChatUser joon = app.newUser("snipjoon");
        long roomId = Jsons.id(minji.createRoom("Snippets", joon));
        Browser joonBrowser = browsers.open(app).logIn(joon);
        awaitConnected(joonBrowser);

        String content = "가".repeat(70) + "\n\n  " + "😀".repeat(20);
        String snippet = minji.send(roomId, content).getString("snippet");
        String expected = minji.displayName() + ": " + snippet;
        joonBrowser.until("the live last line", d -> lastLine(joonBrowser, "Snippets").equals(expected));
        joonBrowser.go("");
        String rendered = lastLine(joonBrowser, "Snippets");

        assertAll(
                () -> assertEquals("가".repeat(70) + " " + "😀".repeat(9) + "…", snippet, "the server's snippet"),
                () -> assertEquals(expected, rendered, "the page renders the same line as the live update"));
    }

    private static String lastLine(Browser browser, String room) {
        return Pages.room(browser, room).findElement(By.cssSelector(".room-last")).getText();
    }

    /**
     * The network drops (the socket closes) while someone posts: the page says it is reconnecting,
     * comes back, resumes from the last seq it shows, and ends with every message exactly once.
     */
    @Test
    void aDroppedConnectionComesBackWithEveryMessageOnce(App app, Browsers browsers) {
        ChatUser minji = app.newUser("dropminji");
        ChatUser joon = app.newUser("dropjoon");
        long roomId = Jsons.id(minji.createRoom("Flaky network", joon));
        minji.send(roomId, "before the drop");
        Browser joonBrowser = browsers.open(app).logIn(joon);
        RoomPage room = RoomPage.open(joonBrowser, roomId);
        awaitConnected(joonBrowser);

        joonBrowser.script("Daehwa.live.socket.close()");
        String status = joonBrowser.text(By.id("live-status"));
        for (int i = 1; i <= 5; i++) {
            minji.send(roomId, "while away " + i);
        }
        awaitConnected(joonBrowser);
        minji.send(roomId, "after the return");
        room.message("after the return");

        assertAll(
                () -> assertFalse(status.isBlank(), "no reconnecting notice"),
                () -> assertEquals(java.util.List.of("before the drop", "while away 1", "while away 2", "while away 3",
                        "while away 4", "while away 5", "after the return"), room.texts(),
                        "every message once, in order"));
    }

    /**
     * Reading a room live moves the read marker (debounced), and the same person's other tab sees
     * its badge clear; meanwhile the other person shows as online in the members panel.
     */
    @Test
    void readingLiveClearsTheBadgeInAnotherTabAndPresenceShows(App app, Browsers browsers) {
        ChatUser minji = app.newUser("tabminji");
        ChatUser joon = app.newUser("tabjoon");
        long roomId = Jsons.id(minji.createRoom("Two tabs", joon));
        Browser joonReading = browsers.open(app).logIn(joon);
        RoomPage room = RoomPage.open(joonReading, roomId);
        Browser joonList = browsers.open(app).logIn(joon);
        awaitConnected(joonReading);
        awaitConnected(joonList);
        Browser minjiBrowser = browsers.open(app).logIn(minji);
        RoomPage.open(minjiBrowser, roomId).openMembers();
        awaitConnected(minjiBrowser);

        minji.send(roomId, "are you there?");
        room.message("are you there?");

        joonReading.until("the read marker to move while reading", d -> joon.room(roomId).getInt("unreadCount") == 0);
        // The list counted the message (badge 1) and then heard the marker move (badge cleared).
        joonList.until("the other tab to show the message read", d -> {
            org.openqa.selenium.WebElement entry = Pages.room(joonList, "Two tabs");
            return entry.findElement(By.cssSelector(".room-last")).getText().contains("are you there?")
                    && Pages.unreadBadge(entry).isEmpty();
        });
        minjiBrowser.until("Joon shown online", d -> !d.findElements(
                By.cssSelector("#member-list .presence.online[data-presence-for='" + joon.username() + "']")).isEmpty());
    }

    /**
     * A message is shown at once as pending; when the network fails it is marked as not sent with
     * a Retry button, and retrying delivers it exactly once.
     */
    @Test
    void aFailedSendCanBeRetriedAndIsStoredOnce(App app, Browsers browsers) {
        ChatUser minji = app.newUser("retryminji");
        long roomId = Jsons.id(minji.createRoom("Retry room"));
        Browser browser = browsers.open(app).logIn(minji);
        RoomPage room = RoomPage.open(browser, roomId);
        awaitConnected(browser);

        browser.script("window.realFetch = window.fetch; window.fetch = () => Promise.reject(new TypeError('offline'))");
        room.type("sent on a bad network", org.openqa.selenium.Keys.ENTER);
        browser.visible(By.cssSelector("#messages li.message.pending.failed .message-retry"));
        browser.script("window.fetch = window.realFetch");
        browser.present(By.cssSelector("#messages li.message.failed .message-retry")).click();
        room.message("sent on a bad network");
        browser.until("the pending copy to be replaced", d -> d.findElements(By.cssSelector("#messages li.pending")).isEmpty());

        assertAll(
                () -> assertEquals(java.util.List.of("sent on a bad network"), room.texts(), "shown once"),
                () -> assertEquals(1, minji.history(roomId).size(), "stored once"));
    }

    /** The socket said hello and the page resumed: from now on nothing is missed. */
    /**
     * Joon reacts to Minji's message from the picker and with an emoji typed in its box; Minji
     * sees both live, with Joon's name on hover, and sees his 👍 go when he clicks it off.
     */
    @Test
    void aReactionAppearsAndGoesLiveInTheOtherBrowser(App app, Browsers browsers) {
        ChatUser minji = app.newUser("reactminji");
        ChatUser joon = app.newUser(App.uniqueUsername("reactjoon"), "Joon <b>Park</b>");
        long roomId = Jsons.id(minji.createRoom("Reaction room", joon));
        minji.send(roomId, "Lunch at noon?");
        Browser minjiBrowser = browsers.open(app).logIn(minji);
        Browser joonBrowser = browsers.open(app).logIn(joon);
        RoomPage minjiRoom = RoomPage.open(minjiBrowser, roomId);
        RoomPage joonRoom = RoomPage.open(joonBrowser, roomId);
        minjiBrowser.script("window.sameDocument = true");
        awaitConnected(minjiBrowser);
        awaitConnected(joonBrowser);

        WebElement message = joonRoom.message("Lunch at noon?");
        new org.openqa.selenium.interactions.Actions(joonBrowser.driver()).moveToElement(message).perform();
        message.findElement(By.cssSelector(".reaction-add")).click();
        joonBrowser.visible(By.cssSelector(".reaction-picker .reaction-choice[data-emoji='👍']")).click();
        joonBrowser.until("joon's own 👍, pressed", d -> "true".equals(reactionOn(joonBrowser, "👍", "aria-pressed")));

        String count = minjiBrowser.until("joon's 👍 in minji's browser", d -> reactionOn(minjiBrowser, "👍", "count"));
        String pressed = reactionOn(minjiBrowser, "👍", "aria-pressed");
        String title = reactionOn(minjiBrowser, "👍", "title");

        // ChromeDriver types no emoji beyond the BMP: the box is filled as a paste would fill it.
        new org.openqa.selenium.interactions.Actions(joonBrowser.driver()).moveToElement(message).perform();
        message.findElement(By.cssSelector(".reaction-add")).click();
        WebElement box = joonBrowser.visible(By.cssSelector(".reaction-picker .reaction-other input"));
        joonBrowser.script("arguments[0].value = arguments[1]", box, "🎉");
        joonBrowser.present(By.cssSelector(".reaction-picker .reaction-other button")).click();
        minjiBrowser.until("joon's 🎉 in minji's browser", d -> "1".equals(reactionOn(minjiBrowser, "🎉", "count")));

        joonBrowser.present(By.cssSelector(".reaction[data-emoji='👍']")).click();
        minjiBrowser.until("joon's 👍 gone from minji's browser", d -> reactionOn(minjiBrowser, "👍", "count") == null);

        assertAll(
                () -> assertEquals("1", count),
                () -> assertEquals("false", pressed, "not minji's own"),
                () -> assertTrue(title.contains("Joon <b>Park</b>") && title.contains("👍"), "hover text: " + title),
                () -> assertEquals(List.of("🎉"), minjiBrowser.all(By.cssSelector(".reaction .reaction-emoji")).stream()
                        .map(WebElement::getText).toList()),
                () -> assertEquals(Boolean.TRUE, minjiBrowser.script("return window.sameDocument === true"),
                        "the page reloaded"));
    }

    /** The count, title or aria-pressed of the reaction with this emoji on the page, or null if there is none. */
    private static String reactionOn(Browser browser, String emoji, String what) {
        Object value = browser.script("""
                const chip = [...document.querySelectorAll('#messages .reaction')].find(b => b.dataset.emoji === arguments[0]);
                if (!chip) { return null; }
                return arguments[1] === 'count' ? chip.querySelector('.reaction-count').textContent : chip.getAttribute(arguments[1]);""",
                emoji, what);
        return value == null ? null : value.toString();
    }

    static void awaitConnected(Browser browser) {
        browser.until("the live connection", d -> Boolean.TRUE.equals(browser.script(
                "return !!(window.Daehwa && Daehwa.live && Daehwa.live.socket && Daehwa.live.socket.readyState === 1"
                        + " && Daehwa.live.resumed)")));
    }
}
