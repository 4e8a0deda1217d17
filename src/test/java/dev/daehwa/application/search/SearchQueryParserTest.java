package dev.daehwa.application.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.daehwa.domain.error.InvalidInputException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SearchQueryParserTest {

    @Test
    void plainWordsAreEachRequired() {
        SearchQuery query = SearchQueryParser.parse("  서울   회의 ");
        assertEquals(List.of("서울", "회의"), query.required());
        assertFalse(query.hasOperators());
    }

    @Test
    void quotedPhrasesStayWhole() {
        assertEquals(List.of("release notes", "v2"), SearchQueryParser.parse("\"release notes\" v2").required());
    }

    @Test
    void minusExcludesAWordOrAPhrase() {
        SearchQuery query = SearchQueryParser.parse("배포 -연기 -\"다음 주\"");
        assertEquals(List.of("배포"), query.required());
        assertEquals(List.of("연기", "다음 주"), query.excluded());
    }

    @Test
    void aLoneMinusOrAHyphenInsideAWordIsText() {
        assertEquals(List.of("e-mail", "-"), SearchQueryParser.parse("e-mail - ").required());
    }

    @Test
    void operatorsAreReadAndRemoved() {
        SearchQuery query = SearchQueryParser.parse(
                "회의 from:@Minji FROM:joon in:\"Team chat\" in:#잡담 before:2026-03-01 before:2026-02-01 "
                        + "after:2026-01-01 after:2026-01-15 has:Link");
        assertEquals(List.of("회의"), query.required());
        assertEquals(List.of("Minji", "joon"), query.fromUsers());
        assertEquals(List.of("Team chat", "잡담"), query.inRooms());
        assertEquals(LocalDate.of(2026, 2, 1), query.before(), "the earliest before: wins");
        assertEquals(LocalDate.of(2026, 1, 15), query.after(), "the latest after: wins");
        assertTrue(query.hasLink());
    }

    @Test
    void mentionsTakesMeOrAUsername() {
        SearchQuery query = SearchQueryParser.parse("회의 MENTIONS:Me mentions:@Minji mentions:민지 mentions:\"joon\"");
        assertEquals(List.of("회의"), query.required());
        assertTrue(query.mentionsMe(), "me is the searcher, in any case");
        assertEquals(List.of("Minji", "민지", "joon"), query.mentioned(), "usernames as typed, without the @");
        assertTrue(query.hasMentions());
    }

    @Test
    void mentionsAloneIsASearchAndCombinesWithTheOtherOperators() {
        SearchQuery mine = SearchQueryParser.parse("mentions:me");
        assertTrue(mine.required().isEmpty());
        assertTrue(mine.hasOperators());
        assertEquals(List.of(), mine.mentioned());

        SearchQuery combined = SearchQueryParser.parse("from:joon mentions:minji 배포 in:팀 has:link");
        assertEquals(List.of("joon"), combined.fromUsers());
        assertEquals(List.of("minji"), combined.mentioned());
        assertFalse(combined.mentionsMe());
        assertEquals(List.of("배포"), combined.required());
        assertEquals(List.of("팀"), combined.inRooms());
        assertTrue(combined.hasLink());
    }

    @Test
    void withoutMentionsNobodyIsAskedFor() {
        SearchQuery query = SearchQueryParser.parse("회의 from:minji @minji");
        assertFalse(query.hasMentions());
        assertEquals(List.of("회의", "@minji"), query.required(), "an @name alone is a word, not mentions:");
    }

    @Test
    void operatorsAloneAreASearch() {
        SearchQuery query = SearchQueryParser.parse("from:minji");
        assertTrue(query.required().isEmpty());
        assertTrue(query.hasOperators());
        assertNull(query.before());
    }

    @Test
    void colonsThatAreNotOperatorsAreWords() {
        assertEquals(List.of("10:30", "https://example.com/a", "re:"), SearchQueryParser.parse("10:30 https://example.com/a re:").required());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''|required",
            "'   '|required",
            "-혼자|required",
            "'\"열린 따옴표'|unclosed-quote",
            "'in:\"팀'|unclosed-quote",
            "from:|empty-operator",
            "'in:\"\"'|empty-operator",
            "-from:minji|negated-operator",
            "mentions:|empty-operator",
            "-mentions:me|negated-operator",
            "before:2026-2-1|bad-date",
            "after:2026-02-30|bad-date",
            "has:file|unknown-has"})
    void mistakesAreRefusedWithAStableCode(String input, String code) {
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> SearchQueryParser.parse(input));
        assertEquals("q", refused.fieldErrors().getFirst().field());
        assertEquals(code, refused.fieldErrors().getFirst().code());
    }

    @Test
    void fiveHundredCharactersAreTheLimitCountedInCodePoints() {
        String emoji = "😀";
        SearchQueryParser.parse(emoji.repeat(SearchQueryParser.MAX_LENGTH));
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> SearchQueryParser.parse("가".repeat(SearchQueryParser.MAX_LENGTH + 1)));
        assertEquals("too-long", refused.fieldErrors().getFirst().code());
    }
}
