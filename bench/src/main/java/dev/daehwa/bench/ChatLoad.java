package dev.daehwa.bench;

import dev.daehwa.bench.BenchApi.Answer;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntConsumer;

/**
 * A bounded load test of Daehwa's REST API over loopback.
 *
 * <p>Setup: registers {@code users} accounts with unique names, logs each in (session cookie),
 * trades the session for a Bearer token, opens one shared room holding everyone and, per user,
 * {@code rooms - 1} rooms of their own, so that everybody is a member of {@code rooms} rooms.
 *
 * <p>Load: {@code concurrency} virtual threads loop until {@code duration} has passed or
 * {@code maxRequests} requests have been sent, whichever comes first. Each loop picks a user and
 * does: POST /api/messages into the shared room (every poster contends for the same room row,
 * which hands out seq) or into one of that user's own rooms (no contention); GET /api/rooms (the
 * room list with members, latest message and unread counts); GET /api/messages?room=..&limit=50
 * (the newest page of the room just posted to).
 *
 * <p>Latencies are recorded per operation in HdrHistograms, in microseconds. At the end the
 * shared room is read back with after= paging (limit=200) and must hold seq 1..n with no gaps,
 * no duplicates, n being the number of shared posts that answered 201; the private rooms' latest
 * seqs must add up to the number of private posts that answered 201.
 *
 * <p>Talks to loopback addresses only: any other host is refused.
 */
public final class ChatLoad {

    private final Options opt;
    private final BenchApi api;
    private final Map<String, List<Histogram>> allHistograms = new ConcurrentHashMap<>();
    private final ThreadLocal<Map<String, Histogram>> histograms = ThreadLocal.withInitial(LinkedHashMap::new);
    private final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
    private final List<String> errorSamples = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong requests = new AtomicLong();
    /** op -> {statements, responses}, from X-Daehwa-Sql-Statements when the server sends it. */
    private final Map<String, LongAdder[]> sqlStatements = new ConcurrentHashMap<>();

    private final List<User> users = new ArrayList<>();
    private long sharedRoomId;

    private ChatLoad(Options opt) throws IOException {
        this.opt = opt;
        this.api = new BenchApi(opt.baseUrl); // loopback only
    }

    public static void main(String[] args) throws Exception {
        Options opt = Options.parse(args);
        int failures = new ChatLoad(opt).run();
        System.exit(failures == 0 ? 0 : 1);
    }

    private record User(String name, String token, List<Long> privateRooms) {
    }

    // ------------------------------------------------------------------------------------ run

    private int run() throws Exception {
        String runId = Long.toString(System.currentTimeMillis(), 36);
        System.out.printf(Locale.ROOT, "Daehwa ChatLoad: %s, %d users x %d rooms, %d virtual threads, %d s (+%d s warm-up), "
                        + "max %d requests, %.0f%% of posts into the shared room, run id %s%n",
                api.resolve(""), opt.users, opt.rooms, opt.concurrency, opt.durationSeconds, opt.warmupSeconds, opt.maxRequests,
                opt.sharedRatio * 100, runId);
        System.out.printf(Locale.ROOT, "client: %d CPUs, Java %s%n%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));

        // --- setup ---------------------------------------------------------------------------
        long t0 = System.nanoTime();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < opt.users; i++) {
            names.add("b" + runId + "_" + i);
        }
        parallel(opt.users, i -> register(names.get(i)));
        double registerSeconds = seconds(t0);

        // Logins one at a time: each one's latency is the server's password check alone,
        // not a queue of PBKDF2 computations fighting for two cores.
        long t1 = System.nanoTime();
        String[] tokens = new String[opt.users];
        for (int i = 0; i < opt.users; i++) {
            tokens[i] = loginForToken(names.get(i));
        }
        double loginSeconds = seconds(t1);
        for (int i = 0; i < opt.users; i++) {
            users.add(new User(names.get(i), tokens[i], Collections.synchronizedList(new ArrayList<>())));
        }

        long t2 = System.nanoTime();
        sharedRoomId = createRoom(users.get(0), "공유 방 shared " + runId, names.subList(1, names.size()));
        int perUser = opt.rooms - 1;
        parallel(opt.users * perUser, k -> {
            User u = users.get(k / perUser);
            u.privateRooms().add(createRoom(u, "개인 방 " + u.name() + " #" + (k % perUser), List.of()));
        });
        double roomSeconds = seconds(t2);

        int seen = call("check", get("rooms", users.get(opt.users - 1)), 200).array().size();
        if (seen != opt.rooms) {
            throw new IllegalStateException("Expected " + opt.rooms + " rooms for a user, the server lists " + seen);
        }

        Map<String, Double> setupSeconds = new LinkedHashMap<>();
        setupSeconds.put("register", registerSeconds);
        // login and token alternate, one user at a time: their rate is 1 / mean latency, not per wall time.
        setupSeconds.put("create-room", roomSeconds);
        Map<String, Histogram> setup = drainHistograms();
        System.out.printf(Locale.ROOT, "setup (%.1f s; register and create-room %d at a time, throughput over the step's "
                + "wall time; login + token one user at a time, %.1f s, throughput = 1 / mean)%n",
                seconds(t0), opt.concurrency, loginSeconds);
        printTable(setup, setupSeconds, List.of("register", "login", "token", "create-room"));
        System.out.println();

        // --- load ----------------------------------------------------------------------------
        AtomicLong sharedPosts = new AtomicLong();
        AtomicLong privatePosts = new AtomicLong();
        AtomicInteger consecutiveFailures = new AtomicInteger();
        requests.set(0); // the budget covers warm-up + load, not setup
        if (opt.warmupSeconds > 0) {
            // Same loop, numbers thrown away: the server's JIT and pools warm up first. Its posts
            // still count for the correctness checks, and its requests for the request budget.
            long w0 = System.nanoTime();
            long warmLoops = loadPhase(opt.warmupSeconds, sharedPosts, privatePosts, consecutiveFailures);
            drainHistograms();
            System.out.printf(Locale.ROOT, "warm-up (%.1f s, %d loops, not measured)%n%n", seconds(w0), warmLoops);
        }
        long requestsBefore = requests.get();
        sqlStatements.clear();
        CpuSample cpuBefore = CpuSample.take(opt);
        long startLoad = System.nanoTime();
        long loops = loadPhase(opt.durationSeconds, sharedPosts, privatePosts, consecutiveFailures);
        double loadSeconds = seconds(startLoad);
        CpuSample cpuAfter = CpuSample.take(opt);
        Map<String, Histogram> load = drainHistograms();
        Map<String, Double> loadWall = new LinkedHashMap<>();
        for (String op : load.keySet()) {
            loadWall.put(op, loadSeconds);
        }
        System.out.printf(Locale.ROOT, "load (%.1f s, %d virtual threads, %d loops = %.1f loops/s, %d requests%s)%n",
                loadSeconds, opt.concurrency, loops, loops / loadSeconds, requests.get() - requestsBefore,
                requests.get() + 3 > opt.maxRequests ? ", stopped by the request budget" : "");
        printTable(load, loadWall, List.of("post-shared", "post-private", "rooms", "history"));
        Histogram all = new Histogram(3);
        for (Histogram h : load.values()) {
            all.add(h);
        }
        System.out.printf(Locale.ROOT, "all requests: %.1f/s%n", all.getTotalCount() / loadSeconds);
        printSqlStatements(List.of("post-shared", "post-private", "rooms", "history"));
        cpuAfter.minus(cpuBefore).print(loadSeconds, loops);
        System.out.println();

        // --- correctness ---------------------------------------------------------------------
        int failures = 0;
        failures += checkSharedRoom(sharedPosts.get());
        failures += checkPrivateRooms(privatePosts.get());
        long errorCount = errors.values().stream().mapToLong(AtomicLong::get).sum();
        if (errorCount > 0) {
            System.out.println("FAIL: " + errorCount + " requests answered unexpectedly: " + new TreeMap<>(errors));
            synchronized (errorSamples) {
                errorSamples.forEach(s -> System.out.println("  " + s));
            }
            failures++;
        }
        System.out.println(failures == 0 ? "RESULT: OK" : "RESULT: " + failures + " check(s) failed");
        return failures;
    }

    /**
     * {@code concurrency} virtual threads loop for {@code seconds}: post (shared or private room),
     * room list, history. Bounded by time, by the request budget and by a run of 100 failed posts.
     */
    private long loadPhase(int seconds, AtomicLong sharedPosts, AtomicLong privatePosts,
                           AtomicInteger consecutiveFailures) throws Exception {
        AtomicLong loops = new AtomicLong();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < opt.concurrency; w++) {
                workers.add(pool.submit(() -> {
                    ThreadLocalRandom rnd = ThreadLocalRandom.current();
                    try {
                        while (System.nanoTime() < deadline && requests.get() + 3 <= opt.maxRequests
                                && consecutiveFailures.get() < 100) {
                            User u = users.get(rnd.nextInt(users.size()));
                            boolean shared = rnd.nextDouble() < opt.sharedRatio;
                            long room = shared ? sharedRoomId
                                    : u.privateRooms().get(rnd.nextInt(u.privateRooms().size()));
                            Answer posted = post(u, shared ? "post-shared" : "post-private", room);
                            if (posted.status() == 201) {
                                (shared ? sharedPosts : privatePosts).incrementAndGet();
                                consecutiveFailures.set(0);
                            } else {
                                consecutiveFailures.incrementAndGet();
                            }
                            timed("rooms", get("rooms", u), 200);
                            timed("history", get("messages?room=" + room + "&limit=50", u), 200);
                            loops.incrementAndGet();
                        }
                    } finally {
                        flushHistograms();
                    }
                    return null;
                }));
            }
            for (Future<?> f : workers) {
                f.get();
            }
        }
        return loops.get();
    }

    // ------------------------------------------------------------------------------ the calls

    private void register(String name) {
        call("register", api.registerRequest(name, "부하 " + name), 201);
    }

    /** Session login, then the session traded for a Bearer token: timed as "login" and "token". */
    private String loginForToken(String name) {
        return api.token(name, "bench", this::call);
    }

    private long createRoom(User owner, String name, List<String> members) {
        return call("create-room", api.createRoomRequest(owner.token(), name, "bench", members), 201)
                .object().getJsonNumber("id").longValue();
    }

    private Answer post(User u, String op, long room) {
        return timed(op, api.postMessage(u.token(), room, BenchApi.TIMEOUT), 201);
    }

    private HttpRequest get(String path, User u) {
        return api.get(path, u.token());
    }

    /** A request that must succeed: setup and checks stop at the first failure. */
    private Answer call(String op, HttpRequest request, int expected) {
        Answer a = timed(op, request, expected);
        if (a.status() != expected) {
            throw new IllegalStateException(op + " " + request.uri() + " answered " + a.status() + ": " + a.body());
        }
        return a;
    }

    /** Sends, records the latency in microseconds, and counts an unexpected answer as an error. */
    private Answer timed(String op, HttpRequest request, int expected) {
        requests.incrementAndGet();
        long start = System.nanoTime();
        Answer a = api.send(request);
        long micros = (System.nanoTime() - start) / 1_000;
        if (a.response() != null) {
            a.response().headers().firstValue(BenchApi.SQL_HEADER).ifPresent(v -> {
                LongAdder[] sum = sqlStatements.computeIfAbsent(op, k -> new LongAdder[] {new LongAdder(), new LongAdder()});
                sum[0].add(Long.parseLong(v.trim()));
                sum[1].increment();
            });
        }
        histograms.get().computeIfAbsent(op, k -> new Histogram(3)).recordValue(Math.max(1, micros));
        if (a.status() != expected) {
            errors.computeIfAbsent(op + " " + a.status(), k -> new AtomicLong()).incrementAndGet();
            if (errorSamples.size() < 5) {
                String body = a.body() == null ? "" : a.body();
                errorSamples.add(op + " -> " + a.status() + ": " + body.substring(0, Math.min(300, body.length())));
            }
        }
        return a;
    }

    // -------------------------------------------------------------------------------- checks

    /** The shared room holds seq 1..expected, in order, no gaps, no duplicates. */
    private int checkSharedRoom(long expected) {
        User reader = users.get(0);
        long after = 0;
        long count = 0;
        long maxPages = expected / 200 + 10;
        boolean more = true;
        for (long page = 0; more && page < maxPages; page++) {
            JsonObject p = call("check", get("messages?room=" + sharedRoomId + "&after=" + after + "&limit=200", reader), 200)
                    .object();
            JsonArray messages = p.getJsonArray("messages");
            for (JsonValue v : messages) {
                long seq = v.asJsonObject().getJsonNumber("seq").longValue();
                if (seq != after + 1) {
                    System.out.printf("FAIL: shared room: seq %d follows %d (gap or duplicate)%n", seq, after);
                    return 1;
                }
                after = seq;
                count++;
            }
            more = p.getBoolean("hasMore") && !messages.isEmpty();
        }
        if (more || count != expected) {
            System.out.printf("FAIL: shared room holds seq 1..%d, but %d posts answered 201%n", count, expected);
            return 1;
        }
        System.out.printf("check: shared room holds seq 1..%d with no gaps or duplicates (%d posts answered 201)%n",
                count, expected);
        return 0;
    }

    /** Every private room's latest seq, added up over everyone, is the number of private posts. */
    private int checkPrivateRooms(long expected) {
        long sum = 0;
        for (User u : users) {
            for (JsonValue v : call("check", get("rooms", u), 200).array()) {
                JsonObject room = v.asJsonObject();
                if (room.getJsonNumber("id").longValue() == sharedRoomId) {
                    continue;
                }
                if (room.containsKey("latestMessage") && !room.isNull("latestMessage")) {
                    sum += room.getJsonObject("latestMessage").getJsonNumber("seq").longValue();
                }
            }
        }
        if (sum != expected) {
            System.out.printf("FAIL: private rooms' latest seqs add up to %d, but %d posts answered 201%n", sum, expected);
            return 1;
        }
        System.out.printf("check: private rooms' latest seqs add up to %d = private posts answered 201%n", sum);
        return 0;
    }

    // ------------------------------------------------------------------------------- plumbing

    /** Runs body(0..n-1) on virtual threads, at most {@code concurrency} at a time. */
    private void parallel(int n, IntConsumer body) throws Exception {
        AtomicInteger next = new AtomicInteger();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < Math.min(n, opt.concurrency); w++) {
                workers.add(pool.submit(() -> {
                    try {
                        for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                            body.accept(i);
                        }
                    } finally {
                        flushHistograms();
                    }
                    return null;
                }));
            }
            for (Future<?> f : workers) {
                f.get();
            }
        }
        flushHistograms();
    }

    /** Hands this thread's histograms over to be merged. */
    private void flushHistograms() {
        Map<String, Histogram> mine = histograms.get();
        mine.forEach((op, h) -> allHistograms.computeIfAbsent(op, k -> Collections.synchronizedList(new ArrayList<>())).add(h));
        histograms.remove();
    }

    /** Merges and clears everything handed over so far. */
    private Map<String, Histogram> drainHistograms() {
        flushHistograms();
        Map<String, Histogram> merged = new LinkedHashMap<>();
        allHistograms.forEach((op, list) -> {
            Histogram h = new Histogram(3);
            synchronized (list) {
                list.forEach(h::add);
            }
            merged.put(op, h);
        });
        allHistograms.clear();
        return merged;
    }

    private static void printTable(Map<String, Histogram> hs, Map<String, Double> wallSeconds, List<String> order) {
        System.out.println("| op | count | throughput/s | p50 ms | p90 ms | p99 ms | max ms |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        List<String> ops = new ArrayList<>(order);
        hs.keySet().stream().filter(k -> !ops.contains(k)).forEach(ops::add);
        for (String op : ops) {
            Histogram h = hs.get(op);
            if (h == null || h.getTotalCount() == 0) {
                continue;
            }
            Double wall = wallSeconds.get(op);
            double rate = wall != null ? h.getTotalCount() / wall : 1e6 / h.getMean();
            System.out.printf(Locale.ROOT, "| %s | %d | %.1f | %.2f | %.2f | %.2f | %.2f |%n",
                    op, h.getTotalCount(), rate,
                    h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(90) / 1000.0,
                    h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0);
        }
    }

    /** Mean SQL statements per request, when the server runs with DAEHWA_SQL_STATEMENT_HEADER=true. */
    private void printSqlStatements(List<String> ops) {
        if (sqlStatements.isEmpty()) {
            return;
        }
        StringBuilder line = new StringBuilder("SQL statements per request (mean):");
        for (String op : ops) {
            LongAdder[] a = sqlStatements.get(op);
            if (a != null && a[1].sum() > 0) {
                line.append(String.format(Locale.ROOT, " %s %.1f", op, (double) a[0].sum() / a[1].sum()));
            }
        }
        System.out.println(line);
    }

    /**
     * CPU seconds used so far by the server's JVM (--server-pid), by the PostgreSQL backends
     * serving database --pg-db (found by their process title), and by this client. Linux /proc,
     * the same machine only; whatever cannot be read stays negative and is not printed.
     */
    private record CpuSample(double server, double postgres, double client) {
        private static final double TICKS_PER_SECOND = 100.0; // USER_HZ on Linux

        static CpuSample take(Options opt) {
            double server = opt.serverPid > 0 ? procCpuSeconds(opt.serverPid) : -1;
            double pg = -1;
            if (opt.pgDatabase != null) {
                pg = 0;
                try (var dirs = Files.list(Path.of("/proc"))) {
                    for (Path dir : dirs.toList()) {
                        String name = dir.getFileName().toString();
                        if (!name.chars().allMatch(Character::isDigit)) {
                            continue;
                        }
                        try {
                            String title = Files.readString(dir.resolve("cmdline")).replace('\0', ' ');
                            if (title.startsWith("postgres: ") && title.contains(" " + opt.pgDatabase + " ")) {
                                pg += Math.max(0, procCpuSeconds(Long.parseLong(name)));
                            }
                        } catch (IOException | RuntimeException gone) {
                            // the process ended or is not ours to read
                        }
                    }
                } catch (IOException e) {
                    pg = -1;
                }
            }
            double client = ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class)
                    .getProcessCpuTime() / 1e9;
            return new CpuSample(server, pg, client);
        }

        private static double procCpuSeconds(long pid) {
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND; // utime, stime
            } catch (IOException | RuntimeException e) {
                return -1;
            }
        }

        CpuSample minus(CpuSample before) {
            return new CpuSample(server < 0 || before.server < 0 ? -1 : server - before.server,
                    postgres < 0 || before.postgres < 0 ? -1 : postgres - before.postgres,
                    client - before.client);
        }

        void print(double wallSeconds, long loops) {
            StringBuilder line = new StringBuilder("CPU during the measured load (cores busy = CPU s / wall s):");
            if (server >= 0) {
                line.append(String.format(Locale.ROOT, " server JVM %.1f s (%.2f cores, %.1f ms per loop);",
                        server, server / wallSeconds, 1000 * server / Math.max(1, loops)));
            }
            if (postgres >= 0) {
                line.append(String.format(Locale.ROOT, " PostgreSQL backends %.1f s (%.2f cores, %.1f ms per loop);",
                        postgres, postgres / wallSeconds, 1000 * postgres / Math.max(1, loops)));
            }
            line.append(String.format(Locale.ROOT, " this client %.1f s (%.2f cores)", client, client / wallSeconds));
            System.out.println(line);
        }
    }

    private static double seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e9;
    }

    // ------------------------------------------------------------------------------- options

    private static final class Options {
        String baseUrl = "http://127.0.0.1:8080/";
        int users = 16;
        int rooms = 50;
        int concurrency = 16;
        int durationSeconds = 20;
        int warmupSeconds = 5;
        long maxRequests = 1_000_000;
        double sharedRatio = 0.5;
        long serverPid = -1;
        String pgDatabase;

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (a.equals("-h") || a.equals("--help")) {
                    usage(0);
                }
                if (!a.startsWith("--")) {
                    o.baseUrl = a;
                    continue;
                }
                if (i + 1 >= args.length) {
                    usage(2);
                }
                String v = args[++i];
                switch (a) {
                    case "--users" -> o.users = Integer.parseInt(v);
                    case "--rooms" -> o.rooms = Integer.parseInt(v);
                    case "--concurrency" -> o.concurrency = Integer.parseInt(v);
                    case "--duration" -> o.durationSeconds = Integer.parseInt(v);
                    case "--warmup" -> o.warmupSeconds = Integer.parseInt(v);
                    case "--max-requests" -> o.maxRequests = Long.parseLong(v);
                    case "--shared-ratio" -> o.sharedRatio = Double.parseDouble(v);
                    case "--server-pid" -> o.serverPid = Long.parseLong(v);
                    case "--pg-db" -> o.pgDatabase = v;
                    default -> usage(2);
                }
            }
            if (o.users < 2 || o.rooms < 2 || o.concurrency < 1 || o.durationSeconds < 1
                    || o.durationSeconds > 3600 || o.warmupSeconds < 0 || o.warmupSeconds > 600 || o.maxRequests < 3 || o.sharedRatio < 0 || o.sharedRatio > 1) {
                usage(2);
            }
            return o;
        }

        private static void usage(int status) {
            System.err.println("""
                    usage: ChatLoad [base-url] [--users 16] [--rooms 50] [--concurrency 16] [--duration 20]
                                    [--warmup 5] [--max-requests 1000000] [--shared-ratio 0.5]
                      base-url   a loopback URL, e.g. http://127.0.0.1:18080/  (context root included)
                      --users    accounts to register (each gets a Bearer token)
                      --rooms    rooms each user is in: one shared room + rooms-1 of their own
                      --duration seconds of measured load (1..3600), after --warmup seconds unmeasured
                      --max-requests  caps warm-up + load together
                      --shared-ratio  share of posts into the shared (contended) room
                      --server-pid, --pg-db  report the CPU the server JVM and the PostgreSQL
                                 backends of that database used during the load (same machine)
                    """);
            System.exit(status);
        }
    }
}
