package dev.daehwa.bench.fanout;

import dev.daehwa.bench.BenchApi;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * The fan-out and idle-connection benchmarks, one load generator for both peers (Daehwa and the
 * Socket.IO peer); see bench/scenarios/fanout.sh and idle.sh.
 *
 * <pre>
 * FanoutLoad fanout --peer daehwa|socketio --base http://127.0.0.1:PORT/ --out FILE [options]
 * FanoutLoad idle   --peer daehwa|socketio --base http://127.0.0.1:PORT/ --out FILE --signals DIR [options]
 * FanoutLoad report-fanout --daehwa FILE --socketio FILE [--goal-p99-ms 200]
 * FanoutLoad report-idle   --daehwa FILE --socketio FILE
 * </pre>
 *
 * <p><b>fanout</b>: {@code --clients} accounts, one socket each, in rooms of {@code --room-size}.
 * Then, for each rate of {@code --rates} (messages/s, rising), an open loop of {@code --step-seconds}
 * (or less once it plans {@code --step-messages}, but at least {@code --min-step-seconds}): one
 * scheduler thread issues POSTs at the planned times (message i at start + i / rate) whatever the
 * answers, each from a random member of the next room in turn. The latency of a message runs from its planned
 * time (not from when it was actually sent, which would hide a backlog: coordinated omission) to
 * the arrival of its message.created at each member's socket (per delivery) and at the last
 * member's (per message). A message whose post fails, or that some member has not received when
 * the step's drain ends, is recorded at the drain's end: a lower bound, counted and reported.
 * Steps stop rising once p99 exceeds {@code --stop-p99-ms}, or more than 1 % of a step's messages
 * fail, or p99 exceeded {@code --goal-p99-ms} in {@code --stop-after-misses} steps in a row. The server's CPU (from /proc, {@code --server-pid}) is read before and after each step.
 *
 * <p><b>idle</b>: {@code --users} accounts in rooms of {@code --room-size}, then, when the script
 * says so (file {@code connect} in the signal directory), {@code --connections} sockets spread
 * over the accounts and over {@code --sources} local addresses; it reports (file
 * {@code connected}), holds them until the file {@code release} appears, and then counts how many
 * are still open.
 */
public final class FanoutLoad {

    private FanoutLoad() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
        }
        Map<String, String> opt = options(args);
        int status = switch (args[0]) {
            case "fanout" -> new Fanout(opt).run();
            case "idle" -> Idle.run(opt);
            case "report-fanout" -> Report.fanout(opt);
            case "report-idle" -> Report.idle(opt);
            default -> {
                usage();
                yield 2;
            }
        };
        System.exit(status);
    }

    private static void usage() {
        System.err.println("""
                usage: FanoutLoad fanout|idle|report-fanout|report-idle --option value ...
                  fanout: --peer daehwa|socketio --base URL --out FILE [--clients 2000] [--room-size 10]
                          [--rates 50,100,200,400,800,1600] [--step-seconds 10] [--step-messages 0]
                          [--min-step-seconds 5] [--drain-seconds 5]
                          [--warmup-seconds 5] [--warmup-rate 20] [--stop-p99-ms 1000] [--goal-p99-ms 200] [--stop-after-misses 2]
                          [--server-pid PID] [--setup-concurrency 8] [--connect-concurrency 32]
                          [--max-inflight 3000] [--post-connections 256] [--socket-clients 2] [--setup-budget 150]
                  idle:   --peer --base --out --signals DIR [--users 200] [--connections 10000] [--room-size 10]
                          [--sources 1] [--setup-concurrency 8] [--connect-concurrency 64] [--hold-max 600]
                  report-fanout|report-idle: --daehwa FILE --socketio FILE (either may be missing)
                """);
        System.exit(2);
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> opt = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                usage();
            }
            opt.put(args[i].substring(2), args[++i]);
        }
        return opt;
    }

    static int intOpt(Map<String, String> opt, String name, int fallback) {
        return opt.containsKey(name) ? Integer.parseInt(opt.get(name)) : fallback;
    }

    static String required(Map<String, String> opt, String name) {
        String v = opt.get(name);
        if (v == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return v;
    }

    static URI base(Map<String, String> opt) throws IOException {
        String b = required(opt, "base");
        URI base = URI.create(b.endsWith("/") ? b : b + "/");
        BenchApi.requireLoopback(base);
        return base;
    }

    /** CPU seconds (user + system) a process has used, from /proc; -1 if unreadable. */
    static double procCpuSeconds(long pid) {
        if (pid <= 0) {
            return -1;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0; // USER_HZ
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * Pins every thread of the server to these cores (taskset -a -p), when --pin-server is given:
     * the scripts start the server on all cores so that startup and setup go fast on a busy
     * machine, and pin it here, before anything that is measured.
     */
    static void pinServer(Map<String, String> opt, long pid) throws IOException, InterruptedException {
        String cpus = opt.get("pin-server");
        if (cpus == null || cpus.isBlank() || pid <= 0) {
            return;
        }
        Process p = new ProcessBuilder("taskset", "-a", "-p", "-c", cpus, Long.toString(pid))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("could not pin the server " + pid + " to cores " + cpus + ": " + out);
        }
        System.out.println("server " + pid + " pinned to core(s) " + cpus + " (all its threads)");
    }

    static double clientCpuSeconds() {
        return ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class)
                .getProcessCpuTime() / 1e9;
    }

    static double ms(long micros) {
        return micros / 1000.0;
    }

    // ===================================================================================== fanout

    /** The fan-out benchmark against one peer. */
    static final class Fanout implements Conn.Sink {

        /** One message on its way: when it was planned, in which step, how many members still wait for it. */
        private static final class Pending {
            final long planned;
            final Step step;
            final AtomicInteger waiting;

            Pending(long planned, Step step, int members) {
                this.planned = planned;
                this.step = step;
                this.waiting = new AtomicInteger(members);
            }
        }

        /** One rate step's counters and histograms (microseconds). */
        private static final class Step {
            final int index;
            final double rate;
            final boolean measured;
            final ConcurrentHistogram message = new ConcurrentHistogram(3);
            final ConcurrentHistogram delivery = new ConcurrentHistogram(3);
            final ConcurrentHistogram accepted = new ConcurrentHistogram(3);
            final LongAdder sent = new LongAdder();
            final LongAdder posted = new LongAdder();
            final LongAdder failedPosts = new LongAdder();
            final LongAdder skipped = new LongAdder();
            final LongAdder completed = new LongAdder();
            final LongAdder deliveries = new LongAdder();
            final AtomicLong lastCompletion = new AtomicLong();
            final List<Long> failedPlanned = java.util.Collections.synchronizedList(new ArrayList<>());
            final Map<Integer, String> errorSamples = new ConcurrentHashMap<>();
            long planned;
            long incomplete;
            long start;
            long end;
            double windowSeconds;
            double serverCpu;
            double clientCpu;
            long maxLagMicros;

            Step(int index, double rate, boolean measured) {
                this.index = index;
                this.rate = rate;
                this.measured = measured;
            }

            long failures() {
                return failedPosts.sum() + skipped.sum() + incomplete;
            }
        }

        private final Map<String, String> opt;
        private final Peer peer;
        private final Path out;
        private final int clients;
        private final int roomSize;
        private final long serverPid;
        private final int maxInflight;
        private final ConcurrentHashMap<Long, Pending> pending = new ConcurrentHashMap<>();
        private final java.util.concurrent.LinkedBlockingQueue<Runnable> postQueue = new java.util.concurrent.LinkedBlockingQueue<>();
        private final AtomicInteger inflight = new AtomicInteger();
        private int postConnections = 256;
        private final LongAdder strays = new LongAdder();
        private final List<Step> steps = new ArrayList<>();
        private final Map<String, String> results = new LinkedHashMap<>();
        private List<Setup.Room> rooms;
        private long nextKey;

        Fanout(Map<String, String> opt) throws IOException {
            this.opt = opt;
            this.peer = Peer.of(required(opt, "peer"), base(opt));
            this.out = Path.of(required(opt, "out"));
            this.clients = intOpt(opt, "clients", 2000);
            this.roomSize = intOpt(opt, "room-size", 10);
            this.serverPid = Long.parseLong(opt.getOrDefault("server-pid", "-1"));
            this.maxInflight = intOpt(opt, "max-inflight", 3000);
            if (roomSize < 2 || clients < roomSize || clients % roomSize != 0) {
                throw new IllegalArgumentException("--clients must be a multiple of --room-size (>= 2)");
            }
        }

        int run() throws Exception {
            String runId = Long.toString(System.currentTimeMillis(), 36);
            int setupConcurrency = intOpt(opt, "setup-concurrency", 8);
            Duration budget = Duration.ofSeconds(intOpt(opt, "setup-budget", 150));
            System.out.printf(Locale.ROOT, "fan-out against %s at %s: %d sockets in %d rooms of %d; client Java %s, %d CPUs%n",
                    peer.name(), peer.base, clients, clients / roomSize, roomSize, System.getProperty("java.version"),
                    Runtime.getRuntime().availableProcessors());
            results.put("peer", peer.name());
            results.put("clients", Integer.toString(clients));
            results.put("rooms", Integer.toString(clients / roomSize));
            results.put("room_size", Integer.toString(roomSize));

            long t0 = System.nanoTime();
            List<Peer.Account> accounts = Setup.accounts(peer, "fo" + runId, clients, setupConcurrency, budget);
            double accountsSeconds = seconds(t0);
            long t1 = System.nanoTime();
            rooms = Setup.rooms(peer, "fo" + runId, accounts, roomSize, setupConcurrency, budget);
            double roomsSeconds = seconds(t1);
            pinServer(opt, serverPid);
            long t2 = System.nanoTime();
            List<HttpClient> socketClients = Setup.socketClients(1, intOpt(opt, "socket-clients", 2));
            List<Conn> conns = Setup.sockets(peer, accounts, socketClients, this,
                    intOpt(opt, "connect-concurrency", 32), budget, false, new AtomicInteger(), new ArrayList<>());
            double socketsSeconds = seconds(t2);
            System.out.printf(Locale.ROOT, "setup: %d accounts in %.1f s, %d rooms in %.1f s, %d live sockets in %.1f s%n",
                    accounts.size(), accountsSeconds, rooms.size(), roomsSeconds, conns.size(), socketsSeconds);
            results.put("setup_accounts_s", fmt(accountsSeconds));
            results.put("setup_rooms_s", fmt(roomsSeconds));
            results.put("setup_sockets_s", fmt(socketsSeconds));

            postConnections = intOpt(opt, "post-connections", 256);
            results.put("post_connections", Integer.toString(postConnections));
            int stepSeconds = intOpt(opt, "step-seconds", 10);
            int stepMessages = intOpt(opt, "step-messages", 0);
            int minStepSeconds = intOpt(opt, "min-step-seconds", 5);
            int drainSeconds = intOpt(opt, "drain-seconds", 5);
            double stopP99 = intOpt(opt, "stop-p99-ms", 1000);
            double goal = intOpt(opt, "goal-p99-ms", 200);
            int warmupSeconds = intOpt(opt, "warmup-seconds", 5);
            if (warmupSeconds > 0) {
                Step warm = step(-1, Double.parseDouble(opt.getOrDefault("warmup-rate", "20")), warmupSeconds,
                        drainSeconds, false);
                System.out.printf(Locale.ROOT, "warm-up: %.0f msg/s for %d s, not measured (%d delivered, %d failures%s)%n",
                        warm.rate, warmupSeconds, warm.completed.sum(), warm.failures(),
                        warm.errorSamples.isEmpty() ? "" : ": " + warm.errorSamples.values());
                results.put("warmup", String.format(Locale.ROOT, "%.0f msg/s for %d s: %d delivered, %d failures",
                        warm.rate, warmupSeconds, warm.completed.sum(), warm.failures()));
            }
            System.out.println();
            System.out.println("| offered msg/s | planned | delivered msg/s | deliveries/s | p50 ms | p99 ms | max ms "
                    + "| delivery p99 ms | post p99 ms | failures | server CPU s | CPU s / 1000 msgs | client cores | max lag ms |");
            System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            // Two steps in a row above the goal decide the outcome (the highest rate that met it
            // lies below them): higher rates are not run. So does one far past saturation.
            int stopAfterMisses = intOpt(opt, "stop-after-misses", 2);
            String stopped = "";
            int index = 0;
            int missesInARow = 0;
            for (String r : opt.getOrDefault("rates", "50,100,200,400,800,1600").split(",")) {
                double rate = Double.parseDouble(r.trim());
                // A step lasts --step-seconds, or less once it holds --step-messages messages, but
                // at least --min-step-seconds: a p99 over >= 1,000 messages, 10,000 deliveries.
                int seconds = stepMessages <= 0 ? stepSeconds
                        : (int) Math.min(stepSeconds, Math.max(minStepSeconds, Math.ceil(stepMessages / rate)));
                Step s = step(index++, rate, seconds, drainSeconds, true);
                steps.add(s);
                printStep(s);
                double p99 = ms(s.message.getValueAtPercentile(99));
                missesInARow = p99 > goal ? missesInARow + 1 : 0;
                if (p99 > stopP99 || s.failures() > s.planned / 100) {
                    stopped = String.format(Locale.ROOT, "stopped rising after %.0f msg/s: p99 %.0f ms, %d of %d messages failed",
                            rate, p99, s.failures(), s.planned);
                    break;
                }
                if (stopAfterMisses > 0 && missesInARow >= stopAfterMisses) {
                    stopped = String.format(Locale.ROOT, "stopped rising after %.0f msg/s: p99 above %.0f ms in %d steps in a row",
                            rate, goal, missesInARow);
                    break;
                }
            }
            if (!stopped.isEmpty()) {
                System.out.println(stopped);
            }
            results.put("stopped", stopped);
            results.put("strays", Long.toString(strays.sum()));
            results.put("goal_p99_ms", fmt(goal));
            results.put("steps", Integer.toString(steps.size()));
            Step best = null;
            for (Step s : steps) {
                double delivered = s.completed.sum() / s.windowSeconds;
                if (ms(s.message.getValueAtPercentile(99)) <= goal
                        && (best == null || delivered > best.completed.sum() / best.windowSeconds)) {
                    best = s;
                }
            }
            results.put("best_step", best == null ? "-1" : Integer.toString(best.index));
            System.out.println(best == null
                    ? String.format(Locale.ROOT, "no step met p99 <= %.0f ms", goal)
                    : String.format(Locale.ROOT, "highest delivered rate with p99 <= %.0f ms: %.1f msg/s (offered %.0f)",
                    goal, best.completed.sum() / best.windowSeconds, best.rate));
            int stillOpen = 0;
            for (Conn c : conns) {
                if (c.isOpen()) {
                    stillOpen++;
                }
            }
            results.put("sockets_open_at_end", Integer.toString(stillOpen));
            if (stillOpen < conns.size()) {
                System.out.printf("WARNING: %d of %d sockets closed during the run%n", conns.size() - stillOpen, conns.size());
            }
            write(out, results);
            conns.forEach(Conn::abort);
            return 0;
        }

        /** One open-loop step: planned sends at a fixed rate, then a bounded drain. */
        private Step step(int index, double rate, int seconds, int drainSeconds, boolean measured) throws InterruptedException {
            Step s = new Step(index, rate, measured);
            long interval = (long) (1e9 / rate);
            long n = Math.max(1, Math.round(rate * seconds));
            s.planned = n;
            double cpu0 = procCpuSeconds(serverPid);
            double client0 = clientCpuSeconds();
            long start = System.nanoTime() + 20_000_000L;
            s.start = start;
            long maxLag = 0;
            for (long i = 0; i < n; i++) {
                long planned = start + i * interval;
                long now;
                while ((now = System.nanoTime()) < planned) {
                    long left = planned - now;
                    if (left > 100_000) {
                        LockSupport.parkNanos(left - 50_000);
                    } else {
                        Thread.onSpinWait();
                    }
                }
                maxLag = Math.max(maxLag, now - planned);
                send(s, planned);
            }
            s.maxLagMicros = maxLag / 1000;
            s.end = start + n * interval;
            long drainEnd = s.end + drainSeconds * 1_000_000_000L;
            while (System.nanoTime() < drainEnd && s.completed.sum() + s.failedPosts.sum() + s.skipped.sum() < n) {
                Thread.sleep(5);
            }
            postQueue.clear(); // posts still waiting for a connection are not sent: counted incomplete below
            long finished = System.nanoTime();
            double cpu1 = procCpuSeconds(serverPid);
            s.clientCpu = clientCpuSeconds() - client0;
            s.serverCpu = cpu0 < 0 || cpu1 < 0 ? -1 : cpu1 - cpu0;
            // Whatever is still missing counts at the drain's end: a lower bound on its latency.
            for (Map.Entry<Long, Pending> e : pending.entrySet()) {
                Pending p = e.getValue();
                if (p.step == s && pending.remove(e.getKey(), p)) {
                    s.incomplete++;
                    s.message.recordValue(Math.max(1, (finished - p.planned) / 1000));
                }
            }
            synchronized (s.failedPlanned) {
                for (long planned : s.failedPlanned) {
                    s.message.recordValue(Math.max(1, (finished - planned) / 1000));
                }
            }
            long last = s.lastCompletion.get();
            s.windowSeconds = Math.max(seconds, last > 0 ? (last - start) / 1e9 : seconds);
            if (s.incomplete > 0 || s.failedPosts.sum() > 0) {
                s.windowSeconds = Math.max(s.windowSeconds, (finished - start) / 1e9);
            }
            return s;
        }

        /**
         * Queues the post of one message; at most {@code --post-connections} posts are in flight
         * (asynchronous, in order), so the server sees at most that many connections (keep-alive,
         * reused), like a fleet of clients behind a connection pool. Time spent in this
         * queue counts in the latency (it runs from the planned time). A queue longer than
         * {@code --max-inflight} means the server is far behind: the message is not sent and counts
         * as a failure.
         */
        private void send(Step s, long planned) {
            if (postQueue.size() >= maxInflight) {
                s.skipped.increment();
                s.failedPlanned.add(planned);
                return;
            }
            long key = nextKey++;
            Setup.Room room = rooms.get((int) (key % rooms.size()));
            Peer.Account sender = room.members().get(ThreadLocalRandom.current().nextInt(room.members().size()));
            pending.put(key, new Pending(planned, s, room.members().size()));
            s.sent.increment();
            String content = "fan-out " + key + " 부하 시험 — https://example.com/notes/" + key;
            postQueue.add(() -> peer.http.sendAsync(peer.post(sender, room.id(), key, content),
                            HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, error) -> {
                        long now = System.nanoTime();
                        s.accepted.recordValue(Math.max(1, (now - planned) / 1000));
                        if (error != null || response.statusCode() != peer.postedStatus()) {
                            s.failedPosts.increment();
                            String why = error != null ? String.valueOf(error) : "HTTP " + response.statusCode();
                            s.errorSamples.putIfAbsent(why.hashCode() & 0xffff, why);
                            if (pending.remove(key) != null) {
                                s.failedPlanned.add(planned);
                            }
                        } else {
                            s.posted.increment();
                        }
                        inflight.decrementAndGet();
                        dispatch();
                    }));
            dispatch();
        }

        /** Starts queued posts while fewer than --post-connections are in flight. */
        private void dispatch() {
            while (true) {
                int now = inflight.get();
                if (now >= postConnections || postQueue.isEmpty()) {
                    return;
                }
                if (!inflight.compareAndSet(now, now + 1)) {
                    continue;
                }
                Runnable post = postQueue.poll();
                if (post == null) {
                    inflight.decrementAndGet();
                    continue; // another thread took it; look again
                }
                post.run();
            }
        }

        @Override
        public void delivered(long key, Conn conn, long arrivedNanos) {
            Pending p = pending.get(key);
            if (p == null) {
                strays.increment(); // after its step's drain ended (or a duplicate of a completed one)
                return;
            }
            long micros = Math.max(1, (arrivedNanos - p.planned) / 1000);
            p.step.delivery.recordValue(micros);
            p.step.deliveries.increment();
            if (p.waiting.decrementAndGet() == 0 && pending.remove(key, p)) {
                p.step.message.recordValue(micros);
                p.step.completed.increment();
                p.step.lastCompletion.accumulateAndGet(arrivedNanos, Math::max);
            }
        }

        private void printStep(Step s) {
            double delivered = s.completed.sum() / s.windowSeconds;
            double deliveries = s.deliveries.sum() / s.windowSeconds;
            Histogram m = s.message;
            String cpuPer = s.serverCpu < 0 || s.completed.sum() == 0 ? "–"
                    : fmt(1000 * s.serverCpu / s.completed.sum());
            double wall = (s.windowSeconds);
            System.out.printf(Locale.ROOT, "| %.0f | %d | %.1f | %.0f | %.1f | %.1f | %.1f | %.1f | %.1f | %d | %s | %s | %.2f | %.1f |%n",
                    s.rate, s.planned, delivered, deliveries, ms(m.getValueAtPercentile(50)), ms(m.getValueAtPercentile(99)),
                    ms(m.getMaxValue()), ms(s.delivery.getValueAtPercentile(99)), ms(s.accepted.getValueAtPercentile(99)),
                    s.failures(), s.serverCpu < 0 ? "–" : fmt(s.serverCpu), cpuPer, s.clientCpu / wall,
                    s.maxLagMicros / 1000.0);
            if (!s.errorSamples.isEmpty()) {
                System.out.println("  errors: " + s.errorSamples.values());
            }
            String k = "step." + s.index + ".";
            results.put(k + "rate", fmt(s.rate));
            results.put(k + "planned", Long.toString(s.planned));
            results.put(k + "posted", Long.toString(s.posted.sum()));
            results.put(k + "failed_posts", Long.toString(s.failedPosts.sum()));
            results.put(k + "skipped", Long.toString(s.skipped.sum()));
            results.put(k + "incomplete", Long.toString(s.incomplete));
            results.put(k + "completed", Long.toString(s.completed.sum()));
            results.put(k + "deliveries", Long.toString(s.deliveries.sum()));
            results.put(k + "window_s", fmt(s.windowSeconds));
            results.put(k + "msgs_per_s", fmt(delivered));
            results.put(k + "deliveries_per_s", fmt(deliveries));
            results.put(k + "p50_ms", fmt(ms(m.getValueAtPercentile(50))));
            results.put(k + "p99_ms", fmt(ms(m.getValueAtPercentile(99))));
            results.put(k + "max_ms", fmt(ms(m.getMaxValue())));
            results.put(k + "delivery_p50_ms", fmt(ms(s.delivery.getValueAtPercentile(50))));
            results.put(k + "delivery_p99_ms", fmt(ms(s.delivery.getValueAtPercentile(99))));
            results.put(k + "delivery_max_ms", fmt(ms(s.delivery.getMaxValue())));
            results.put(k + "post_p50_ms", fmt(ms(s.accepted.getValueAtPercentile(50))));
            results.put(k + "post_p99_ms", fmt(ms(s.accepted.getValueAtPercentile(99))));
            results.put(k + "server_cpu_s", s.serverCpu < 0 ? "-1" : fmt(s.serverCpu));
            results.put(k + "server_cores", s.serverCpu < 0 ? "-1" : fmt(s.serverCpu / wall));
            results.put(k + "client_cores", fmt(s.clientCpu / wall));
            results.put(k + "max_lag_ms", fmt(s.maxLagMicros / 1000.0));
            if (!s.errorSamples.isEmpty()) {
                results.put(k + "errors", String.join(" / ", s.errorSamples.values()).replace('\n', ' '));
            }
        }
    }

    // ======================================================================================= idle

    /** The idle-connection benchmark against one peer (the script measures the server meanwhile). */
    static final class Idle {

        private Idle() {
        }

        static int run(Map<String, String> opt) throws Exception {
            Peer peer = Peer.of(required(opt, "peer"), base(opt));
            Path out = Path.of(required(opt, "out"));
            Path signals = Path.of(required(opt, "signals"));
            int users = intOpt(opt, "users", 200);
            int connections = intOpt(opt, "connections", 10000);
            int roomSize = intOpt(opt, "room-size", 10);
            int sources = intOpt(opt, "sources", 1);
            int holdMax = intOpt(opt, "hold-max", 600);
            if (users % roomSize != 0 || sources < 1 || sources > 250) {
                throw new IllegalArgumentException("--users must be a multiple of --room-size; --sources 1..250");
            }
            signal(signals.resolve("pid"), ProcessHandle.current().pid() + "\n");
            Map<String, String> results = new LinkedHashMap<>();
            String runId = Long.toString(System.currentTimeMillis(), 36);
            Duration budget = Duration.ofSeconds(intOpt(opt, "setup-budget", 150));
            long t0 = System.nanoTime();
            List<Peer.Account> accounts = Setup.accounts(peer, "id" + runId, users, intOpt(opt, "setup-concurrency", 8), budget);
            Setup.rooms(peer, "id" + runId, accounts, roomSize, intOpt(opt, "setup-concurrency", 8), budget);
            System.out.printf(Locale.ROOT, "idle against %s: %d accounts in rooms of %d made in %.1f s%n",
                    peer.name(), users, roomSize, seconds(t0));
            pinServer(opt, Long.parseLong(opt.getOrDefault("server-pid", "-1")));
            signal(signals.resolve("setup-done"), "ok\n");
            if (!awaitFile(signals.resolve("connect"), 300)) {
                System.out.println("no connect signal within 300 s");
                return 1;
            }
            List<Peer.Account> owners = new ArrayList<>(connections);
            for (int i = 0; i < connections; i++) {
                owners.add(accounts.get(i % users));
            }
            AtomicInteger failures = new AtomicInteger();
            List<String> samples = java.util.Collections.synchronizedList(new ArrayList<>());
            long t1 = System.nanoTime();
            List<Conn> conns;
            String gaveUp = "";
            try {
                conns = Setup.sockets(peer, owners, Setup.socketClients(sources, 1), (key, conn, at) -> { },
                        intOpt(opt, "connect-concurrency", 64), Duration.ofSeconds(intOpt(opt, "connect-budget", 150)),
                        true, failures, samples);
            } catch (Exception e) { // tolerant: only a failure outside the handshakes gets here
                gaveUp = String.valueOf(e);
                conns = List.of();
            }
            double connectSeconds = seconds(t1);
            System.out.printf(Locale.ROOT, "%d of %d sockets live in %.1f s over %d source address(es); %d failed%n",
                    conns.size(), connections, connectSeconds, sources, failures.get());
            samples.forEach(s -> System.out.println("  " + s));
            if (!gaveUp.isEmpty()) {
                System.out.println("  gave up: " + gaveUp);
            }
            results.put("peer", peer.name());
            results.put("users", Integer.toString(users));
            results.put("connections_requested", Integer.toString(connections));
            results.put("connections_live", Integer.toString(conns.size()));
            results.put("connections_failed", Integer.toString(failures.get()));
            results.put("connect_s", fmt(connectSeconds));
            results.put("sources", Integer.toString(sources));
            if (!samples.isEmpty() || !gaveUp.isEmpty()) {
                results.put("connect_errors", (String.join(" / ", samples) + " " + gaveUp).replace('\n', ' '));
            }
            write(out, results);
            signal(signals.resolve("connected"), conns.size() + "\n");
            boolean released = awaitFile(signals.resolve("release"), holdMax);
            int open = 0;
            long frames = 0;
            for (Conn c : conns) {
                if (c.isOpen()) {
                    open++;
                }
                frames += c.frames();
            }
            System.out.printf("%s: %d of %d sockets still open; %d text frames received in all%n",
                    released ? "released" : "hold limit reached", open, conns.size(), frames);
            Map<String, String> end = new LinkedHashMap<>();
            end.put("connections_open_at_end", Integer.toString(open));
            end.put("frames_received", Long.toString(frames));
            end.put("released", Boolean.toString(released));
            append(out, end); // the script has added its measurements to this file meanwhile
            conns.forEach(Conn::abort);
            return 0;
        }

        /** Writes a signal file for the script whole, or not at all (write, then rename). */
        private static void signal(Path file, String content) throws IOException {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, content);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }

        private static boolean awaitFile(Path file, int seconds) throws InterruptedException {
            long deadline = System.nanoTime() + seconds * 1_000_000_000L;
            while (System.nanoTime() < deadline) {
                if (Files.exists(file)) {
                    return true;
                }
                Thread.sleep(100);
            }
            return false;
        }
    }

    // ==================================================================================== plumbing

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    static void write(Path file, Map<String, String> values) throws IOException {
        StringBuilder b = new StringBuilder();
        values.forEach((k, v) -> b.append(k).append('=').append(v.replace("\\", "\\\\")).append('\n'));
        Files.writeString(file, b.toString());
    }

    static void append(Path file, Map<String, String> values) throws IOException {
        StringBuilder b = new StringBuilder();
        values.forEach((k, v) -> b.append(k).append('=').append(v.replace("\\", "\\\\")).append('\n'));
        Files.writeString(file, b.toString(), java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }
}
