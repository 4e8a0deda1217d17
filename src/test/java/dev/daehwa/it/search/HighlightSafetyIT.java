package dev.daehwa.it.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.daehwa.it.support.App;
import dev.daehwa.it.support.ChatUser;
import dev.daehwa.it.support.DaehwaIT;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Safelist;
import org.junit.jupiter.api.Test;

/**
 * A highlight is the message's text, escaped, with {@code <mark>} around the matches and nothing
 * else: attack payloads come out as the text they are, in the highlight as in {@code html}.
 */
@DaehwaIT
class HighlightSafetyIT {

    private static final List<String> PAYLOADS = List.of(
            "<script>alert('서울')</script>",
            "<img src=x onerror=alert(1)> 서울",
            "\"><svg onload=alert(1)>서울에서",
            "서울 <a href=\"javascript:alert(1)\">click</a>",
            "서울 &lt;b&gt;bold&lt;/b&gt; &amp;",
            "<mark>서울</mark> is already marked",
            "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>서울",
            "서울 <style>body{display:none}</style>",
            "'';!--\"<XSS>=&{()} 서울",
            "서울\u202Egnp.exe <b>");

    @Test
    void highlightsCarryOnlyMarkAroundEscapedText(App app) {
        ChatUser minji = app.newUser("xss");
        long room = minji.createRoomId();
        PAYLOADS.forEach(payload -> minji.sendId(room, payload));
        Searcher search = new Searcher(minji);
        search.await("서울", Duration.ofSeconds(15), found -> found.size() == PAYLOADS.size());

        List<JsonObject> results = Searcher.results(search.page("서울", "limit=50"));
        assertEquals(PAYLOADS.size(), results.size());
        for (JsonObject result : results) {
            String content = result.getJsonObject("message").getString("content");
            String highlight = result.getString("highlight");
            Document parsed = Jsoup.parseBodyFragment(highlight);
            List<String> tags = parsed.body().select("*").stream().skip(1).map(Element::tagName).distinct().toList();
            assertTrue(tags.isEmpty() || tags.equals(List.of("mark")), () -> "only <mark> in " + highlight + " but " + tags);
            assertTrue(parsed.body().select("mark").stream().allMatch(mark -> mark.attributes().isEmpty()),
                    () -> "a bare <mark> in " + highlight);
            assertTrue(Jsoup.isValid(highlight, Safelist.none().addTags("mark")), highlight);
            // Content is Markdown: its entities read as the characters they name, raw HTML as text.
            assertEquals(org.jsoup.parser.Parser.unescapeEntities(content, false), parsed.body().wholeText(),
                    "the highlight reads exactly as the message");
            assertFalse(parsed.body().select("mark").isEmpty(), () -> "서울 is marked in " + highlight);
            parsed.body().select("mark").forEach(mark -> assertTrue(mark.text().contains("서울"), highlight));
        }
    }
}
