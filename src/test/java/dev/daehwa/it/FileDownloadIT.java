package dev.daehwa.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.daehwa.it.support.App;
import dev.daehwa.it.support.ChatUser;
import dev.daehwa.it.support.DaehwaIT;
import dev.daehwa.it.support.Jsons;
import dev.daehwa.it.support.Response;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * GET /api/files/{id}: the bytes for members of the file's room, nobody else; ETag and one byte
 * range; and headers that keep a browser from running what someone uploaded: nosniff, a sandbox,
 * and a download rather than a page for everything but raster images.
 */
@DaehwaIT
class FileDownloadIT {

    private static final String SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\">"
            + "<script>alert(document.domain)</script></svg>";

    private static String path(JsonObject file) {
        return "api/files/" + Jsons.id(file);
    }

    private static Response download(ChatUser user, JsonObject file, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(user.agent().uri(path(file))).GET().header("Accept", "*/*");
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return user.agent().exchange(request.build());
    }

    private static String disposition(Response response) {
        return response.header("Content-Disposition").orElse("");
    }

    @Test
    void anonymousCallersAreAskedToLogIn(App app) {
        ChatUser minji = app.newUser("owner");
        JsonObject file = minji.uploaded(minji.createRoomId(), "a.png", FileUploadIT.PNG);
        app.anonymous().get(path(file)).problem(401);
    }

    @Test
    void onlyMembersOfTheRoomGetTheFileAndTheRestFindNone(App app) {
        ChatUser minji = app.newUser("owner");
        ChatUser joon = app.newUser("member");
        ChatUser outsider = app.newUser("outsider");
        JsonObject file = minji.uploaded(minji.createRoomId(joon), "a.png", FileUploadIT.PNG);

        assertArrayEquals(FileUploadIT.PNG, download(joon, file).expect(200).bytes());
        JsonObject notMember = download(outsider, file).problem(404);
        JsonObject missing = outsider.agent().get("api/files/" + Long.MAX_VALUE).problem(404);
        assertEquals(missing, notMember, "an outsider cannot tell a file exists");
    }

    @Test
    void theWholeFileWithItsHeaders(App app) {
        ChatUser minji = app.newUser("owner");
        byte[] content = FileUploadIT.randomBytes(100_000);
        JsonObject file = minji.uploaded(minji.createRoomId(), "data.bin", content);

        Response response = download(minji, file).expect(200);
        assertAll(() -> assertArrayEquals(content, response.bytes()),
                () -> assertEquals(Optional.of("100000"), response.header("Content-Length")),
                () -> assertEquals("application/octet-stream", response.contentType()),
                () -> assertTrue(response.header("ETag").orElse("").matches("\"[0-9a-f]{64}\""), "a strong ETag"),
                () -> assertEquals(Optional.of("nosniff"), response.header("X-Content-Type-Options")),
                () -> assertEquals(Optional.of("sandbox"), response.header("Content-Security-Policy")),
                () -> assertEquals("attachment; filename=\"data.bin\"; filename*=UTF-8''data.bin", disposition(response)));
    }

    @Test
    void aHangulNameArrivesIntact(App app) {
        ChatUser minji = app.newUser("owner");
        JsonObject file = minji.uploaded(minji.createRoomId(), "회의록 12월.pdf", "%PDF-1.4\n".getBytes(StandardCharsets.UTF_8));

        assertEquals("attachment; filename=\"___ 12_.pdf\"; filename*=UTF-8''%ED%9A%8C%EC%9D%98%EB%A1%9D%2012%EC%9B%94.pdf",
                disposition(download(minji, file).expect(200)));
    }

    @Test
    void htmlNamedAsAnImageIsADownloadTheBrowserMayNotSniff(App app) {
        ChatUser minji = app.newUser("owner");
        byte[] html = "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.UTF_8);
        JsonObject file = minji.uploaded(minji.createRoomId(), "cat.png", html);

        Response response = download(minji, file).expect(200);
        assertAll(() -> assertTrue(response.contentType().startsWith("text/html"), response.contentType()),
                () -> assertTrue(disposition(response).startsWith("attachment;"), disposition(response)),
                () -> assertEquals(Optional.of("nosniff"), response.header("X-Content-Type-Options")),
                () -> assertEquals(Optional.of("sandbox"), response.header("Content-Security-Policy")));
    }

    @Test
    void rasterImagesAreShownInlineAndSvgIsAlwaysADownload(App app) {
        ChatUser minji = app.newUser("owner");
        long roomId = minji.createRoomId();
        JsonObject png = minji.uploaded(roomId, "dot.png", FileUploadIT.PNG);
        JsonObject svg = minji.uploaded(roomId, "logo.svg", SVG.getBytes(StandardCharsets.UTF_8));

        assertEquals("image/svg+xml", svg.getString("contentType"));
        assertTrue(disposition(download(minji, png).expect(200)).startsWith("inline;"));
        assertTrue(disposition(download(minji, svg).expect(200)).startsWith("attachment;"));
    }

    @Test
    void oneRangeOfBytes(App app) {
        ChatUser minji = app.newUser("owner");
        byte[] content = FileUploadIT.randomBytes(1000);
        JsonObject file = minji.uploaded(minji.createRoomId(), "data.bin", content);

        Response part = download(minji, file, "Range", "bytes=100-199").expect(206);
        assertAll(() -> assertArrayEquals(Arrays.copyOfRange(content, 100, 200), part.bytes()),
                () -> assertEquals(Optional.of("bytes 100-199/1000"), part.header("Content-Range")),
                () -> assertEquals(Optional.of("100"), part.header("Content-Length")));

        Response tail = download(minji, file, "Range", "bytes=-10").expect(206);
        assertArrayEquals(Arrays.copyOfRange(content, 990, 1000), tail.bytes());

        Response past = download(minji, file, "Range", "bytes=1000-");
        past.problem(416);
        assertEquals(Optional.of("bytes */1000"), past.header("Content-Range"));
    }

    @Test
    void anUnchangedFileIsNotSentAgain(App app) {
        ChatUser minji = app.newUser("owner");
        JsonObject file = minji.uploaded(minji.createRoomId(), "a.png", FileUploadIT.PNG);
        String etag = download(minji, file).expect(200).header("ETag").orElseThrow();

        Response again = download(minji, file, "If-None-Match", etag).expect(304);
        assertEquals(Optional.of(etag), again.header("ETag"));
        assertEquals(0, again.bytes().length);
        download(minji, file, "If-None-Match", "\"something-else\"").expect(200);
    }

    @Test
    void aFileWhoseBytesAreGoneIsNotFound(App app) throws IOException {
        ChatUser minji = app.newUser("owner");
        byte[] content = FileUploadIT.randomBytes(4321);
        JsonObject file = minji.uploaded(minji.createRoomId(), "lost.bin", content);

        Path stored;
        try (Stream<Path> files = Files.list(app.dataDir().resolve("files"))) {
            stored = files.filter(path -> sameBytes(path, content)).findFirst().orElseThrow();
        }
        Files.delete(stored);
        download(minji, file).problem(404);
    }

    private static boolean sameBytes(Path path, byte[] content) {
        try {
            return Files.size(path) == content.length && Arrays.equals(Files.readAllBytes(path), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
