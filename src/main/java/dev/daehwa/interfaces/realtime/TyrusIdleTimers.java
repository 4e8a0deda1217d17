package dev.daehwa.interfaces.realtime;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.websocket.server.ServerContainer;
import java.lang.reflect.Field;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Gives the WebSocket container (Tyrus) a plain scheduler for its per-session idle timers, in
 * place of Payara's managed scheduled executor.
 *
 * <p>Why: Tyrus 2.1 re-arms a session's idle timer on every frame sent or received, pongs
 * included, by scheduling a task, even with the idle timeout off (the task then runs at once and
 * does nothing). Payara hands Tyrus its managed scheduled executor, and every task submitted there
 * captures the thread's context, which includes a {@code ServiceLoader} search through the WAR's
 * jars and every Payara module jar. With 10,000 idle sockets the pongs alone made that a third of
 * the server's idle CPU, and opening a socket paid it twice. The timer needs no context: when no
 * managed executor exists, Tyrus uses a plain pool of its own, which is what this sets up.
 *
 * <p>Tyrus has no setting for its executor, so two of its container's fields are set by
 * reflection. If that fails (another Tyrus, a JDK that forbids it), Tyrus keeps the managed
 * executor: everything works, only at the old cost, and the log says so once.
 */
@WebListener
public class TyrusIdleTimers implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(TyrusIdleTimers.class.getName());
    private static final String CONTAINER = "org.glassfish.tyrus.core.BaseContainer";

    private ScheduledThreadPoolExecutor timers;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        Object container = event.getServletContext().getAttribute(ServerContainer.class.getName());
        if (container == null) {
            return;
        }
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(1, daemonThreads());
        // a session that sets an idle timeout cancels its timer on every frame: drop those at once
        pool.setRemoveOnCancelPolicy(true);
        try {
            Class<?> base = baseContainer(container.getClass());
            field(base, "scheduledExecutorService").set(container, pool);
            field(base, "managedScheduledExecutorService").set(container, null);
            timers = pool;
        } catch (ReflectiveOperationException | RuntimeException e) {
            pool.shutdownNow();
            LOG.log(Level.INFO, "WebSocket idle timers stay on the managed executor (slower): " + e, e);
        }
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        if (timers != null) {
            timers.shutdownNow();
        }
    }

    private static Class<?> baseContainer(Class<?> type) throws ClassNotFoundException {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (c.getName().equals(CONTAINER)) {
                return c;
            }
        }
        throw new ClassNotFoundException(CONTAINER + " is not a superclass of " + type.getName());
    }

    private static Field field(Class<?> type, String name) throws NoSuchFieldException {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return field;
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "daehwa-ws-idle-timer-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
