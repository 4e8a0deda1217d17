package dev.daehwa.interfaces.rest;

import dev.daehwa.domain.error.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part named {@code file} of a {@code multipart/form-data} body (RFC 7578), read straight off
 * the request as it arrives. Jersey's multipart support and the servlet's {@code getPart} both
 * store the whole body somewhere before the application sees a byte, which would let an upload
 * fill the disk before its size is checked; this reads a small window at a time, so the limits
 * count the bytes while they come in.
 */
final class MultipartFilePart {

    private static final Pattern BOUNDARY = Pattern.compile("(?i)boundary=(\"([^\"]{1,70})\"|([^;\\s]{1,70}))");
    private static final Pattern NAME = Pattern.compile("(?i)[;\\s]name=\"([^\"]*)\"");
    private static final Pattern FILENAME = Pattern.compile("(?i)[;\\s]filename=\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern FILENAME_EXT = Pattern.compile("(?i)[;\\s]filename\\*=UTF-8''([^;\\s]*)");
    private static final int MAX_HEADER_BYTES = 8 * 1024;
    private static final int WINDOW = 64 * 1024;

    private final InputStream in;
    /** {@code CRLF--boundary}: what ends every part. */
    private final byte[] delimiter;
    private final byte[] buffer = new byte[WINDOW];
    private int start;
    private int end;
    private boolean eof;

    private String filename;

    private MultipartFilePart(InputStream in, byte[] delimiter) {
        this.in = in;
        this.delimiter = delimiter;
        // The body opens with --boundary and no CRLF before it: pretend there was one, so that
        // the first delimiter reads like every other.
        buffer[0] = '\r';
        buffer[1] = '\n';
        end = 2;
    }

    /** Reads up to the start of the {@code file} part's content; 400 when the body has none. */
    static MultipartFilePart open(String contentType, InputStream body) throws IOException {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            throw missing("The body must be multipart/form-data with a part named file.");
        }
        Matcher boundary = BOUNDARY.matcher(contentType);
        if (!boundary.find()) {
            throw missing("The multipart/form-data content type has no boundary.");
        }
        String value = boundary.group(2) != null ? boundary.group(2) : boundary.group(3);
        MultipartFilePart part = new MultipartFilePart(body,
                ("\r\n--" + value).getBytes(StandardCharsets.ISO_8859_1));
        part.findFilePart();
        return part;
    }

    /** The name the client gave the file, as sent (not yet made safe); null when it gave none. */
    String filename() {
        return filename;
    }

    /** The part's content, ending where the part ends. */
    InputStream content() {
        return new InputStream() {
            private boolean done;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (done) {
                    return -1;
                }
                int n = readContent(b, off, len);
                if (n < 0) {
                    done = true;
                }
                return n;
            }
        };
    }

    private void findFilePart() throws IOException {
        byte[] skipped = new byte[WINDOW];
        while (true) {
            while (readContent(skipped, 0, skipped.length) >= 0) {
                // the preamble, or a part that is not the file
            }
            if (!startsPart()) {
                throw missing("The body has no part named file.");
            }
            String headers = readHeaders();
            if (isFilePart(headers)) {
                return;
            }
        }
    }

    /** After a delimiter: {@code --} ends the body, CRLF starts a part's headers. */
    private boolean startsPart() throws IOException {
        fill(2);
        if (end - start < 2 || (buffer[start] == '-' && buffer[start + 1] == '-')) {
            return false;
        }
        // RFC 2046 allows whitespace after the boundary before its CRLF
        int lineEnd = indexOf(new byte[] {'\r', '\n'}, start);
        while (lineEnd < 0 && !eof && end - start < 1024) {
            fill(end - start + 1);
            lineEnd = indexOf(new byte[] {'\r', '\n'}, start);
        }
        if (lineEnd < 0) {
            throw missing("The multipart body is malformed.");
        }
        start = lineEnd + 2;
        return true;
    }

    private String readHeaders() throws IOException {
        byte[] blankLine = {'\r', '\n', '\r', '\n'};
        int at = indexOf(blankLine, start);
        while (at < 0 && !eof && end - start < MAX_HEADER_BYTES) {
            fill(end - start + 1);
            at = indexOf(blankLine, start);
        }
        if (at < 0) {
            // a part with no headers at all starts with the blank line itself
            if (end - start >= 2 && buffer[start] == '\r' && buffer[start + 1] == '\n') {
                start += 2;
                return "";
            }
            throw missing("The multipart body's part headers are malformed or too long.");
        }
        String headers = new String(buffer, start, at - start, StandardCharsets.UTF_8);
        start = at + blankLine.length;
        return headers;
    }

    private boolean isFilePart(String headers) {
        for (String line : headers.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon < 0 || !line.substring(0, colon).strip().equalsIgnoreCase("Content-Disposition")) {
                continue;
            }
            String disposition = line.substring(colon + 1);
            Matcher name = NAME.matcher(disposition);
            if (!name.find() || !name.group(1).equals("file")) {
                return false;
            }
            filename = extendedFilename(disposition)
                    .or(() -> quotedFilename(disposition))
                    .orElse(null);
            return true;
        }
        return false;
    }

    private static Optional<String> extendedFilename(String disposition) {
        Matcher ext = FILENAME_EXT.matcher(disposition);
        if (!ext.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(java.net.URLDecoder.decode(ext.group(1).replace("+", "%2B"), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException badEscape) {
            return Optional.empty();
        }
    }

    private static Optional<String> quotedFilename(String disposition) {
        Matcher quoted = FILENAME.matcher(disposition);
        return quoted.find() ? Optional.of(quoted.group(1).replaceAll("\\\\(.)", "$1")) : Optional.empty();
    }

    /** Content up to the next delimiter: -1 once it is reached (and consumed). */
    private int readContent(byte[] b, int off, int len) throws IOException {
        while (true) {
            int at = indexOf(delimiter, start);
            if (at == start) {
                start += delimiter.length;
                return -1;
            }
            int safe = at >= 0 ? at - start : (end - start) - (delimiter.length - 1);
            if (safe > 0) {
                int n = Math.min(len, safe);
                System.arraycopy(buffer, start, b, off, n);
                start += n;
                return n;
            }
            if (eof) {
                throw missing("The multipart body ends inside a part.");
            }
            fill(end - start + 1);
        }
    }

    /** Reads until at least {@code wanted} bytes are buffered, or the body ends. */
    private void fill(int wanted) throws IOException {
        if (start > 0) {
            System.arraycopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }
        while (end < Math.min(wanted, buffer.length) && !eof) {
            int n = in.read(buffer, end, buffer.length - end);
            if (n < 0) {
                eof = true;
            } else {
                end += n;
            }
        }
    }

    private int indexOf(byte[] pattern, int from) {
        outer:
        for (int i = from; i <= end - pattern.length; i++) {
            if (buffer[i] != pattern[0]) {
                continue;
            }
            for (int j = 1; j < pattern.length; j++) {
                if (buffer[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static InvalidInputException missing(String message) {
        return InvalidInputException.of("file", "required", message);
    }
}
