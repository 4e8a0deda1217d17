package dev.daehwa.it.browser;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.daehwa.it.support.App;
import dev.daehwa.it.support.ChatUser;
import dev.daehwa.it.support.Jsons;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * Direct conversations in two browsers: one person opens it from the other's message, and the
 * other sees it arrive live, named for the person who wrote, and finds it again from the room list.
 */
@BrowserIT
class DirectMessagePageIT {

    @Test
    void aConversationOpenedFromSomeonesMessageReachesThemLiveUnderTheWritersName(App app, Browsers browsers) {
        ChatUser minji = app.newUser(App.uniqueUsername("dmminji"), "김민지");
        ChatUser joon = app.newUser(App.uniqueUsername("dmjoon"), "Joon Park");
        long group = Jsons.id(minji.createRoom("Team room", joon));
        minji.send(group, "누가 빌드를 고칠까요?");
        Browser minjiBrowser = browsers.open(app).logIn(minji);
        LivePagesIT.awaitConnected(minjiBrowser);
        Browser joonBrowser = browsers.open(app).logIn(joon);

        RoomPage team = RoomPage.open(joonBrowser, group);
        WebElement question = team.message("누가 빌드를 고칠까요?");
        new Actions(joonBrowser.driver()).moveToElement(question).perform();
        question.findElement(By.cssSelector(".message-direct")).click();
        joonBrowser.until("the direct room", d -> joonBrowser.path().startsWith("rooms/")
                && !joonBrowser.path().equals("rooms/" + group));
        RoomPage direct = RoomPage.on(joonBrowser);
        String header = direct.name();
        String title = joonBrowser.driver().getTitle();
        boolean membersManaged = !joonBrowser.all(By.cssSelector("#members .add-member, #members .leave, #members .member-remove")).isEmpty();
        direct.send("제가 볼게요, 1:1로 얘기해요");

        minjiBrowser.until("the direct room in the list, named for Joon, with a mention badge",
                d -> Pages.roomNames(minjiBrowser).contains("Joon Park")
                        && LivePagesIT.mentionBadge(Pages.room(minjiBrowser, "Joon Park")).equals("@1"));
        WebElement entry = Pages.room(minjiBrowser, "Joon Park");
        String initial = entry.findElement(By.cssSelector(".room-avatar")).getText();
        entry.findElement(By.cssSelector("a")).click();
        RoomPage minjiDirect = RoomPage.on(minjiBrowser);
        minjiDirect.message("제가 볼게요, 1:1로 얘기해요");

        assertAll(
                () -> assertEquals("김민지", header, "Joon sees the room named for Minji"),
                () -> assertTrue(title.startsWith("김민지"), "tab title: " + title),
                () -> assertFalse(membersManaged, "a direct room offers no member management"),
                () -> assertEquals("J", initial),
                () -> assertEquals("Joon Park", minjiDirect.name(), "Minji sees it named for Joon"),
                () -> assertEquals("Joon Park", Pages.roomNames(minjiBrowser).getFirst()));
    }

    @Test
    void newDirectMessageFindsThePersonByNameAndOpensTheSameRoom(App app, Browsers browsers) {
        ChatUser sora = app.newUser(App.uniqueUsername("dmsora"), "Sora Lee");
        ChatUser hana = app.newUser(App.uniqueUsername("dmhana"), "Hana Choi");
        long room = hana.openDirectId(sora);
        Browser browser = browsers.open(app).logIn(sora);
        browser.go("");

        browser.present(By.cssSelector("#new-direct summary")).click();
        browser.visible(By.id("new-direct-person")).sendKeys("Hana Choi");
        browser.until("Hana among the suggestions", d -> Boolean.TRUE.equals(browser.script(
                "return [...document.querySelectorAll('#new-direct-people option')].some(o => o.value === arguments[0])",
                hana.username())));
        browser.present(By.id("new-direct-open")).click();
        browser.awaitPath("rooms/" + room);

        assertEquals("Hana Choi", RoomPage.on(browser).name());
    }

    @Test
    void messageBesideAMemberOpensTheirConversationAndItListsJustTheTwo(App app, Browsers browsers) {
        ChatUser dana = app.newUser(App.uniqueUsername("dmdana"), "Dana Kim");
        ChatUser eli = app.newUser(App.uniqueUsername("dmeli"), "Eli Jung");
        long group = Jsons.id(dana.createRoom("Members room", eli));
        Browser browser = browsers.open(app).logIn(dana);
        RoomPage.open(browser, group).openMembers();
        boolean noMessageForMe = browser.all(By.cssSelector(
                "#member-list .member[data-username='" + dana.username() + "'] .member-direct")).isEmpty();

        browser.present(By.cssSelector("#member-list .member[data-username='" + eli.username() + "'] .member-direct")).click();
        browser.until("the direct room", d -> browser.path().startsWith("rooms/") && !browser.path().equals("rooms/" + group));
        RoomPage direct = RoomPage.on(browser);
        String name = direct.name();
        List<String> members = direct.memberUsernames();
        boolean offersMessage = !browser.all(By.cssSelector("#member-list .member-direct")).isEmpty();

        assertAll(
                () -> assertTrue(noMessageForMe, "nobody messages themselves"),
                () -> assertEquals("Eli Jung", name),
                () -> assertEquals(Set.of(dana.username(), eli.username()), Set.copyOf(members)),
                () -> assertFalse(offersMessage, "a direct room offers no Message beside its own two people"),
                () -> assertTrue(browser.all(By.id("leave")).isEmpty(), "nobody leaves a direct room"));
    }
}
