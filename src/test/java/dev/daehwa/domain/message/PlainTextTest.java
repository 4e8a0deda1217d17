package dev.daehwa.domain.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PlainTextTest {

    @Test
    void formattingIsDroppedAndTheWordsKept() {
        assertEquals("회의는 10시 deploy 지움", PlainText.of("**회의**는 _10시_ `deploy` ~~지움~~"));
        assertEquals("회의록 보기", PlainText.of("[회의록](https://x.kr/doc) 보기"));
        assertEquals("안건\n하나\n둘", PlainText.of("# 안건\n- 하나\n- 둘"));
        assertEquals("인용", PlainText.of("> 인용"));
        assertEquals("<b>raw</b> & 끝", PlainText.of("<b>raw</b> &amp; 끝"));
    }

    @Test
    void textWithoutMarkdownIsReturnedAsItIs() {
        String plain = "안녕하세요, 오늘 3시에 만나요. https://x.kr/a-b?c=d";
        assertFalse(PlainText.mayBeFormatted(plain));
        assertSame(plain, PlainText.of(plain));
        assertTrue(PlainText.mayBeFormatted("- 목록"));
        assertTrue(PlainText.mayBeFormatted("말\n1. 첫째"));
        assertTrue(PlainText.mayBeFormatted("a_b"));
    }

    @Test
    void deepNestingIsReadWithoutRecursion() {
        assertTrue(PlainText.of(">".repeat(10_000) + " 깊다").endsWith("깊다"));
        assertEquals("a", PlainText.of("*".repeat(5_000) + "a" + "*".repeat(5_000)).replace("*", ""));
        assertEquals("안", PlainText.of("- ".repeat(2_000) + "안").replace("-", "").strip());
    }

    @Test
    void snippetsAndExcerptsReadWithoutTheMarkdown() {
        assertEquals("안건 초안: 지난주 결정 사항 deploy 일정", Snippet.of("안건 초안:\n- 지난주 결정 사항\n- `deploy` 일정"));
        assertEquals("굵게 말했어요", Excerpt.of("**굵게** 말했어요"));
    }
}
