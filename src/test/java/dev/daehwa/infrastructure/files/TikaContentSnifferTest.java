package dev.daehwa.infrastructure.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class TikaContentSnifferTest {

    private final TikaContentSniffer sniffer = new TikaContentSniffer();

    @Test
    void theBytesSayWhatAFileIs() {
        assertEquals("image/png", sniffer.sniff(HexFormat.of().parseHex("89504e470d0a1a0a0000000d49484452")));
        assertEquals("text/html", sniffer.sniff("<!DOCTYPE html><html><body>hi</body></html>".getBytes(StandardCharsets.UTF_8)));
        assertEquals("image/svg+xml", sniffer.sniff(
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\"></svg>".getBytes(StandardCharsets.UTF_8)));
        assertEquals("application/octet-stream", sniffer.sniff(new byte[] {0, 1, 2, 3, (byte) 0xFE}));
    }
}
