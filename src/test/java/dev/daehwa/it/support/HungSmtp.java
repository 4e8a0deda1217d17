package dev.daehwa.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP listener on the mail port that accepts connections and never says a word: what a client
 * sees of an SMTP server that hangs. The connections stay open until {@link #close()}.
 */
public final class HungSmtp implements AutoCloseable {

    private final ServerSocket listener;
    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    private HungSmtp(ServerSocket listener) {
        this.listener = listener;
        this.acceptor = Thread.ofPlatform().daemon().name("hung-smtp-" + listener.getLocalPort()).start(this::accept);
    }

    static HungSmtp listen(int port) {
        try {
            ServerSocket listener = new ServerSocket();
            listener.setReuseAddress(true);
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return new HungSmtp(listener);
        } catch (IOException e) {
            throw new UncheckedIOException("could not listen on the mail port " + port, e);
        }
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                held.add(listener.accept());
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    /** Whether the app connected within the timeout (and is now waiting for a greeting). */
    public boolean awaitConnection(Duration timeout) {
        Pause.until(timeout, Duration.ofMillis(50), () -> !held.isEmpty());
        return !held.isEmpty();
    }

    @Override
    public void close() {
        try {
            listener.close();
            for (Socket socket : held) {
                socket.close();
            }
            acceptor.join(Duration.ofSeconds(5));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
