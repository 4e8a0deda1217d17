package dev.daehwa.infrastructure.markdown;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The oracle must be able to fail, or every test that relies on it proves nothing. */
class SafeHtmlTest {

    private static final String REL = " rel=\"noopener noreferrer nofollow\"";

    @Test
    void rejectsUnsafeOutput() {
        assertFalse(passes("<b>x</b>", "<b>x</b>"));
        assertFalse(passes("<script>", "<script>"));
        assertFalse(passes("x", "<a href=\"javascript:x\"" + REL + ">x</a>"));
        assertFalse(passes("x", "<a href=\"https://a\"" + REL + " target=\"_blank\">x</a>"));
        assertFalse(passes("x", "<a href=\"https://a\">x</a>"));
        assertFalse(passes("https://a", "<a href=\"https://a\"" + REL + " onclick=\"x\">https://a</a>"));
        assertFalse(passes("x", "<span class=\"evil\">x</span>"));
        assertFalse(passes("x", "<img src=\"https://a\">"));
        assertFalse(passes("<!--x-->", "<!--x-->"));
        assertFalse(passes("a b", "a b c"));
    }

    @Test
    void acceptsWhatTheRendererMayProduce() {
        assertTrue(passes("**a** <", "<p><strong>a</strong> &lt;</p>"));
        assertTrue(passes("https://a", "<p><a href=\"https://a\"" + REL + ">https://a</a></p>"));
        assertTrue(passes("&#106;s", "<p>js</p>"));
        assertTrue(passes("@minji", "<p><span class=\"mention\" data-user=\"7\">@minji</span></p>"));
    }

    private static boolean passes(String input, String html) {
        try {
            SafeHtml.assertSafe(input, html);
            return true;
        } catch (AssertionError expected) {
            return false;
        }
    }
}
