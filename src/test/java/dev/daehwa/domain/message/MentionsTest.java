package dev.daehwa.domain.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.daehwa.domain.TestEntities;
import dev.daehwa.domain.user.User;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MentionsTest {

    private static final User MINJI = TestEntities.user(1, "minji");
    private static final User MINJI_KIM = TestEntities.user(2, "minji.kim");
    private static final User HANGUL = TestEntities.user(3, "김민지");
    private static final User BOB = TestEntities.user(4, "Bob_99");
    private static final Map<String, User> ROOM = Stream.of(MINJI, MINJI_KIM, HANGUL, BOB)
            .collect(Collectors.toMap(u -> User.keyOf(u.username()), u -> u));

    /** Who the text mentions, as "username@start-end" in order. */
    private static String mentioned(String content) {
        return Mentions.in(content, ROOM).stream()
                .map(m -> m.user().username() + "@" + m.start() + "-" + m.end())
                .collect(Collectors.joining(" "));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "@minji hi                       | minji@0-6",
            "hi @MinJi!                      | minji@3-9",
            "안녕 @김민지 님                  | 김민지@3-7",
            "(@minji)                        | minji@1-7",
            "thanks @minji.                  | minji@7-13",
            "@minji.kim and @minji           | minji.kim@0-10 minji@15-21",
            "@minji.kim.                     | minji.kim@0-10",
            "@bob_99: look                   | Bob_99@0-7",
            "@minji,@bob_99                  | minji@0-6 Bob_99@7-14",
    })
    void aMemberNamedAfterAnAtIsMentioned(String content, String expected) {
        assertEquals(expected, mentioned(content.strip()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "minji@example.com",
            "write to a.minji@example.com",
            "x+@minji",
            "@@minji",
            "see https://example.com/@minji now",
            "http://example.com/path?user=@minji",
            "@nobody here",
            "@minjiko",
            "@ minji",
            "@.-.",
            "email@",
    })
    void nothingElseIsAMention(String content) {
        assertEquals("", mentioned(content));
    }

    @Test
    void aMentionRightAfterALinkStillCounts() {
        assertEquals("minji@21-27", mentioned("https://example.com/ @minji"));
    }

    @Test
    void eachPersonIsListedOnceInTheOrderFirstMentioned() {
        List<User> people = Mentions.people(Mentions.in("@bob_99 @minji @BOB_99 @minji", ROOM));
        assertEquals(List.of(BOB, MINJI), people);
    }

    @Test
    void aNameLongerThanAnyUsernameNamesNobody() {
        User longest = TestEntities.user(5, "a".repeat(30));
        Map<String, User> room = Map.of(User.keyOf(longest.username()), longest);
        assertEquals(1, Mentions.in("@" + "a".repeat(30), room).size());
        assertEquals(0, Mentions.in("@" + "a".repeat(31), room).size());
    }

    /**
     * Hostile text costs reads in proportion to its length: doubling it may at most multiply the
     * characters the scanner reads by 2.5, and no text is read more than a few times over.
     */
    @Test
    void scanningReadsEachCharacterABoundedNumberOfTimes() {
        List<IntFunction<String>> hostile = List.of(
                n -> "@".repeat(n),
                n -> "a@".repeat(n / 2),
                n -> "@" + "a".repeat(n),
                n -> "@.-".repeat(n / 3),
                n -> ("@" + "가".repeat(29) + " ").repeat(n / 31),
                n -> "https://x.com/@" + "a@".repeat(n / 2),
                n -> ("https://x.com/ @" + "b".repeat(40)).repeat(n / 57),
                n -> "(".repeat(n / 2) + "https://x.com/@a" + ")".repeat(n / 2));
        for (IntFunction<String> family : hostile) {
            long previous = -1;
            for (int n = 2_500; n <= 40_000; n *= 2) {
                CountingText text = new CountingText(family.apply(n));
                MentionScanner.scan(text);
                long reads = text.reads();
                String sample = family.apply(12).replace("\n", "\\n");
                assertTrue(reads <= 8L * Math.max(1, text.length()),
                        () -> reads + " reads for " + text.length() + " characters of " + sample);
                if (previous > 0) {
                    long before = previous;
                    assertTrue(reads <= 2.5 * before, () -> "doubling " + sample + " took " + before + " to " + reads + " reads");
                }
                previous = reads;
            }
        }
    }

    @Test
    void theKeysToLookUpAreEveryNameWholeAndTrimmedInLowerCase() {
        assertEquals(List.of("minji", "김민지", "minji.kim.", "minji.kim"),
                List.copyOf(Mentions.keysIn("@MinJi and @김민지, also @minji.kim. and a@b.com")));
    }

    @Test
    void atMostFiftyDistinctNamesAreLookedUp() {
        String many = java.util.stream.IntStream.range(0, 80).mapToObj(i -> "@user" + i).collect(Collectors.joining(" "));
        assertEquals(Mentions.MAX_NAMES, Mentions.keysIn(many).size());
        assertEquals(Mentions.MAX_NAMES, Mentions.keysIn(many + " @user1 @user1").size(), "repeats cost nothing");
    }
}
