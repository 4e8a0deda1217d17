package dev.daehwa.infrastructure.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class SafeHighlighterTest {

    private final ChatAnalyzer analyzer = new ChatAnalyzer();
    private final LuceneQueries queries = new LuceneQueries(analyzer);
    private final SafeHighlighter highlighter = new SafeHighlighter(analyzer);

    private String highlight(String search, String text) {
        return highlighter.highlight(queries.words(List.of(search)), text);
    }

    @Test
    void marksTheWordNotItsParticle() {
        assertEquals("<mark>서울</mark>에서 만나요", highlight("서울", "서울에서 만나요"));
        assertEquals("내일 <mark>회의</mark>를 합시다", highlight("회의", "내일 회의를 합시다"));
    }

    @Test
    void aPhraseIsOneMark() {
        assertEquals("the <mark>release notes</mark> are out", highlight("release notes", "the release notes are out"));
    }

    @Test
    void escapesEverythingAndAddsOnlyMark() {
        String text = "<img src=x onerror=alert(1)> 서울 & \"quotes\" 'single'";
        String html = highlight("서울", text);
        Document parsed = Jsoup.parseBodyFragment(html);
        assertEquals(List.of("mark"), parsed.body().children().stream().map(e -> e.tagName()).toList());
        assertEquals(text, parsed.body().wholeText());
    }

    @Test
    void longTextsAreCutToThePassageThatMatches() {
        String text = "가나다 ".repeat(200) + "여기에 서울이 있다 " + "라마바 ".repeat(200);
        String html = highlight("서울", text);
        assertTrue(html.length() < 400, html);
        assertTrue(html.contains("<mark>서울</mark>"), html);
    }

    @Test
    void withoutWordsTheTextIsShownEscaped() {
        assertEquals("a &lt;b&gt; c", highlighter.highlight(null, "a <b> c"));
    }
}
