package dev.daehwa.interfaces.web;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A response whose Set-Cookie headers all say Secure when they leave. The container adds its
 * session cookie straight to the headers, past any wrapper, and at any moment until the response
 * is committed; so the headers are mended before anything that may commit it: every write of the
 * body, a flush, a redirect, an error, and the end of the request.
 */
final class SecureCookiesResponse extends HttpServletResponseWrapper {

    private static final String SET_COOKIE = "Set-Cookie";

    private ServletOutputStream stream;
    private PrintWriter writer;

    SecureCookiesResponse(HttpServletResponse response) {
        super(response);
    }

    /** The header value with the Secure attribute, added unless it is there. */
    static String secured(String setCookie) {
        for (String attribute : setCookie.split(";")) {
            if (attribute.strip().toLowerCase(Locale.ROOT).equals("secure")) {
                return setCookie;
            }
        }
        return setCookie + "; Secure";
    }

    /** Mends the Set-Cookie headers, while they can still change. */
    void secureCookies() {
        if (isCommitted()) {
            return;
        }
        List<String> values = new ArrayList<>(getHeaders(SET_COOKIE));
        List<String> mended = values.stream().map(SecureCookiesResponse::secured).toList();
        if (mended.equals(values)) {
            return;
        }
        for (int i = 0; i < mended.size(); i++) {
            if (i == 0) {
                super.setHeader(SET_COOKIE, mended.get(i));
            } else {
                super.addHeader(SET_COOKIE, mended.get(i));
            }
        }
    }

    @Override
    public void flushBuffer() throws IOException {
        secureCookies();
        super.flushBuffer();
    }

    @Override
    public void sendRedirect(String location) throws IOException {
        secureCookies();
        super.sendRedirect(location);
    }

    @Override
    public void sendError(int status, String message) throws IOException {
        secureCookies();
        super.sendError(status, message);
    }

    @Override
    public void sendError(int status) throws IOException {
        secureCookies();
        super.sendError(status);
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        if (stream == null) {
            stream = new MendingStream(super.getOutputStream());
        }
        return stream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (writer == null) {
            writer = new PrintWriter(new MendingWriter(super.getWriter()), false);
        }
        return writer;
    }

    private final class MendingStream extends ServletOutputStream {
        private final ServletOutputStream out;

        MendingStream(ServletOutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            secureCookies();
            out.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            secureCookies();
            out.write(bytes, offset, length);
        }

        @Override
        public void flush() throws IOException {
            secureCookies();
            out.flush();
        }

        @Override
        public void close() throws IOException {
            secureCookies();
            out.close();
        }

        @Override
        public boolean isReady() {
            return out.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            out.setWriteListener(listener);
        }
    }

    private final class MendingWriter extends java.io.Writer {
        private final PrintWriter out;

        MendingWriter(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void write(char[] chars, int offset, int length) {
            secureCookies();
            out.write(chars, offset, length);
        }

        @Override
        public void write(String text, int offset, int length) {
            secureCookies();
            out.write(text, offset, length);
        }

        @Override
        public void flush() {
            secureCookies();
            out.flush();
        }

        @Override
        public void close() {
            secureCookies();
            out.close();
        }
    }
}
