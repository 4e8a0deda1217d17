package dev.daehwa.it.browser;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** What the tests read off the pages, by the element ids and classes the pages promise. */
final class Pages {

    private Pages() {
    }

    /** True if the text has a Hangul syllable (U+AC00..U+D7A3). */
    static boolean hasHangul(String text) {
        return text.codePoints().anyMatch(c -> c >= 0xAC00 && c <= 0xD7A3);
    }

    /** True if the text has a Latin letter and no Hangul syllable. */
    static boolean isLatin(String text) {
        return !hasHangul(text) && text.codePoints().anyMatch(c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
    }

    /**
     * The visible, non-empty {@code .field-error} elements inside a form, by their {@code data-for}
     * attribute (the field they belong to), in page order.
     */
    static Map<String, String> fieldErrors(Browser browser, String formId) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (WebElement error : browser.all(By.cssSelector("form[id='" + formId + "'] .field-error"))) {
            String text = error.getText().strip();
            if (error.isDisplayed() && !text.isEmpty()) {
                String field = error.getDomAttribute("data-for");
                errors.merge(field == null ? "(no data-for)" : field, text, (a, b) -> a + " | " + b);
            }
        }
        return errors;
    }

    /** Waits until the form shows at least one field error, then returns them all. */
    static Map<String, String> awaitFieldErrors(Browser browser, String formId) {
        return browser.until("field errors in form #" + formId, driver -> {
            Map<String, String> errors = fieldErrors(browser, formId);
            return errors.isEmpty() ? null : errors;
        });
    }

    /**
     * True if the field's error comes after the field's input and before the next field's input in
     * the page: "next to the field", whatever the markup around it.
     */
    static boolean errorSitsBetween(Browser browser, String formId, String field, String nextField) {
        Object answer = browser.script("""
                const form = document.getElementById(arguments[0]);
                const input = document.getElementById(arguments[0] + ':' + arguments[1]);
                const next = arguments[2] ? document.getElementById(arguments[0] + ':' + arguments[2]) : null;
                const error = form && form.querySelector('.field-error[data-for="' + arguments[1] + '"]');
                if (!input || !error) return false;
                const after = input.compareDocumentPosition(error) & Node.DOCUMENT_POSITION_FOLLOWING;
                const before = !next || (error.compareDocumentPosition(next) & Node.DOCUMENT_POSITION_FOLLOWING);
                return Boolean(after && before);
                """, formId, field, nextField);
        return Boolean.TRUE.equals(answer);
    }

    /** The entries of my rooms, top to bottom. */
    static List<WebElement> rooms(Browser browser) {
        browser.present(By.id("rooms"));
        return browser.all(By.cssSelector("#rooms .room"));
    }

    /** The names in my rooms, top to bottom. */
    static List<String> roomNames(Browser browser) {
        return rooms(browser).stream().map(room -> room.findElement(By.cssSelector(".room-name")).getText()).toList();
    }

    /** The room's entry in my rooms, found by its name. */
    static WebElement room(Browser browser, String name) {
        return rooms(browser).stream()
                .filter(room -> room.findElement(By.cssSelector(".room-name")).getText().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no room named \"" + name + "\" in my rooms: " + roomNames(browser)));
    }

    /** The text of the room's visible unread badge, or "" if it shows none. */
    static String unreadBadge(WebElement room) {
        return room.findElements(By.cssSelector(".room-unread .count")).stream()
                .filter(WebElement::isDisplayed)
                .map(badge -> badge.getText().strip())
                .filter(text -> !text.isEmpty())
                .findFirst()
                .orElse("");
    }
}
