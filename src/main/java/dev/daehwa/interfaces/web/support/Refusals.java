package dev.daehwa.interfaces.web.support;

import dev.daehwa.domain.error.DomainException;
import dev.daehwa.domain.error.FieldError;
import java.util.ResourceBundle;
import java.util.stream.Collectors;

/**
 * Refusals from the domain in the page's language. The domain speaks English, and that text stays
 * the REST API's; the pages look up the stable keys instead: {@code invalid.<field>.<code>} for a
 * field error, {@code problem.<type>} for anything else. A key the bundle lacks shows the English
 * message rather than nothing. Apart from {@link Pages} because it needs no FacesContext, so it
 * can be tested on its own.
 */
final class Refusals {

    private Refusals() {
    }

    static String explain(DomainException e, ResourceBundle texts) {
        if (e.fieldErrors().isEmpty()) {
            return text(texts, "problem." + e.problemType(), e.getMessage());
        }
        return e.fieldErrors().stream().map(error -> explain(error, texts).message()).collect(Collectors.joining(" "));
    }

    static FieldError explain(FieldError error, ResourceBundle texts) {
        return new FieldError(error.field(), error.code(), text(texts, key(error), error.message()));
    }

    static String key(FieldError error) {
        return "invalid." + error.field() + "." + error.code();
    }

    private static String text(ResourceBundle texts, String key, String english) {
        return texts.containsKey(key) ? texts.getString(key) : english;
    }
}
