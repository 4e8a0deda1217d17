package dev.daehwa.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ByteRangeTest {

    private static ByteRange.Asked parse(String header) {
        return ByteRange.parse(header, 1000);
    }

    private static ByteRange.Part part(long first, long last) {
        return new ByteRange.Part(new ByteRange(first, last));
    }

    @Test
    void aClosedRange() {
        assertEquals(part(0, 99), parse("bytes=0-99"));
        assertEquals(part(500, 500), parse("bytes=500-500"));
        assertEquals("bytes 0-99/1000", new ByteRange(0, 99).contentRange(1000));
        assertEquals(100, new ByteRange(0, 99).length());
    }

    @Test
    void anOpenRangeRunsToTheEnd() {
        assertEquals(part(900, 999), parse("bytes=900-"));
    }

    @Test
    void aLastPastTheEndIsCut() {
        assertEquals(part(990, 999), parse("bytes=990-5000"));
    }

    @Test
    void aSuffixIsTheLastBytes() {
        assertEquals(part(900, 999), parse("bytes=-100"));
        assertEquals(part(0, 999), parse("bytes=-5000"));
    }

    @Test
    void aStartPastTheEndCannotBeSatisfied() {
        assertEquals(new ByteRange.Unsatisfiable(), parse("bytes=1000-"));
        assertEquals(new ByteRange.Unsatisfiable(), parse("bytes=5000-6000"));
        assertEquals(new ByteRange.Unsatisfiable(), parse("bytes=-0"));
        assertEquals(new ByteRange.Unsatisfiable(), ByteRange.parse("bytes=0-", 0));
    }

    @Test
    void anythingElseIsTheWholeFile() {
        assertEquals(new ByteRange.Whole(), parse(null));
        assertEquals(new ByteRange.Whole(), parse("bytes=0-9,20-29"));
        assertEquals(new ByteRange.Whole(), parse("items=0-9"));
        assertEquals(new ByteRange.Whole(), parse("bytes=9-0"));
        assertEquals(new ByteRange.Whole(), parse("bytes=-"));
        assertEquals(new ByteRange.Whole(), parse("bytes=99999999999999999999-"));
    }
}
