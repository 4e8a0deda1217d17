package dev.daehwa.it.browser;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.daehwa.it.support.App;
import dev.daehwa.it.support.ChatUser;
import dev.daehwa.it.support.Jsons;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Replying in the room page: Reply quotes the message above the composer (× or Esc cancels),
 * the reply shows the quote in both browsers, live, and the quote leads back to the original,
 * loading older history to reach it.
 */
@BrowserIT
class ReplyPageIT {

    @Test
    void aReplyQuotesItsOriginalLiveAndTheQuoteLeadsBackToIt(App app, Browsers browsers) {
        ChatUser minji = app.newUser("replyminji");
        ChatUser joon = app.newUser("replyjoon");
        long roomId = Jsons.id(minji.createRoom("Reply room", joon));
        minji.send(roomId, "점심은 <b>어디서</b> 먹을까요?");
        Browser joonBrowser = browsers.open(app).logIn(joon);
        RoomPage joonRoom = RoomPage.open(joonBrowser, roomId);
        WebElement question = joonRoom.message("점심은 <b>어디서</b> 먹을까요?");

        joonRoom.startReply(question);
        String composerQuote = joonBrowser.text(By.id("composer-reply"));
        joonRoom.type(Keys.ESCAPE);
        joonBrowser.until("Esc to cancel the reply", d -> !d.findElement(By.id("composer-reply")).isDisplayed());
        joonRoom.startReply(question);
        joonBrowser.click("composer-reply-cancel");
        joonBrowser.until("× to cancel the reply", d -> !d.findElement(By.id("composer-reply")).isDisplayed());

        // the question scrolls off the first page of the other browser before it is answered
        for (int i = 1; i <= 60; i++) {
            minji.send(roomId, "filler " + i);
        }
        // Read through the last one, so that the page opens at the newest page, not at the first
        // unread message right after the question, whether or not the open page marked them read.
        int lastSeq = minji.history(roomId).getLast().getInt("seq");
        joon.agent().post("api/rooms/" + roomId + "/read", Jsons.object("seq", lastSeq)).expect(204);
        joonRoom.reload();
        Browser minjiBrowser = browsers.open(app).logIn(minji);
        RoomPage minjiRoom = RoomPage.open(minjiBrowser, roomId);
        LivePagesIT.awaitConnected(minjiBrowser);
        boolean questionShownAtFirst = minjiRoom.texts().contains("점심은 <b>어디서</b> 먹을까요?");
        joonBrowser.click("load-older");
        joonRoom.startReply(joonRoom.message("점심은 <b>어디서</b> 먹을까요?"));
        WebElement sent = joonRoom.send("냉면 어때요?");
        String sentQuote = joonRoom.quoteOf(sent);
        boolean composerQuoteGone = !joonBrowser.present(By.id("composer-reply")).isDisplayed();

        WebElement arrived = minjiRoom.message("냉면 어때요?");
        String arrivedQuote = minjiRoom.quoteOf(arrived);
        arrived.findElement(By.cssSelector(".message-quote")).click();
        WebElement original = minjiBrowser.until("the original, highlighted", d -> d.findElements(RoomPage.MESSAGES)
                .stream().filter(m -> m.getDomAttribute("class").contains("focused")).findFirst().orElse(null));

        JsonObject stored = minji.history(roomId).getLast();
        String expected = minji.displayName() + " 점심은 <b>어디서</b> 먹을까요?";
        assertAll(
                () -> assertTrue(composerQuote.contains("점심은 <b>어디서</b> 먹을까요?")
                        && composerQuote.contains(minji.displayName()), "the composer's quote: " + composerQuote),
                () -> assertFalse(questionShownAtFirst, "the original was on the first page already"),
                () -> assertEquals(expected, sentQuote, "the quote in the sender's browser"),
                () -> assertTrue(composerQuoteGone, "the composer still shows the quote after sending"),
                () -> assertEquals(expected, arrivedQuote, "the quote that arrived live"),
                () -> assertEquals("점심은 <b>어디서</b> 먹을까요?",
                        original.findElement(By.cssSelector(".message-text")).getText(), "the highlighted message"),
                () -> assertTrue(original.isDisplayed()),
                () -> assertEquals("점심은 <b>어디서</b> 먹을까요?",
                        stored.getJsonObject("replyTo").getString("excerpt"), "the stored reply"));
    }

    @Test
    void aReplyToADeletedMessageSaysSoOnThePageAndLive(App app, Browsers browsers) {
        ChatUser minji = app.newUser("deletedminji");
        ChatUser joon = app.newUser("deletedjoon");
        long roomId = Jsons.id(minji.createRoom("Deleted originals", joon));
        long first = minji.sendId(roomId, "first thought");
        long second = minji.sendId(roomId, "second thought");
        for (long original : new long[] {first, second}) {
            joon.agent().post("api/messages", Jsons.object("roomId", roomId, "content", "re " + original,
                    "replyTo", original)).expect(201);
        }
        minji.agent().delete("api/messages/" + first).expect(204);

        Browser joonBrowser = browsers.open(app).logIn(joon);
        RoomPage room = RoomPage.open(joonBrowser, roomId);
        LivePagesIT.awaitConnected(joonBrowser);
        String rendered = room.quoteOf(room.message("re " + first));
        minji.agent().delete("api/messages/" + second).expect(204);
        joonBrowser.until("the quote of the message deleted live", d -> room.quoteOf(room.message("re " + second))
                .equals(rendered));
        room.reload();

        assertAll(
                () -> assertEquals("deleted message", rendered),
                () -> assertEquals("deleted message", room.quoteOf(room.message("re " + second)), "after reloading"));
    }
}
