package dev.daehwa.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.daehwa.domain.error.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MultipartFilePartTest {

    private static final String TYPE = "multipart/form-data; boundary=XyZ";

    private static InputStream body(String before, byte[] content, String after) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
        return new ByteArrayInputStream(out.toByteArray());
    }

    /** Hands out the body a few bytes at a time, as a network might. */
    private static InputStream trickling(InputStream in) {
        return new java.io.FilterInputStream(in) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, 7));
            }
        };
    }

    @Test
    void readsTheFilePartAfterOtherParts() throws IOException {
        byte[] content = new byte[300_000];
        new Random(1).nextBytes(content);
        // a delimiter look-alike inside the content must not end it
        System.arraycopy("\r\n--XyZ".getBytes(StandardCharsets.ISO_8859_1), 0, content, 1000, 6);
        InputStream body = body("preamble\r\n--XyZ\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhello\r\n"
                + "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"회의록.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n", content, "\r\n--XyZ--\r\n");
        MultipartFilePart part = MultipartFilePart.open(TYPE, trickling(body));
        assertEquals("회의록.pdf", part.filename());
        assertArrayEquals(content, part.content().readAllBytes());
    }

    @Test
    void anExtendedFilenameWins() throws IOException {
        InputStream body = body("--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\";"
                + " filename*=UTF-8''%ED%95%9C.txt\r\n\r\n", "x".getBytes(StandardCharsets.UTF_8), "\r\n--XyZ--");
        MultipartFilePart part = MultipartFilePart.open(TYPE, body);
        assertEquals("한.txt", part.filename());
        assertEquals("x", new String(part.content().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void anEmptyFileIsAFile() throws IOException {
        InputStream body = body("--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"e\"\r\n\r\n",
                new byte[0], "\r\n--XyZ--\r\n");
        assertEquals(0, MultipartFilePart.open(TYPE, body).content().readAllBytes().length);
    }

    @Test
    void noFilePartOrATruncatedOneIsBadInput() {
        assertThrows(InvalidInputException.class, () -> MultipartFilePart.open(TYPE, body(
                "--XyZ\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\n", new byte[1], "\r\n--XyZ--\r\n")));
        assertThrows(InvalidInputException.class, () -> MultipartFilePart.open("application/json", body("", new byte[0], "")));
        assertThrows(InvalidInputException.class, () -> MultipartFilePart.open(TYPE, body(
                "--XyZ\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\n", new byte[10], ""))
                .content().readAllBytes());
    }
}
