package dev.daehwa.interfaces.realtime;

import java.io.IOException;

/**
 * Runs a WebSocket send with the JDK's platform class loader as the thread's context loader.
 *
 * <p>Why: Tyrus re-arms a session's idle timer on every send, even with the idle timeout off, by
 * scheduling a task on Payara's managed scheduled executor. That executor captures the thread's
 * context for each task, and part of the capture is a {@code ServiceLoader} lookup through the
 * context class loader: a search of the WAR's jars and, through its parent, of every Payara
 * module jar, once per frame. In the fan-out benchmark that was a fifth of the server's CPU. The
 * send itself needs nothing from the application's loader (the frame is already a string), and
 * with the platform loader the lookup searches the JDK alone.
 */
final class PlatformContextLoader {

    interface Send {
        void run() throws IOException;
    }

    private PlatformContextLoader() {
    }

    static void send(Send send) throws IOException {
        Thread thread = Thread.currentThread();
        ClassLoader application = thread.getContextClassLoader();
        thread.setContextClassLoader(ClassLoader.getPlatformClassLoader());
        try {
            send.run();
        } finally {
            thread.setContextClassLoader(application);
        }
    }
}
