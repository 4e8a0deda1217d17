package dev.daehwa.interfaces.web;

import dev.daehwa.interfaces.problem.Problem;
import dev.daehwa.interfaces.problem.ProblemResponses;
import jakarta.json.JsonException;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads API request bodies before anything else does: bodies over 64 KiB get 413 (whether or not
 * they announce a Content-Length), and JSON that is not valid UTF-8 gets 400 instead of being
 * silently "repaired" with replacement characters and stored, as does anything that is not
 * exactly one JSON value. File uploads are the one exception: their resource reads the body as it
 * streams in and counts it against the file limits instead.
 */
@WebFilter(urlPatterns = "/api/*")
public class RequestBodyGuard extends HttpFilter {

    /**
     * Looked up once: {@code Json.createParser} looks the provider up on every call, a service
     * lookup through every jar of the WAR and of Payara's modules that cost more than the parse.
     */
    private static final JsonProvider JSON = JsonProvider.provider();

    public static final int MAX_BODY_BYTES = 64 * 1024;

    private static final java.util.regex.Pattern UPLOAD = java.util.regex.Pattern.compile("/api/rooms/[^/]+/files/?");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (isUpload(request)) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            ProblemResponses.write(response, tooLarge());
            return;
        }
        byte[] body = readAtMost(request.getInputStream(), MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            ProblemResponses.write(response, tooLarge());
            return;
        }
        if (body.length > 0 && isJson(request.getContentType())) {
            if (!isUtf8(body)) {
                ProblemResponses.write(response, Problem.of("malformed-request", "Malformed request", 400,
                        "The request body is not valid UTF-8."));
                return;
            }
            if (!isSingleJsonValue(body)) {
                ProblemResponses.write(response, Problem.of("malformed-json", "Malformed JSON", 400,
                        "The body is not one well-formed JSON value."));
                return;
            }
        }
        chain.doFilter(new BufferedBodyRequest(request, body), response);
    }

    private static boolean isUpload(HttpServletRequest request) {
        return "POST".equals(request.getMethod())
                && UPLOAD.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
    }

    private static Problem tooLarge() {
        return Problem.of("payload-too-large", "Payload too large", 413,
                "The request body is larger than 64 KiB.");
    }

    private static byte[] readAtMost(InputStream in, int limit) throws IOException {
        return in.readNBytes(limit);
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(java.util.Locale.ROOT);
        return type.startsWith("application/json") || type.contains("+json");
    }

    /**
     * The data binding stops reading after the first value, so {@code {"content":"hi"} junk}
     * would be accepted; a full JSON-P read also refuses anything after the value.
     */
    private static boolean isSingleJsonValue(byte[] bytes) {
        try (JsonParser parser = JSON.createParser(new ByteArrayInputStream(bytes))) {
            int depth = 0;
            do {
                JsonParser.Event event = parser.next();
                if (event == JsonParser.Event.START_OBJECT || event == JsonParser.Event.START_ARRAY) {
                    depth++;
                } else if (event == JsonParser.Event.END_OBJECT || event == JsonParser.Event.END_ARRAY) {
                    depth--;
                }
            } while (depth > 0);
            return !parser.hasNext();
        } catch (JsonException | java.util.NoSuchElementException e) {
            return false;
        }
    }

    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** Replays the body that was already read. */
    private static final class BufferedBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        BufferedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("Body already buffered; read it synchronously.");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
