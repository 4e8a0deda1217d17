package dev.daehwa.it.browser;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/** The room page as a person uses it, by the ids and classes the page promises. */
@SuppressWarnings("unchecked")
final class RoomPage {

    static final By MESSAGES = By.cssSelector("#messages li.message");

    private final Browser browser;

    private RoomPage(Browser browser) {
        this.browser = browser;
    }

    /** Opens /rooms/{id} and waits for its composer. */
    static RoomPage open(Browser browser, long roomId) {
        browser.go("rooms/" + roomId);
        return on(browser);
    }

    /** The room page the browser is already on. */
    static RoomPage on(Browser browser) {
        browser.visible(By.id("composer-text"));
        browser.awaitLoaded();
        return new RoomPage(browser);
    }

    String name() {
        return browser.text(By.id("room-name"));
    }

    List<WebElement> messages() {
        return browser.all(MESSAGES);
    }

    /** The visible text of each message, oldest first. */
    List<String> texts() {
        return messages().stream().map(m -> m.findElement(By.cssSelector(".message-text")).getText()).toList();
    }

    WebElement message(String text) {
        return browser.until("a message reading \"" + text + "\"", d -> messages().stream()
                .filter(m -> m.findElement(By.cssSelector(".message-text")).getText().equals(text))
                .findFirst().orElse(null));
    }

    /** Types into the composer without sending. */
    RoomPage type(CharSequence... keys) {
        browser.visible(By.id("composer-text")).sendKeys(keys);
        return this;
    }

    /** Types a one-line message and presses Enter; waits until it is in the history. */
    WebElement send(String text) {
        int before = messages().size();
        type(text, Keys.ENTER);
        browser.until("the composer to empty after sending", d -> composerText().isEmpty());
        browser.until("the sent message in the history", d -> messages().size() > before);
        return message(text);
    }

    /**
     * For each message, oldest first, the author's name if the message shows it (it heads a
     * group), or "" if it sits under the name of the message before.
     */
    List<String> headers() {
        return (List<String>) browser.script("""
                return Array.from(document.querySelectorAll('#messages li.message')).map(li => {
                    const sender = li.querySelector('.message-sender');
                    return sender.getBoundingClientRect().width > 1 ? sender.textContent.trim() : '';
                });""");
    }

    /** The texts of the day separators, top to bottom. */
    List<String> days() {
        return browser.all(By.cssSelector("#messages li.day-separator")).stream().map(WebElement::getText).toList();
    }

    /** Reloads the page, as the browser's reload button does, and waits for the composer. */
    RoomPage reload() {
        browser.driver().navigate().refresh();
        return on(browser);
    }

    String composerText() {
        return browser.present(By.id("composer-text")).getDomProperty("value");
    }

    /** Edits a message through its Edit button: the editor opens with the text, which is replaced. */
    void edit(WebElement message, String newText) {
        String id = message.getDomAttribute("id");
        // A message just sent may be drawn again when its own live frame arrives: the button is
        // looked up afresh, by the message's id, until a click lands on the one on the page.
        browser.until("the Edit button of " + id, d -> {
            try {
                WebElement current = d.findElement(By.id(id));
                hover(current);
                current.findElement(By.cssSelector(".message-edit")).click();
                return true;
            } catch (StaleElementReferenceException redrawn) {
                return null;
            }
        });
        WebElement field = browser.until("the editor to hold the message's text", d -> {
            List<WebElement> fields = d.findElements(By.cssSelector("#" + id + " .message-editor textarea"));
            return !fields.isEmpty() && !fields.getFirst().getDomProperty("value").isEmpty() ? fields.getFirst() : null;
        });
        field.clear();
        field.sendKeys(newText, Keys.ENTER);
        browser.until("the edited text", d -> !d.findElements(By.cssSelector("#" + id + " .message-editor")).isEmpty()
                ? null : d.findElement(By.id(id)).findElement(By.cssSelector(".message-text")).getText().equals(newText));
    }

    /** Deletes a message through its Delete button and the browser's confirmation. */
    void delete(WebElement message) {
        String id = message.getDomAttribute("id");
        hover(message);
        message.findElement(By.cssSelector(".message-delete")).click();
        browser.until("the delete confirmation", d -> d.switchTo().alert()).accept();
        browser.until("the message to leave the page", d -> d.findElements(By.id(id)).isEmpty());
    }

    /** Starts a reply through the message's Reply button: the composer shows what it answers. */
    void startReply(WebElement message) {
        hover(message);
        message.findElement(By.cssSelector(".message-reply")).click();
        browser.visible(By.id("composer-reply"));
    }

    /** The quote a message shows above its text: "author excerpt", or "" if it answers nothing. */
    String quoteOf(WebElement message) {
        List<WebElement> quotes = message.findElements(By.cssSelector(".message-quote"));
        return quotes.isEmpty() ? "" : quotes.getFirst().getText().replaceAll("\\s+", " ").strip();
    }

    private void hover(WebElement element) {
        new Actions(browser.driver()).moveToElement(element).perform();
    }

    // ---- members panel ----------------------------------------------------------------------

    RoomPage openMembers() {
        WebElement panel = browser.present(By.id("members-panel"));
        if (panel.getDomAttribute("open") == null) {
            panel.findElement(By.tagName("summary")).click();
        }
        browser.visible(By.id("member-list"));
        return this;
    }

    List<String> memberUsernames() {
        openMembers();
        return browser.all(By.cssSelector("#member-list .member")).stream()
                .map(m -> m.getDomAttribute("data-username")).toList();
    }

    /** What the add-member autocomplete suggests for what was typed. */
    List<String> suggestionsFor(String typed) {
        openMembers();
        WebElement input = browser.visible(By.id("members:newMember_input"));
        input.clear();
        input.sendKeys(typed);
        return browser.until("add-member suggestions for \"" + typed + "\"", d -> {
            List<WebElement> items = d.findElements(By.cssSelector("#members\\:newMember_panel .ui-autocomplete-item"));
            return items.isEmpty() || !items.getFirst().isDisplayed() ? null
                    : items.stream().map(i -> i.getDomAttribute("data-item-value")).toList();
        });
    }

    /** Picks a person from the suggestions and presses Add; waits until they are listed. */
    RoomPage addMember(String typed, String username) {
        suggestionsFor(typed);
        // The list may still be re-rendered by the query for the last keystroke: find and click
        // in one step, again if the item was replaced under us.
        By suggestion = By.cssSelector("#members\\:newMember_panel .ui-autocomplete-item[data-item-value='" + username + "']");
        browser.until("to pick " + username + " from the suggestions", d -> {
            List<WebElement> found = d.findElements(suggestion);
            if (found.isEmpty() || !found.getFirst().isDisplayed()) {
                return false;
            }
            found.getFirst().click();
            return true;
        });
        browser.click("members:add");
        browser.until(username + " in the member list", d -> memberUsernames().contains(username));
        return this;
    }

    /** The members the viewer is offered to remove, read in one go (the panel re-renders on ajax). */
    List<String> removableUsernames() {
        openMembers();
        return browser.until("the member list", d -> (List<String>) browser.script("""
                return Array.from(document.querySelectorAll('#member-list .member'))
                    .filter(li => li.querySelector('.member-remove'))
                    .map(li => li.dataset.username);"""));
    }

    RoomPage removeMember(String username) {
        openMembers();
        browser.visible(By.cssSelector("#member-list .member[data-username='" + username + "'] .member-remove")).click();
        browser.until(username + " gone from the member list", d -> !memberUsernames().contains(username));
        return this;
    }

    /** Leaves the room; the browser lands on my rooms. */
    void leave() {
        openMembers();
        browser.click("members:leave");
        browser.awaitPath("");
    }
}
