package dev.daehwa.bench.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU seconds from Linux /proc (utime + stime, in clock ticks of 1/100 s): of one process (the
 * server JVM), and of the PostgreSQL backends serving one database, found by their process title
 * ("postgres: 15/main: postgres DB 127.0.0.1(…) idle"). Same machine only.
 */
final class ProcCpu {

    static final double TICKS_PER_SECOND = 100.0; // USER_HZ on Linux

    private ProcCpu() {
    }

    /** CPU seconds used so far by pid, or -1 when it cannot be read (no pid, or gone). */
    static double process(long pid) {
        if (pid <= 0) {
            return -1;
        }
        Long t = ticks(pid);
        return t == null ? -1 : t / TICKS_PER_SECOND;
    }

    /** pid -> CPU ticks of the live backends of database db. */
    static Map<Long, Long> backends(String db) {
        Map<Long, Long> found = new HashMap<>();
        if (db == null) {
            return found;
        }
        try (var dirs = Files.list(Path.of("/proc"))) {
            for (Path dir : dirs.toList()) {
                String name = dir.getFileName().toString();
                if (name.isEmpty() || !name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    if (!Files.readString(dir.resolve("comm")).startsWith("postgres")) {
                        continue;
                    }
                    String title = Files.readString(dir.resolve("cmdline")).replace('\0', ' ');
                    if (title.startsWith("postgres: ") && title.contains(" " + db + " ")) {
                        Long t = ticks(Long.parseLong(name));
                        if (t != null) {
                            found.put(Long.parseLong(name), t);
                        }
                    }
                } catch (IOException | RuntimeException gone) {
                    // ended meanwhile, or not ours to read
                }
            }
        } catch (IOException e) {
            return found;
        }
        return found;
    }

    /** CPU seconds used so far by the live backends of db (a connection pool's backends live all along). */
    static double backendSeconds(String db) {
        if (db == null) {
            return -1;
        }
        return backends(db).values().stream().mapToLong(Long::longValue).sum() / TICKS_PER_SECOND;
    }

    private static Long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Follows backends that come and go (pgbench's connections): samples every interval and keeps
     * the last value seen per pid, so a backend that exits still counts up to its last sample.
     */
    static final class Watch implements AutoCloseable {
        private final String db;
        private final Map<Long, Long> baseline;
        private final Map<Long, Long> last = new HashMap<>();
        private final Thread thread;
        private volatile boolean running = true;

        Watch(String db, long intervalMillis) {
            this.db = db;
            this.baseline = backends(db);
            this.thread = Thread.ofPlatform().daemon().name("pg-cpu-watch").start(() -> {
                while (running) {
                    sample();
                    try {
                        Thread.sleep(intervalMillis);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }

        private synchronized void sample() {
            last.putAll(backends(db));
        }

        /** CPU seconds since the watch started, over every backend of db seen meanwhile. */
        synchronized double seconds() {
            long sum = 0;
            for (Map.Entry<Long, Long> e : last.entrySet()) {
                sum += e.getValue() - baseline.getOrDefault(e.getKey(), 0L);
            }
            return sum / TICKS_PER_SECOND;
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            thread.interrupt();
            thread.join(2000);
            sample();
        }
    }
}
