package dev.daehwa.domain.file;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FileNameTest {

    @Test
    void anyScriptStays() {
        assertEquals("회의록 2026.pdf", FileName.of("회의록 2026.pdf"));
        assertEquals("доклад_報告.txt", FileName.of("доклад_報告.txt"));
    }

    @Test
    void decomposedHangulIsComposed() {
        String decomposed = "\u1112\u1161\u11AB.txt"; // 한 as three jamo
        assertEquals("한.txt", FileName.of(decomposed));
    }

    @Test
    void pathSeparatorsGo() {
        assertEquals("..etcpasswd", FileName.of("../etc/passwd"));
        assertEquals("C:Usersmephoto.png", FileName.of("C:\\Users\\me\\photo.png"));
    }

    @Test
    void controlAndBidiCharactersGo() {
        assertEquals("ab.txt", FileName.of("a\u0000b\r\n.txt"));
        assertEquals("evilgnp.exe", FileName.of("evil\u202Egnp.exe"));
        assertEquals("x.txt", FileName.of("x\u007F\u0085.txt"));
    }

    @Test
    void emptyOrNothingLeftIsFile() {
        assertEquals("file", FileName.of(null));
        assertEquals("file", FileName.of(""));
        assertEquals("file", FileName.of("  /\\\u0001 "));
    }

    @Test
    void atMost255CodePoints() {
        String emoji = "😀".repeat(300);
        String kept = FileName.of(emoji);
        assertEquals(255, kept.codePointCount(0, kept.length()));
        assertEquals(255, FileName.of("a".repeat(256)).length());
    }

    @Test
    void surroundingWhitespaceGoes() {
        assertEquals("report.txt", FileName.of("  report.txt \t"));
    }
}
