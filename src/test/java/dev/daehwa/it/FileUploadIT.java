package dev.daehwa.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.daehwa.it.support.App;
import dev.daehwa.it.support.ChatUser;
import dev.daehwa.it.support.Contract;
import dev.daehwa.it.support.DaehwaIT;
import dev.daehwa.it.support.Multipart;
import dev.daehwa.it.support.Response;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * POST /api/rooms/{id}/files: members only, the content type read from the bytes, and the size
 * limit (DAEHWA_FILE_MAX_BYTES) and quota (DAEHWA_FILE_QUOTA_BYTES) counted while the body
 * streams in, whether or not it announces its length, leaving nothing behind when refused.
 */
@DaehwaIT
class FileUploadIT {

    static final byte[] PNG = HexFormat.of().parseHex(
            "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    + "1f15c4890000000d49444154789c6360000000000500010d0a2db40000000049454e44ae426082");

    static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        bytes[0] = 0; // not the start of any known format
        return bytes;
    }

    private static Response uploadTo(ChatUser user, long roomId, Multipart body, boolean chunked) {
        return user.agent().send("POST", "api/rooms/" + roomId + "/files",
                chunked ? body.chunked() : body.publisher(), body.contentType());
    }

    /** What the files folder holds: kept files by name; a left-over upload would show as *.part. */
    private static List<String> filesFolder(App app) {
        Path folder = app.dataDir().resolve("files");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(path -> path.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void anonymousCallersAreAskedToLogIn(App app) {
        ChatUser minji = app.newUser("uploader");
        long roomId = minji.createRoomId();
        Multipart body = Multipart.file("a.png", PNG);
        app.anonymous().send("POST", "api/rooms/" + roomId + "/files", body.publisher(), body.contentType())
                .problem(401);
    }

    @Test
    void someoneOutsideTheRoomFindsNoRoom(App app) {
        ChatUser minji = app.newUser("uploader");
        ChatUser outsider = app.newUser("outsider");
        long roomId = minji.createRoomId();

        JsonObject notMember = outsider.upload(roomId, "a.png", PNG).problem(404);
        JsonObject missing = outsider.upload(Long.MAX_VALUE, "a.png", PNG).problem(404);
        assertEquals(missing.getString("detail"), notMember.getString("detail"), "the same answer as for no room");
        outsider.upload(roomId, "huge.bin", randomBytes(4 * (int) App.FILE_MAX_BYTES))
                .describedAs("a room the caller is not in is not found, whatever the size").problem(404);
    }

    @Test
    void aMemberUploadsAFile(App app) {
        ChatUser minji = app.newUser("uploader");
        ChatUser joon = app.newUser("member");
        long roomId = minji.createRoomId(joon);

        JsonObject file = joon.uploaded(roomId, "점.png", PNG);
        Contract.assertFile(file);
        assertAll(() -> assertEquals("점.png", file.getString("name")),
                () -> assertEquals(PNG.length, file.getJsonNumber("size").longValue()),
                () -> assertEquals("image/png", file.getString("contentType")));
    }

    @Test
    void theTypeComesFromTheBytesNotTheName(App app) {
        ChatUser minji = app.newUser("uploader");
        long roomId = minji.createRoomId();
        byte[] html = "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.UTF_8);

        JsonObject file = minji.uploaded(roomId, "cute-cat.png", html);
        assertEquals("text/html", file.getString("contentType"));
        assertEquals("cute-cat.png", file.getString("name"), "the name stays for display");
    }

    @Test
    void aNameIsKeptForDisplayWithoutPathsOrControlCharacters(App app) {
        ChatUser minji = app.newUser("uploader");
        long roomId = minji.createRoomId();

        assertEquals("....보고서.txt", minji.uploaded(roomId, "..\\../보고서\u202E.txt", "x".getBytes(StandardCharsets.UTF_8))
                .getString("name"));
        assertEquals("file", minji.uploaded(roomId, "", "x".getBytes(StandardCharsets.UTF_8)).getString("name"));
    }

    @Test
    void aBodyThatIsNotAFileIsBadInput(App app) {
        ChatUser minji = app.newUser("uploader");
        long roomId = minji.createRoomId();
        minji.agent().post("api/rooms/" + roomId + "/files", jakarta.json.Json.createObjectBuilder().build())
                .validationProblem("file");
    }

    @Test
    void aFileOverTheLimitIsRefusedWhileItStreamsAndLeavesNothing(App app) {
        ChatUser minji = app.newUser("uploader");
        long roomId = minji.createRoomId();
        List<String> before = filesFolder(app);
        byte[] justOver = randomBytes((int) App.FILE_MAX_BYTES + 1);

        for (boolean chunked : List.of(false, true)) {
            JsonObject problem = uploadTo(minji, roomId, Multipart.file("big.bin", justOver), chunked)
                    .describedAs(chunked ? "chunked" : "with Content-Length").problem(413);
            assertTrue(problem.getString("detail").contains("at most 256 KiB"), problem::toString);
        }
        // far over: refused by its Content-Length before a byte of it is stored
        uploadTo(minji, roomId, Multipart.file("huge.bin", randomBytes(4 * (int) App.FILE_MAX_BYTES)), false)
                .problem(413);
        assertEquals(before, filesFolder(app), "nothing of a refused upload stays in the files folder");

        JsonObject exactly = minji.uploaded(roomId, "max.bin", randomBytes((int) App.FILE_MAX_BYTES));
        assertEquals(App.FILE_MAX_BYTES, exactly.getJsonNumber("size").longValue(), "the limit itself is allowed");
    }

    @Test
    void anUploadCutOffHalfwayLeavesNothing(App app) throws Exception {
        ChatUser minji = app.newUser("uploader");
        long roomId = minji.createRoomId();
        String token = minji.createToken("cut-off");
        List<String> before = filesFolder(app);

        java.net.URI uri = minji.agent().uri("api/rooms/" + roomId + "/files");
        try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            java.io.OutputStream out = socket.getOutputStream();
            out.write(("POST " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                    + "\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: multipart/form-data; boundary=cut\r\nContent-Length: 200000\r\n\r\n"
                    + "--cut\r\nContent-Disposition: form-data; name=\"file\"; filename=\"cut.bin\"\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.write(randomBytes(100_000));
            out.flush();
            Thread.sleep(500); // the server has begun storing it
        }
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        while (!filesFolder(app).equals(before) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(before, filesFolder(app), "the half-sent upload was removed");
    }

    @Test
    void theQuotaCountsEveryFileOfTheUploader(App app) {
        ChatUser minji = app.newUser("uploader");
        long roomId = minji.createRoomId();
        long otherRoomId = minji.createRoomId();
        byte[] largest = randomBytes((int) App.FILE_MAX_BYTES);
        uploadTo(minji, roomId, Multipart.file("refused.bin", randomBytes((int) App.FILE_MAX_BYTES + 1)), true)
                .problem(413);

        for (int i = 0; i < App.FILE_QUOTA_BYTES / App.FILE_MAX_BYTES; i++) {
            // the refused upload took none of the quota, so all of it is left for these
            minji.uploaded(i % 2 == 0 ? roomId : otherRoomId, "part" + i + ".bin", largest);
        }
        List<String> before = filesFolder(app);
        for (boolean chunked : List.of(false, true)) {
            JsonObject problem = uploadTo(minji, otherRoomId, Multipart.file("one-more.txt", new byte[] {'x'}), chunked)
                    .problem(413);
            assertTrue(problem.getString("detail").contains("quota of 1 MiB"), problem::toString);
        }
        assertEquals(before, filesFolder(app));

        ChatUser joon = app.newUser("other");
        joon.uploaded(joon.createRoomId(), "mine.bin", largest);
    }

    @Test
    void twoUploadsAtOnceCannotShareTheLastOfTheQuota(App app) throws Exception {
        ChatUser minji = app.newUser("uploader");
        long roomId = minji.createRoomId();
        for (int i = 0; i < 3; i++) {
            minji.uploaded(roomId, "full" + i + ".bin", randomBytes((int) App.FILE_MAX_BYTES));
        }
        int left = (int) (App.FILE_QUOTA_BYTES - 3 * App.FILE_MAX_BYTES);
        minji.uploaded(roomId, "most-of-the-rest.bin", randomBytes(left - 150_000));
        List<String> before = filesFolder(app);

        // each fits in the 150,000 bytes left, both together do not
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
            List<java.util.concurrent.Future<Integer>> statuses = new java.util.ArrayList<>();
            for (int i = 0; i < 2; i++) {
                byte[] content = randomBytes(100_000 + i);
                statuses.add(pool.submit(() -> {
                    start.await();
                    return uploadTo(minji, roomId, Multipart.file("race.bin", content), true).status();
                }));
            }
            List<Integer> answered = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<Integer> status : statuses) {
                answered.add(status.get());
            }
            answered.sort(null);
            assertEquals(List.of(201, 413), answered);
        } finally {
            pool.shutdownNow();
        }
        List<String> after = filesFolder(app);
        assertEquals(before.size() + 1, after.size(), "only the accepted upload was kept: " + after);
        assertTrue(after.stream().noneMatch(name -> name.endsWith(".part")), after::toString);
    }
}
