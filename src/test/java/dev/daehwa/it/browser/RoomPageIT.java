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
                () -> assertNull(link.getDomAttribute("target"), "links carry no target; the page opens them in a new tab"),
                () -> assertTrue(link.getDomAttribute("rel").contains("noopener")),
                () -> assertTrue(message.getText().contains("<script>window.pwned=1</script>"), "the payload is not shown as text"),
                () -> assertNull(reader.script("return window.pwned"), "the payload ran"),
                () -> assertTrue(reader.all(By.cssSelector("#messages script")).isEmpty(), "the payload became an element"),
                () -> assertFalse(message.getDomAttribute("class").contains("mine"), "someone else's message marked as mine"),
                () -> assertTrue(message.getText().contains(minji.displayName()), "no sender name"),
                () -> assertFalse(reader.all(By.id("unread-divider")).isEmpty(), "no new-messages divider"));
        // The page's script, not the GET that served it, marks what it shows read.
        reader.until("the page to mark the room read", d -> joon.room(roomId).getInt("unreadCount") == 0);
        reader.go("");
        assertEquals("", Pages.unreadBadge(Pages.room(reader, "Launch plan")), "opening the room did not mark it read");
    }

    @Test
    void enterSendsShiftEnterBreaksTheLineAndEmptyMessagesCannotBeSent(App app, Browsers browsers) {
        ChatUser minji = app.newUser("keys");
        long roomId = minji.createRoomId();
        Browser browser = browsers.open(app).logIn(minji);
        RoomPage room = RoomPage.open(browser, roomId);
        WebElement send = browser.present(By.id("composer-send"));

        boolean disabledWhenEmpty = !send.isEnabled();
        room.type("   ", Keys.ENTER);
        int afterBlankEnter = room.messages().size();
        room.type("first line", Keys.chord(Keys.SHIFT, Keys.ENTER), "second line");
        boolean stillComposing = room.messages().isEmpty() && room.composerText().equals("   first line\nsecond line");
        room.type(Keys.ENTER);
        WebElement sent = room.message("first line\nsecond line");

        assertAll(
                () -> assertTrue(disabledWhenEmpty, "Send is enabled with nothing to send"),
                () -> assertEquals(0, afterBlankEnter, "Enter sent a blank message"),
                () -> assertTrue(stillComposing, "Shift+Enter sent the message instead of breaking the line"),
                () -> assertEquals(1, sent.findElements(By.cssSelector(".message-text br")).size(), "the line break is lost"),
                () -> assertEquals(1, minji.history(roomId).size(), "messages stored"));
    }

    @Test
    void aCounterAppearsNearTheLimitAndTooLongCannotBeSent(App app, Browsers browsers) {
        ChatUser minji = app.newUser("limit");
        long roomId = minji.createRoomId();
        Browser browser = browsers.open(app).logIn(minji);
        RoomPage.open(browser, roomId);

        String shortCount = composeByScript(browser, "가".repeat(100));
        String nearCount = composeByScript(browser, "가".repeat(9_500));
        boolean sendableNear = browser.present(By.id("composer-send")).isEnabled();
        String overCount = composeByScript(browser, "😀".repeat(10_001));
        boolean sendableOver = browser.present(By.id("composer-send")).isEnabled();

        assertAll(
                () -> assertEquals("", shortCount, "a counter far from the limit"),
                () -> assertTrue(nearCount.contains("9,500") && nearCount.contains("10,000"), "counter near the limit: " + nearCount),
                () -> assertTrue(sendableNear, "9,500 characters cannot be sent"),
                () -> assertTrue(overCount.contains("10,001"), "emoji are counted as one character each: " + overCount),
                () -> assertFalse(sendableOver, "10,001 characters can be sent"),
                () -> assertFalse(browser.text(By.id("composer-error")).isEmpty(), "no explanation for the disabled Send"));
    }

    /** Puts text in the composer as if typed (sendKeys of 10,000 characters takes too long) and reads the counter. */
    private static String composeByScript(Browser browser, String text) {
        browser.script("""
                const field = document.getElementById('composer-text');
                field.value = arguments[0];
                field.dispatchEvent(new Event('input', {bubbles: true}));""", text);
        return browser.present(By.id("composer-count")).getText().strip();
    }

    @Test
    void theSenderEditsTheOwnerModeratesAndOthersMayDoNeither(App app, Browsers browsers) {
        ChatUser owner = app.newUser("owner");
        ChatUser member = app.newUser("member");
        long roomId = Jsons.id(owner.createRoom("Moderated", member));
        owner.send(roomId, "from the owner");
        member.send(roomId, "typo hree");
        member.send(roomId, "something rude");

        Browser memberBrowser = browsers.open(app).logIn(member);
        RoomPage memberView = RoomPage.open(memberBrowser, roomId);
        WebElement ownersMessage = memberView.message("from the owner");
        boolean memberMayTouchOwners = !ownersMessage.findElements(By.cssSelector(".message-edit, .message-delete")).isEmpty();
        memberView.edit(memberView.message("typo hree"), "typo here");
        memberBrowser.go("rooms/" + roomId);
        WebElement edited = RoomPage.on(memberBrowser).message("typo here");

        Browser ownerBrowser = browsers.open(app).logIn(owner);
        RoomPage ownerView = RoomPage.open(ownerBrowser, roomId);
        WebElement rude = ownerView.message("something rude");
        boolean ownerMayEditOthers = !rude.findElements(By.cssSelector(".message-edit")).isEmpty();
        ownerView.delete(rude);

        assertAll(
                () -> assertFalse(memberMayTouchOwners, "a member may edit or delete the owner's message"),
                () -> assertFalse(edited.findElements(By.cssSelector(".message-edited")).isEmpty(), "no (edited) mark after reload"),
                () -> assertFalse(ownerMayEditOthers, "the owner may edit someone else's words"),
                () -> assertEquals(List.of("from the owner", "typo here"),
                        owner.history(roomId).stream().map(m -> m.getString("content")).toList(), "stored history"));
    }

    @Test
    void loadOlderPagesBackThroughTheHistoryWithoutGapsOrRepeats(App app, Browsers browsers) {
        ChatUser minji = app.newUser("older");
        long roomId = minji.createRoomId();
        for (int i = 1; i <= 120; i++) {
            minji.send(roomId, "message " + i);
        }
        Browser browser = browsers.open(app).logIn(minji);
        RoomPage room = RoomPage.open(browser, roomId);
        int first = room.messages().size();

        browser.click("load-older");
        browser.until("100 messages", d -> room.messages().size() == 100);
        browser.click("load-older");
        browser.until("120 messages", d -> room.messages().size() == 120);

        assertAll(
                () -> assertEquals(50, first, "messages on opening"),
                () -> assertEquals(IntStream.rangeClosed(1, 120).mapToObj(i -> "message " + i).toList(), room.texts()),
                () -> assertTrue(browser.all(By.id("load-older")).isEmpty(), "load older is offered at the start of the room"),
                () -> assertEquals(1, room.headers().stream().filter(name -> !name.isEmpty()).count(),
                        "one author's quick messages, loaded in three pages, head more than one group"),
                () -> assertEquals(1, room.days().size(), "one day's messages, loaded in three pages, under several day lines"));
    }

    /**
     * Quick messages by one author read as one group under their name, however they arrive
     * (sent here, live from someone else, server-rendered), deleting a group's head gives the
     * name to the next, and each day begins under a line naming it, in the page's language.
     */
    @Test
    void messagesByOneAuthorGroupUnderOneNameAndEachDayHasItsLine(App app, Browsers browsers) {
        ChatUser minji = app.newUser(App.uniqueUsername("gminji"), "Minji");
        ChatUser joon = app.newUser(App.uniqueUsername("gjoon"), "Joon");
        long roomId = Jsons.id(minji.createRoom("Groups", joon));
        Browser english = browsers.open(app).logIn(minji);
        RoomPage mine = RoomPage.open(english, roomId);
        mine.send("first");
        mine.send("second");
        joon.send(roomId, "from joon");
        mine.message("from joon");
        mine.send("third");
        english.until("the server's copies of what was sent", d -> d.findElements(By.cssSelector("#messages li.pending")).isEmpty());
        List<String> live = mine.headers();
        List<String> englishDays = mine.days();

        // read up to the end, so no "New messages" line (which starts a group of its own) sits between them
        long lastSeq = joon.history(roomId).getLast().getJsonNumber("seq").longValue();
        joon.agent().post("api/rooms/" + roomId + "/read", Jsons.object("seq", lastSeq)).expect(204);
        Browser korean = browsers.open(app, Browser.Screen.DESKTOP, Browser.Language.KOREAN).logIn(joon);
        RoomPage his = RoomPage.open(korean, roomId);
        List<String> rendered = his.headers();
        List<String> koreanDays = his.days();

        mine.delete(mine.message("first"));
        korean.until("the deletion to arrive", d -> his.texts().size() == 3);
        List<String> headPromoted = his.headers();
        mine.delete(mine.message("from joon"));
        korean.until("the deletion to arrive", d -> his.texts().size() == 2);

        assertAll(
                () -> assertEquals(List.of("Minji", "", "Joon", "Minji"), live, "grouped as they arrived"),
                () -> assertEquals(live, rendered, "grouped as the server rendered them"),
                () -> assertEquals(List.of("Today"), englishDays),
                () -> assertEquals(List.of("오늘"), koreanDays),
                () -> assertEquals(List.of("Minji", "Joon", "Minji"), headPromoted, "the next message did not take the deleted head's name"),
                () -> assertEquals(List.of("Minji", ""), mine.headers(), "the messages around a deleted one did not join"),
                () -> assertEquals(List.of("Minji", ""), his.headers(), "live deletions did not regroup"),
                () -> assertEquals(List.of("오늘"), his.days()));
        assertDaysOfOlderMessages(english, "March 15, 2020", "Yesterday", "Today");
        assertDaysOfOlderMessages(korean, "2020년 3월 15일", "어제", "오늘");
    }

    /**
     * Older days, by the page's own arrange on messages made up in the browser (the server
     * stamps every message with its own clock): in the browser's time zone, a line for each day,
     * yesterday by name; a group ends at midnight; a day whose only message goes loses its line.
     */
    @SuppressWarnings("unchecked")
    private static void assertDaysOfOlderMessages(Browser browser, String longAgo, String yesterday, String today) {
        java.util.Map<String, Object> seen = (java.util.Map<String, Object>) browser.script("""
                const room = Daehwa.room;
                const list = document.createElement('ol');
                const at = (daysAgo, hours, minutes) => {
                    const date = new Date();
                    date.setDate(date.getDate() - daysAgo);
                    date.setHours(hours, minutes, 0, 0);
                    return date.getTime();
                };
                const made = [[1, new Date(2020, 2, 15, 12, 0).getTime()], [1, new Date(2020, 2, 15, 12, 1).getTime()],
                        [1, at(1, 23, 58)], [1, at(0, 0, 1)], [1, at(0, 0, 2)]].map(([sender, created]) => {
                    const item = document.createElement('li');
                    item.className = 'message';
                    item.dataset.senderId = sender;
                    item.dataset.created = created;
                    list.append(item);
                    return item;
                });
                room.arrange(made);
                const days = () => Array.from(list.querySelectorAll('.day-separator')).map(li => li.textContent);
                const continued = made.map(item => item.classList.contains('continued'));
                const before = days();
                room.removeMessage(made[2]);
                const afterYesterdayGoes = days();
                room.removeMessage(made[3]);
                const afterHeadGoes = days();
                const promoted = !made[4].classList.contains('continued');
                room.removeMessage(made[4]);
                return {before, continued, afterYesterdayGoes, afterHeadGoes, promoted, afterTodayGoes: days()};""");
        List<String> before = (List<String>) seen.get("before");
        assertAll(
                () -> assertEquals(3, before.size(), "day lines: " + before),
                () -> assertTrue(before.getFirst().contains(longAgo), "the line of an older day: " + before),
                () -> assertEquals(List.of(yesterday, today), before.subList(1, before.size())),
                () -> assertEquals(List.of(false, true, false, false, true), seen.get("continued"),
                        "grouped: a minute apart continues, three minutes across midnight does not"),
                () -> assertEquals(List.of(before.getFirst(), today), seen.get("afterYesterdayGoes"),
                        "yesterday's only message went, its line stayed"),
                () -> assertEquals(List.of(before.getFirst(), today), seen.get("afterHeadGoes"),
                        "today's line went with its first message"),
                () -> assertEquals(true, seen.get("promoted"), "today's second message stayed under the deleted one's name"),
                () -> assertEquals(List.of(before.getFirst()), seen.get("afterTodayGoes"),
                        "today's line stayed after its last message went"));
    }

    /**
     * What is typed in a room's composer survives a reload until it is sent, also when sending
     * failed; each room has its own, and another account in the same browser sees none of it.
     */
    @Test
    void aDraftSurvivesReloadingUntilItIsSentPerRoomAndPerAccount(App app, Browsers browsers) {
        ChatUser minji = app.newUser("draft");
        ChatUser joon = app.newUser("draftmate");
        long roomId = Jsons.id(minji.createRoom("Drafts", joon));
        long otherRoomId = minji.createRoomId();
        Browser browser = browsers.open(app).logIn(minji);
        RoomPage room = RoomPage.open(browser, roomId);
        room.type("반쯤 쓴 생각 ", "half a thought");
        String reloaded = room.reload().composerText();
        boolean sendable = browser.present(By.id("composer-send")).isEnabled();
        RoomPage other = RoomPage.open(browser, otherRoomId);
        String otherOnOpening = other.composerText();
        other.type("the other room's words");
        String back = RoomPage.open(browser, roomId).composerText();

        room.type(Keys.ENTER);
        room.message("반쯤 쓴 생각 half a thought");
        String afterSending = room.reload().composerText();
        browser.script("window.realFetch = window.fetch; window.fetch = () => Promise.reject(new TypeError('offline'))");
        room.type("lost on the way", Keys.ENTER);
        browser.visible(By.cssSelector("#messages li.message.pending.failed"));
        String afterFailing = room.reload().composerText();
        String otherAtTheEnd = RoomPage.open(browser, otherRoomId).composerText();

        browser.clickAndWaitForPage("logout-link");
        browser.clickAndWaitForPage("logout:confirm");
        browser.logIn(joon);
        String anotherAccount = RoomPage.open(browser, roomId).composerText();

        assertAll(
                () -> assertEquals("반쯤 쓴 생각 half a thought", reloaded, "the draft after a reload"),
                () -> assertTrue(sendable, "a restored draft cannot be sent"),
                () -> assertEquals("", otherOnOpening, "another room opened with this room's draft"),
                () -> assertEquals("반쯤 쓴 생각 half a thought", back, "the draft after visiting another room"),
                () -> assertEquals("", afterSending, "the draft came back after it was sent"),
                () -> assertEquals("lost on the way", afterFailing, "a send that failed took the draft with it"),
                () -> assertEquals("the other room's words", otherAtTheEnd, "the other room's own draft"),
                () -> assertEquals("", anotherAccount, "another account in the same browser sees the draft"));
    }

    @Test
    void membersAreAddedFromNonMemberSuggestionsRemovedByTheOwnerAndMayLeave(App app, Browsers browsers) {
        String tag = App.uniqueUsername("t").substring(2, 8);
        ChatUser owner = app.newUser("own" + tag);
        ChatUser inside = app.newUser("mem" + tag + "a", "Member A");
        ChatUser outside = app.newUser("mem" + tag + "b", "Member B");
        ChatUser leaver = app.newUser("mem" + tag + "c", "Member C");
        long roomId = Jsons.id(owner.createRoom("Team " + tag, inside, leaver));

        Browser ownerBrowser = browsers.open(app).logIn(owner);
        RoomPage ownerView = RoomPage.open(ownerBrowser, roomId);
        List<String> suggested = ownerView.suggestionsFor("mem" + tag);
        ownerView.addMember("mem" + tag + "b", outside.username());
        List<String> removable = ownerView.removableUsernames().stream().sorted().toList();
        boolean ownerMayLeave = !ownerBrowser.all(By.id("members:leave")).isEmpty();
        ownerView.removeMember(inside.username());

        Browser insideBrowser = browsers.open(app).logIn(inside);
        insideBrowser.go("rooms/" + roomId);
        String removedSees = insideBrowser.text(By.id("error-title"));

        Browser leaverBrowser = browsers.open(app).logIn(leaver);
        RoomPage leaverView = RoomPage.open(leaverBrowser, roomId);
        boolean memberMayRemove = !leaverView.removableUsernames().isEmpty();
        leaverView.leave();
        List<String> leaverRooms = Pages.roomNames(leaverBrowser);
        leaverBrowser.go("rooms/" + roomId);
        String leaverSees = leaverBrowser.text(By.id("error-title"));

        assertAll(
                () -> assertEquals(List.of(outside.username()), suggested, "suggestions must be exactly the non-members"),
                () -> assertEquals(List.of(inside.username(), outside.username(), leaver.username()).stream().sorted().toList(),
                        removable, "the owner may remove everyone but themself"),
                () -> assertFalse(ownerMayLeave, "the owner is offered to leave"),
                () -> assertEquals("Page not found", removedSees, "a removed member still sees the room"),
                () -> assertFalse(memberMayRemove, "a member is offered to remove others"),
                () -> assertFalse(leaverRooms.contains("Team " + tag), "the room is still in the leaver's list"),
                () -> assertEquals("Page not found", leaverSees, "the leaver still sees the room"),
                () -> assertEquals(List.of(owner.username(), outside.username()).stream().sorted().toList(),
                        owner.room(roomId).getJsonArray("members").getValuesAs(jakarta.json.JsonObject.class).stream()
                                .map(m -> m.getString("username")).sorted().toList(), "stored members"));
    }

    @Test
    void aStrangerTypingTheAddressGetsTheNotFoundPage(App app, Browsers browsers) {
        ChatUser owner = app.newUser("private");
        ChatUser stranger = app.newUser("stranger");
        long roomId = Jsons.id(owner.createRoom("Private plans"));
        owner.send(roomId, "secret: the launch is on Friday");
        Browser browser = browsers.open(app).logIn(stranger);

        browser.go("rooms/" + roomId);
        String title = browser.text(By.id("error-title"));
        String page = browser.driver().getPageSource();
        browser.go("rooms/" + (roomId + 1_000_000));
        String missingTitle = browser.text(By.id("error-title"));

        assertAll(
                () -> assertEquals("Page not found", title),
                () -> assertFalse(page.contains("Private plans") || page.contains("secret"), "the page leaks the room"),
                () -> assertEquals(title, missingTitle, "a private room and a missing one must look the same"));
    }

    @Test
    void formattingShortcutsWrapTheSelectionAndTheMessageShowsFormatted(App app, Browsers browsers) {
        ChatUser minji = app.newUser("format");
        long roomId = minji.createRoomId();
        Browser browser = browsers.open(app).logIn(minji);
        RoomPage room = RoomPage.open(browser, roomId);

        room.type("굵게");
        browser.script("document.getElementById('composer-text').select()");
        room.type(Keys.chord(Keys.CONTROL, "b"));
        String bold = room.composerText();
        room.type(Keys.END, " and ", "code");
        browser.script("var t = document.getElementById('composer-text'); t.setSelectionRange(t.value.length - 4, t.value.length)");
        room.type(Keys.chord(Keys.CONTROL, "e"));
        String both = room.composerText();
        room.type(Keys.ENTER);
        WebElement sent = room.message("굵게 and code");
        int windowsBefore = browser.driver().getWindowHandles().size();
        minji.send(roomId, "see https://example.com/formatting");
        browser.until("the link to arrive", d -> !d.findElements(By.cssSelector(".message-text a")).isEmpty());
        browser.present(By.cssSelector(".message-text a")).click();
        browser.until("the link to open in a new tab", d -> d.getWindowHandles().size() == windowsBefore + 1);
        String stillHere = browser.path();
        String mine = browser.driver().getWindowHandle();
        for (String handle : browser.driver().getWindowHandles()) {
            if (!handle.equals(mine)) {
                browser.driver().switchTo().window(handle).close();
            }
        }
        browser.driver().switchTo().window(mine);

        assertAll(
                () -> assertEquals("**굵게**", bold, "Ctrl+B did not wrap the selection"),
                () -> assertEquals("**굵게** and `code`", both, "Ctrl+E did not wrap the selection"),
                () -> assertEquals("굵게", sent.findElement(By.cssSelector(".message-text strong")).getText()),
                () -> assertEquals("code", sent.findElement(By.cssSelector(".message-text code")).getText()),
                () -> assertEquals("**굵게** and `code`", minji.history(roomId).getFirst().getString("content"),
                        "the Markdown is stored as typed"),
                () -> assertEquals("rooms/" + roomId, stillHere, "following a link left the conversation"));
    }
}
