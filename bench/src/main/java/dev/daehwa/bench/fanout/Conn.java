package dev.daehwa.bench.fanout;

import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One benchmark WebSocket on the JDK's {@link WebSocket}. It hands every complete text frame, with
 * its arrival time, to the peer's protocol and then to the sink; it asks for the next frame only
 * after handling the last one (the JDK's own flow control), so a client that cannot keep up shows
 * up as latency, never as dropped frames.
 */
final class Conn implements WebSocket.Listener {

    /** Where delivered benchmark messages go: the key, the connection, the arrival time (nanoTime). */
    interface Sink {
        void delivered(long key, Conn conn, long arrivedNanos);
    }

    final int index;
    final Peer.Account account;
    private final Peer peer;
    private final Sink sink;
    private final CompletableFuture<Void> live = new CompletableFuture<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private final AtomicLong frames = new AtomicLong();
    private final Object sendLock = new Object();
    private CompletableFuture<?> sending = CompletableFuture.completedFuture(null);
    private volatile WebSocket socket;
    private volatile String lastError;

    Conn(int index, Peer.Account account, Peer peer, Sink sink) {
        this.index = index;
        this.account = account;
        this.peer = peer;
        this.sink = sink;
    }

    /** Opens the socket and waits until the protocol says it is live (bounded). */
    void open(HttpClient client, Duration timeout) throws Exception {
        WebSocket.Builder builder = client.newWebSocketBuilder().connectTimeout(timeout);
        peer.socketHeaders(account).forEach(builder::header);
        long deadline = System.nanoTime() + timeout.toNanos();
        socket = builder.buildAsync(peer.socketUri(), this).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        long left = Math.max(1, deadline - System.nanoTime());
        try {
            CompletableFuture.anyOf(live, closed).get(left, TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("socket " + index + " not live within " + timeout.toSeconds() + " s"
                    + (lastError != null ? "; last error frame " + lastError : ""));
        }
        if (!live.isDone()) {
            throw new IllegalStateException("socket " + index + " closed before it was live"
                    + (lastError != null ? ": " + lastError : ""));
        }
    }

    boolean isLive() {
        return live.isDone();
    }

    void markLive() {
        live.complete(null);
    }

    boolean isOpen() {
        return socket != null && !closed.isDone();
    }

    long frames() {
        return frames.get();
    }

    String lastError() {
        return lastError;
    }

    void noteError(String text) {
        lastError = text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }

    /** The server refused or ended the session inside the protocol: stop waiting for it. */
    void giveUp(String text) {
        noteError(text);
        closed.complete(-2);
        abort();
    }

    /** Sends a text frame after any earlier one (the JDK allows one outstanding send). */
    void send(String text) {
        synchronized (sendLock) {
            sending = sending.handle((ok, error) -> null).thenCompose(x -> {
                WebSocket ws = socket;
                return ws == null ? CompletableFuture.completedFuture(null) : ws.sendText(text, true);
            });
        }
    }

    /** Drops the connection at once (the end of a run: no close handshake to wait for). */
    void abort() {
        WebSocket ws = socket;
        if (ws != null) {
            ws.abort();
        }
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        socket = webSocket;
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        long now = System.nanoTime();
        if (socket == null) {
            socket = webSocket;
        }
        String text;
        if (last && partial.isEmpty()) {
            text = data.toString();
        } else {
            partial.append(data);
            text = null;
            if (last) {
                text = partial.toString();
                partial.setLength(0);
            }
        }
        if (text != null) {
            frames.incrementAndGet();
            long key = peer.onFrame(this, text);
            if (key >= 0) {
                sink.delivered(key, this, now);
            }
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        if (lastError == null) {
            lastError = "closed " + statusCode + " " + reason;
        }
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        if (lastError == null) {
            lastError = String.valueOf(error);
        }
        closed.complete(-1);
    }
}
