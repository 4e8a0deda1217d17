package dev.daehwa.it.support;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;

/** A multipart/form-data body with one part named {@code file}, as a browser's form sends it. */
public record Multipart(String boundary, byte[] body) {

    public static Multipart file(String filename, byte[] content) {
        String boundary = "----daehwa-it-" + Long.toHexString(System.nanoTime());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + filename.replace("\"", "%22") + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return new Multipart(boundary, out.toByteArray());
    }

    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    /** The body with its Content-Length. */
    public BodyPublisher publisher() {
        return BodyPublishers.ofByteArray(body);
    }

    /** The body sent chunked: no Content-Length, so the server learns its size only by reading it. */
    public BodyPublisher chunked() {
        return BodyPublishers.fromPublisher(BodyPublishers.ofByteArray(body));
    }
}
