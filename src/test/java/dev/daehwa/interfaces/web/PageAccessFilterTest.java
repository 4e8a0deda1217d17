package dev.daehwa.interfaces.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Deny by default: only the listed pages and resources are open to anonymous visitors. */
class PageAccessFilterTest {

    @ParameterizedTest
    @ValueSource(strings = {"/login", "/login.xhtml", "/join", "/join.xhtml", "/api/rooms",
            "/jakarta.faces.resource/app.css.xhtml", "/errors/not-found.xhtml", "/error"})
    void openPaths(String path) {
        assertTrue(PageAccessFilter.isPublic(path));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/index", "/index.xhtml", "/logout", "/rooms", "/rooms/4", "/login/../index",
            "/loginx", "/joined", "/some-new-page"})
    void everythingElseNeedsALogin(String path) {
        assertFalse(PageAccessFilter.isPublic(path));
    }
}
