package dev.daehwa.interfaces.web.support;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** After login the user may only be sent back inside the app: no open redirect. */
class PagesTest {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/rooms/4", "/rooms?x=1", "/logout"})
    void pathsInsideTheAppAreAllowed(String path) {
        assertTrue(Pages.isLocalPath(path));
    }

    @ParameterizedTest
    @ValueSource(strings = {"//evil.example", "https://evil.example", "evil.example/x", "/\\evil.example",
            "", "javascript:alert(1)", "/x\r\nSet-Cookie: a=b", " /rooms"})
    void anythingThatCouldLeaveTheAppIsRefused(String path) {
        assertFalse(Pages.isLocalPath(path));
    }

    @org.junit.jupiter.api.Test
    void nullIsRefused() {
        assertFalse(Pages.isLocalPath(null));
    }
}
