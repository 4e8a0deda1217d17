package dev.daehwa.interfaces.rest;

import dev.daehwa.application.files.FileService;
import dev.daehwa.domain.file.StoredFile;
import dev.daehwa.interfaces.problem.Problem;
import dev.daehwa.interfaces.rest.error.ProblemResponse;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.util.Arrays;

/**
 * The HTTP answer to a download: the whole file, one range of it, or "not modified". The bytes
 * are stored once and never change, so the ETag is their SHA-256. However a file was named or
 * sniffed, the browser is told not to guess its type and to run it, if at all, in a sandbox
 * without the app's origin; only raster images are shown in the page.
 */
final class FileDownload {

    private FileDownload() {
    }

    static Response answer(FileService.Download download, String range, String ifNoneMatch) throws IOException {
        StoredFile file = download.file();
        String etag = "\"" + file.sha256() + "\"";
        if (matches(ifNoneMatch, etag)) {
            download.bytes().close();
            return Response.notModified().header(HttpHeaders.ETAG, etag).build();
        }
        return switch (ByteRange.parse(range, file.size())) {
            case ByteRange.Whole whole -> withHeaders(Response.ok(), file, etag)
                    .entity(bytes(download.bytes(), 0, file.size()))
                    .header(HttpHeaders.CONTENT_LENGTH, file.size())
                    .build();
            case ByteRange.Part part -> withHeaders(Response.status(206), file, etag)
                    .entity(bytes(download.bytes(), part.range().first(), part.range().length()))
                    .header(HttpHeaders.CONTENT_LENGTH, part.range().length())
                    .header("Content-Range", part.range().contentRange(file.size()))
                    .build();
            case ByteRange.Unsatisfiable none -> {
                download.bytes().close();
                yield ProblemResponse.of(Problem.of("range-not-satisfiable", "Range not satisfiable", 416,
                                "The file has " + file.size() + " bytes."))
                        .header("Content-Range", "bytes */" + file.size())
                        .build();
            }
        };
    }

    private static Response.ResponseBuilder withHeaders(Response.ResponseBuilder response, StoredFile file, String etag) {
        return response
                .type(file.contentType())
                .header(HttpHeaders.ETAG, etag)
                .header("Accept-Ranges", "bytes")
                // members only: no shared cache keeps it, and the browser asks again (a 304) each time
                .header(HttpHeaders.CACHE_CONTROL, "private, no-cache")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox")
                .header("Content-Disposition", ContentDisposition.of(file.shownInline(), file.name()));
    }

    /** RFC 9110 §13.1.2: a list of entity tags, or *; weak tags match too (weak comparison). */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        return Arrays.stream(ifNoneMatch.split(","))
                .map(String::strip)
                .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                .anyMatch(tag -> tag.equals("*") || tag.equals(etag));
    }

    private static StreamingOutput bytes(SeekableByteChannel channel, long from, long length) {
        return out -> {
            try (channel) {
                channel.position(from);
                copy(channel, out, length);
            }
        };
    }

    private static void copy(SeekableByteChannel channel, OutputStream out, long length) throws IOException {
        WritableByteChannel target = Channels.newChannel(out);
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        long left = length;
        while (left > 0) {
            buffer.clear().limit((int) Math.min(buffer.capacity(), left));
            int n = channel.read(buffer);
            if (n < 0) {
                throw new IOException("the stored file is shorter than its row says");
            }
            buffer.flip();
            while (buffer.hasRemaining()) {
                target.write(buffer);
            }
            left -= n;
        }
    }
}
