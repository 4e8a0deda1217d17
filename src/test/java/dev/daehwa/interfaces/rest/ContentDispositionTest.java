package dev.daehwa.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ContentDispositionTest {

    @Test
    void hangulTravelsAsUtf8WithAnAsciiFallback() {
        assertEquals("attachment; filename=\"___.pdf\"; filename*=UTF-8''%ED%9A%8C%EC%9D%98%EB%A1%9D.pdf",
                ContentDisposition.of(false, "회의록.pdf"));
    }

    @Test
    void quotesAndPercentSignsCannotBreakTheHeader() {
        assertEquals("inline; filename=\"a_b_c_ d.png\"; filename*=UTF-8''a%22b%5Cc%25%20d.png",
                ContentDisposition.of(true, "a\"b\\c% d.png"));
    }
}
