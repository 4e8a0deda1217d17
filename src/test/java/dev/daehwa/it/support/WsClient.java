package dev.daehwa.it.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * A real WebSocket connection to the app's {@code ws} endpoint, on the JDK's
 * {@link java.net.http.WebSocket}. It keeps every frame the server sends, parsed, with its arrival
 * time, so that a test can wait for a frame, count frames, or make sure one never came.
 *
 * <p>Flow control is the JDK's own: the listener asks for the next frame only after it has stored
 * the last one. After {@link #stopReading()} it stops asking, the JDK stops reading the socket, TCP
 * backs up and the server sees a consumer that does not keep up; {@link #readAgain()} drains what
 * waited, the close frame included (the JDK delivers {@code onClose} only on demand too).
 *
 * <p>Frames the server sends that are not a JSON object are kept as a frame of type
 * {@value #NOT_JSON}, so that they show up in every failure message instead of vanishing.
 */
public final class WsClient implements AutoCloseable {

    /** How long a test waits for a frame unless it says otherwise. */
    public static final Duration WAIT = Duration.ofSeconds(5);
    /** How long a resume may take to replay before {@code resumed}: up to 1,000 messages a room. */
    public static final Duration REPLAY_WAIT = Duration.ofSeconds(20);
    public static final String NOT_JSON = "(not a JSON object)";
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();

    /** One text message from the server and when its last fragment arrived ({@link System#nanoTime()}). */
    public record Frame(JsonObject json, long arrivedNanos) {

        public String type() {
            return json.getString("type", "");
        }

        /** The Message of a message.created or message.updated frame. */
        public JsonObject message() {
            return json.getJsonObject("message");
        }
    }

    private final String label;
    private final UnaryOperator<JsonObject> digest;
    private final List<Frame> frames = new ArrayList<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private final Object flow = new Object();
    private boolean reading = true;
    private long owed;
    private volatile WebSocket socket;

    private WsClient(String label, UnaryOperator<JsonObject> digest) {
        this.label = label;
        this.digest = digest;
    }

    /** Starts a handshake to build by hand (which credentials, which Origin). */
    public static Handshake to(App app) {
        return new Handshake(app);
    }

    /**
     * Connects as a browser tab would: the user's session cookies, the app's own Origin and
     * {@code ?resume=1} (the server holds live events until the resume is replayed).
     */
    public static WsClient open(App app, ChatUser user) {
        return to(app).cookiesOf(user).origin(origin(app)).open();
    }

    /** Connects as a script that resumes would: {@code Authorization: Bearer}, no cookie, no Origin, {@code ?resume=1}. */
    public static WsClient openWithToken(App app, String token) {
        return to(app).bearer(token).open();
    }

    /**
     * Connects with the session, reads hello and resumes nothing, so live events flow from
     * {@code resumed} on, not after the server's wait for a resume.
     */
    public static WsClient live(App app, ChatUser user) {
        return to(app).cookiesOf(user).origin(origin(app)).openLive();
    }

    /** The origin a page of the app has, e.g. {@code http://127.0.0.1:1234}. */
    public static String origin(App app) {
        return app.base().getScheme() + "://" + app.base().getRawAuthority();
    }

    /** The endpoint: the context root with http(s) turned into ws(s), resolved against "ws". */
    public static URI endpoint(App app) {
        return URI.create(app.base().toString().replaceFirst("^http", "ws")).resolve("ws");
    }

    /** The hello frame, which must be the very first frame of the connection. */
    public JsonObject hello() {
        Frame hello = awaitFrame("hello", "the server greets every connection with hello");
        Frame first = frames().getFirst();
        if (first != hello) {
            fail(label + ": hello must be the first frame, but the first was " + first.json());
        }
        return hello.json();
    }

    /** Reads hello, resumes no room, and waits for {@code resumed}. */
    public WsClient live() {
        return resumeFrom(Map.of());
    }

    /**
     * Reads hello, resumes from these last seen seqs, and waits for {@code resumed}, which comes
     * after the whole replay (hence the longer wait).
     */
    public WsClient resumeFrom(Map<Long, Long> lastSeenSeqs) {
        hello();
        resume(lastSeenSeqs);
        awaitFrame("resumed", frame -> true, REPLAY_WAIT, "a resume ends with resumed, after the replay");
        return this;
    }

    /** Sends {@code {"type":"resume","rooms":{"<roomId>":lastSeenSeq,...}}}. */
    public void resume(Map<Long, Long> lastSeenSeqs) {
        JsonObjectBuilder rooms = Json.createObjectBuilder();
        lastSeenSeqs.forEach((room, seq) -> rooms.add(Long.toString(room), seq));
        send(Jsons.object("type", "resume", "rooms", rooms.build()));
    }

    public void send(JsonObject frame) {
        sendText(frame.toString());
    }

    /** Sends one text frame; the JDK allows one send at a time, hence the lock. */
    public synchronized void sendText(String text) {
        try {
            socket.sendText(text, true).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            fail(label + ": could not send " + text, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(label + ": interrupted while sending", e);
        }
    }

    /** The first frame of this type, waiting up to {@link #WAIT}. */
    public Frame awaitFrame(String type, String rule) {
        return awaitFrame(type, frame -> true, WAIT, rule);
    }

    public Frame awaitFrame(String type, Predicate<JsonObject> match, String rule) {
        return awaitFrame(type, match, WAIT, rule);
    }

    /** The first frame of this type matching, received before or within the timeout; fails with the rule otherwise. */
    public Frame awaitFrame(String type, Predicate<JsonObject> match, Duration timeout, String rule) {
        return awaitFrames(type, match, 1, timeout, rule).getFirst();
    }

    /** The first {@code count} frames of this type matching, in arrival order. */
    public synchronized List<Frame> awaitFrames(String type, Predicate<JsonObject> match, int count, Duration timeout,
                                                String rule) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Frame> found = new ArrayList<>();
        int scanned = 0;
        while (true) {
            for (; scanned < frames.size(); scanned++) {
                Frame frame = frames.get(scanned);
                if (frame.type().equals(type) && match.test(frame.json())) {
                    found.add(frame);
                    if (found.size() == count) {
                        return found;
                    }
                }
            }
            String waited = count + " " + type + " frame(s) but got " + found.size();
            if (closed.isDone()) {
                return fail(rule + ": " + label + " expected " + waited + " before the connection ended ("
                        + closeDescription() + "); received " + summary());
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return fail(rule + ": " + label + " expected " + waited + " within " + timeout.toMillis()
                        + " ms; received " + summary());
            }
            waitUpTo(left);
        }
    }

    /** Watches the connection for this long and fails as soon as a matching frame exists. */
    public synchronized void assertNoFrame(String type, Predicate<JsonObject> match, Duration during, String rule) {
        long deadline = System.nanoTime() + during.toNanos();
        while (true) {
            for (Frame frame : frames) {
                if (frame.type().equals(type) && match.test(frame.json())) {
                    fail(rule + ": " + label + " received " + frame.json());
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0 || closed.isDone()) {
                return;
            }
            waitUpTo(left);
        }
    }

    /** Every frame so far, in arrival order. */
    /** How long after the connection's first frame (its hello) this frame arrived, in ms. */
    public synchronized long millisAfterHello(Frame frame) {
        return Duration.ofNanos(frame.arrivedNanos() - frames.getFirst().arrivedNanos()).toMillis();
    }

    public synchronized List<Frame> frames() {
        return List.copyOf(frames);
    }

    public List<JsonObject> framesOf(String type) {
        return frames().stream().filter(frame -> frame.type().equals(type)).map(Frame::json).toList();
    }

    /** The types of all frames so far, in arrival order. */
    public List<String> types() {
        return frames().stream().map(Frame::type).toList();
    }

    /** The Messages of this room's message.created frames, in arrival order. */
    public List<JsonObject> messagesCreated(long roomId) {
        return frames().stream()
                .filter(frame -> frame.type().equals("message.created") && roomOf(frame.json()) == roomId)
                .map(Frame::message)
                .toList();
    }

    /** Stops asking the JDK for frames: from now on the socket is not read, as with a stalled client. */
    public void stopReading() {
        synchronized (flow) {
            reading = false;
        }
    }

    /** Asks for frames again, starting with those that waited. */
    public void readAgain() {
        long requests;
        synchronized (flow) {
            reading = true;
            requests = owed;
            owed = 0;
        }
        if (requests > 0) {
            socket.request(requests);
        }
    }

    /** The close code the server sent, waiting for it up to the timeout. */
    public int awaitClose(Duration timeout) {
        try {
            return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return fail(label + " was not closed within " + timeout.toMillis() + " ms; received " + summary());
        } catch (ExecutionException e) {
            return fail(label + " ended with an error instead of a close frame: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted while waiting for " + label + " to close", e);
        }
    }

    /**
     * Waits until the connection ends: the server's close code, or null if it ended without a
     * close frame (the server dropped a connection whose buffers were full).
     */
    public Integer awaitEnd(Duration timeout) {
        try {
            return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            return null;
        } catch (TimeoutException e) {
            return fail(label + " did not end within " + timeout.toMillis() + " ms; received " + summary());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted while waiting for " + label + " to end", e);
        }
    }

    public boolean isOpen() {
        return !closed.isDone();
    }

    /** Drops the TCP connection without a close frame, as a crashed tab or a lost network does. */
    public void closeAbruptly() {
        socket.abort();
    }

    /** Closes with 1000 and waits briefly for the server's close frame; aborts if it does not come. */
    @Override
    public void close() {
        boolean canHearTheAnswer;
        synchronized (flow) {
            canHearTheAnswer = reading;
        }
        try {
            if (isOpen() && canHearTheAnswer && !socket.isOutputClosed()) {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                closed.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            // A close that does not complete cleanly is ended by the abort below; the test's own
            // assertions, not the clean-up, say whether the server behaved.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            socket.abort();
        }
    }

    /** The room a frame is about: its roomId, its message's roomId or its room's id; -1 for none. */
    public static long roomOf(JsonObject frame) {
        if (frame.get("roomId") instanceof JsonNumber id) {
            return id.longValue();
        }
        if (frame.get("message") instanceof JsonObject message && message.get("roomId") instanceof JsonNumber id) {
            return id.longValue();
        }
        if (frame.get("room") instanceof JsonObject room && room.get("id") instanceof JsonNumber id) {
            return id.longValue();
        }
        return -1;
    }

    /** Matches frames about this room (see {@link #roomOf}). */
    public static Predicate<JsonObject> aboutRoom(long roomId) {
        return frame -> roomOf(frame) == roomId;
    }

    /** Matches frames that carry the Message with this id. */
    public static Predicate<JsonObject> carrying(long messageId) {
        return frame -> frame.get("message") instanceof JsonObject message && Jsons.id(message) == messageId;
    }

    /** Matches frames whose user is this user (presence, typing). */
    public static Predicate<JsonObject> byUser(ChatUser user) {
        return frame -> frame.get("user") instanceof JsonObject who && Jsons.id(who) == user.id();
    }

    /** Matches presence frames saying this user went offline. */
    public static Predicate<JsonObject> wentOffline(ChatUser user) {
        return byUser(user).and(frame -> "offline".equals(frame.getString("status", "")));
    }

    private void waitUpTo(long nanos) {
        try {
            TimeUnit.NANOSECONDS.timedWait(this, nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted while waiting for frames on " + label, e);
        }
    }

    private synchronized void store(JsonObject frame, long arrivedNanos) {
        frames.add(new Frame(digest.apply(frame), arrivedNanos));
        notifyAll();
    }

    private synchronized String summary() {
        int shown = 40;
        String last = frames.stream().skip(Math.max(0, frames.size() - shown))
                .map(frame -> frame.type() + (roomOf(frame.json()) >= 0 ? "@" + roomOf(frame.json()) : ""))
                .collect(Collectors.joining(", ", "[", "]"));
        return frames.size() + " frames" + (frames.size() > shown ? ", the last " + shown : "") + ": " + last;
    }

    private String closeDescription() {
        return closed.handle((code, error) -> error == null ? "closed with " + code : "failed: " + error).join();
    }

    /** Asks for the next frame, or remembers to once reading resumes. */
    private void next(WebSocket webSocket) {
        synchronized (flow) {
            if (!reading) {
                owed++;
                return;
            }
        }
        webSocket.request(1);
    }

    private static JsonObject parse(String text) {
        try {
            if (Jsons.parse(text) instanceof JsonObject object) {
                return object;
            }
        } catch (JsonException e) {
            // Not JSON at all: kept below as a frame of its own type, where every failure shows it.
        }
        return Jsons.object("type", NOT_JSON, "text", text.length() > 300 ? text.substring(0, 300) + "…" : text);
    }

    private final class Listener implements WebSocket.Listener {

        @Override
        public void onOpen(WebSocket webSocket) {
            socket = webSocket;
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                store(parse(text), System.nanoTime());
            }
            next(webSocket);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            if (last) {
                store(Jsons.object("type", NOT_JSON, "text", "(a binary frame)"), System.nanoTime());
            }
            next(webSocket);
            return null;
        }

        @Override
        public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
            next(webSocket);
            return null;
        }

        @Override
        public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
            next(webSocket);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            synchronized (WsClient.this) {
                WsClient.this.notifyAll();
            }
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.completeExceptionally(error);
            synchronized (WsClient.this) {
                WsClient.this.notifyAll();
            }
        }
    }

    /** The handshake's credentials and Origin; {@link #open()} expects it accepted, {@link #refusal()} refused. */
    public static final class Handshake {
        private final App app;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private final List<String> who = new ArrayList<>();
        private UnaryOperator<JsonObject> digest = UnaryOperator.identity();
        private boolean willResume = true;

        private Handshake(App app) {
            this.app = app;
        }

        /** Sends the cookies the user's agent holds for the app (JSESSIONID), as a browser does. */
        public Handshake cookiesOf(ChatUser user) {
            String cookies = user.agent().cookies().stream()
                    .map(cookie -> cookie.getName() + "=" + cookie.getValue())
                    .collect(Collectors.joining("; "));
            who.add(user.username() + "'s cookies");
            return header("Cookie", cookies);
        }

        public Handshake origin(String origin) {
            who.add("Origin " + origin);
            return header("Origin", origin);
        }

        public Handshake bearer(String token) {
            who.add("a Bearer token");
            return header("Authorization", "Bearer " + token);
        }

        /**
         * Keeps only what this function makes of each frame. For tests that receive thousands of
         * large messages on many connections and need only their ids and arrival times.
         */
        public Handshake keeping(UnaryOperator<JsonObject> digest) {
            this.digest = digest;
            return this;
        }

        /**
         * Connects without {@code ?resume=1}, as a bot that only listens: the server sends live
         * events from the hello on.
         */
        public Handshake notResuming() {
            willResume = false;
            who.add("no ?resume=1");
            return this;
        }

        private Handshake header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        /** Connects and fails the test if the handshake is refused. */
        public WsClient open() {
            WsClient client = new WsClient("WebSocket with " + credentials(), digest);
            Answer answer = attempt(client.new Listener());
            if (answer.accepted() == null) {
                return fail("the handshake with " + credentials() + " was refused with HTTP " + answer.status());
            }
            client.socket = answer.accepted();
            return client;
        }

        /** Connects, reads hello and resumes nothing (see {@link WsClient#live()}); aborts if that fails. */
        public WsClient openLive() {
            WsClient client = open();
            try {
                return client.live();
            } catch (RuntimeException | Error e) {
                client.closeAbruptly();
                throw e;
            }
        }

        /** The HTTP status of the refused handshake; fails the test if the server accepts it. */
        public int refusal() {
            Answer answer = attempt(new WebSocket.Listener() {
            });
            if (answer.accepted() != null) {
                answer.accepted().abort();
                return fail("the server accepted a WebSocket handshake with " + credentials());
            }
            return answer.status();
        }

        private String credentials() {
            return who.isEmpty() ? "no credentials" : String.join(", ", who);
        }

        /** The JDK reports a refused handshake as a WebSocketHandshakeException carrying the HTTP answer. */
        private Answer attempt(WebSocket.Listener listener) {
            WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(CONNECT_TIMEOUT);
            headers.forEach(builder::header);
            try {
                WebSocket accepted = builder.buildAsync(address(), listener)
                        .get(CONNECT_TIMEOUT.toMillis() * 2, TimeUnit.MILLISECONDS);
                return new Answer(accepted, 101);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof WebSocketHandshakeException refused) {
                    return new Answer(null, refused.getResponse().statusCode());
                }
                return fail("could not connect to " + endpoint(app) + ": " + e.getCause(), e.getCause());
            } catch (TimeoutException e) {
                return fail("no handshake answer from " + endpoint(app), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return fail("interrupted while connecting", e);
            }
        }

        private URI address() {
            return willResume ? URI.create(endpoint(app) + "?resume=1") : endpoint(app);
        }

        /** The socket if the server switched protocols, else null and the status it answered. */
        private record Answer(WebSocket accepted, int status) {
        }
    }
}
