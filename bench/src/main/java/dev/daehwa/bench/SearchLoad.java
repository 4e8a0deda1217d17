package dev.daehwa.bench;

import dev.daehwa.bench.BenchApi.Answer;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The search scale benchmark's client, in three steps that {@code bench/search.sh} runs around its
 * own (stopping, starting, bulk SQL):
 *
 * <ul>
 *   <li>{@code setup}: registers the searcher and the room owners through the API.</li>
 *   <li>{@code await-index}: right after a boot on a deleted index, polls {@code /health} (server
 *       root) until the {@code search} check says {@code ready}, and records how long the rebuild
 *       took, how many documents it holds, and the CPU the server JVM and the PostgreSQL backends
 *       spent on it.</li>
 *   <li>{@code measure}: as the searcher (Bearer token), times {@code GET /api/search} for each
 *       term, rounds interleaved so that noise from elsewhere on the machine hits every term alike,
 *       with {@code GET /api/auth/me} as the floor of an authenticated request; then the same
 *       searches as a naive chat would do them, {@code ILIKE '%term%'} over the searcher's rooms
 *       (newest 20 + {@code count(*)}) through JDBC; then writes the Markdown section.</li>
 * </ul>
 *
 * Every step is bounded in time. Talks to loopback addresses only.
 */
public final class SearchLoad {

    private static final String SECTION_PREFIX = "## Search at ";

    private final Map<String, String> opt;
    private final BenchApi api;

    private SearchLoad(String baseUrl, Map<String, String> opt) throws IOException {
        this.opt = opt;
        this.api = new BenchApi(baseUrl); // loopback only
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            usage();
        }
        String command = args[0];
        String baseUrl = args[1];
        Map<String, String> opt = new HashMap<>();
        for (int i = 2; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                usage();
            }
            opt.put(args[i].substring(2), args[++i]);
        }
        SearchLoad load = new SearchLoad(baseUrl, opt);
        int status = switch (command) {
            case "setup" -> load.setup();
            case "await-index" -> load.awaitIndex();
            case "measure" -> load.measure();
            default -> {
                usage();
                yield 2;
            }
        };
        System.exit(status);
    }

    private static void usage() {
        System.err.println("""
                usage: SearchLoad setup       BASE --searcher NAME --owners N1,N2,...
                       SearchLoad await-index BASE --launched-ms EPOCH_MS [--timeout 720] [--server-pid PID]
                                              [--pg-db DB] --out build.properties
                       SearchLoad measure     BASE --searcher NAME --terms T1,T2,T3 --labels rare,medium,common
                                              --jdbc URL [--warmup 30] [--queries 300] [--budget 240]
                                              [--ilike-reps 20] [--ilike-budget 150] [--build build.properties]
                                              [--doc docs/benchmarks.md] [--commit C] [--server-pid PID] ...
                  BASE is a loopback URL with the app at the context root, e.g. http://127.0.0.1:18090/
                """);
        System.exit(2);
    }

    private String required(String key) {
        String v = opt.get(key);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("--" + key + " is required");
        }
        return v;
    }

    private int intOpt(String key, int fallback) {
        return opt.containsKey(key) ? Integer.parseInt(opt.get(key)) : fallback;
    }

    // ---------------------------------------------------------------------------------- setup

    private int setup() {
        List<String> names = new ArrayList<>();
        names.add(required("searcher"));
        names.addAll(List.of(required("owners").split(",")));
        for (String name : names) {
            long start = System.nanoTime();
            api.register(name, "검색 " + name);
            System.out.printf(Locale.ROOT, "registered %s (%.0f ms)%n", name, millis(start));
        }
        return 0;
    }

    // ---------------------------------------------------------------------------- await-index

    /** The search check of /health: state, messages; null when the server does not answer yet. */
    private record SearchHealth(String state, long messages) {
    }

    private SearchHealth searchHealth() {
        HttpRequest request = HttpRequest.newBuilder(api.root().resolve("health")).timeout(Duration.ofSeconds(5)).GET().build();
        Answer a = api.send(request);
        if (a.status() != 200 && a.status() != 503) {
            return null;
        }
        try {
            for (JsonValue check : a.object().getJsonArray("checks")) {
                JsonObject c = check.asJsonObject();
                if ("search".equals(c.getString("name", ""))) {
                    JsonObject data = c.getJsonObject("data");
                    // MicroProfile Health may send a number as a string ("messages":"50000")
                    JsonValue messages = data.get("messages");
                    long count = messages instanceof JsonNumber n ? n.longValue()
                            : Long.parseLong(((JsonString) messages).getString());
                    return new SearchHealth(data.getString("state"), count);
                }
            }
        } catch (RuntimeException e) {
            return null; // not the health document yet (e.g. while the app deploys)
        }
        return null;
    }

    private int awaitIndex() throws IOException, InterruptedException {
        long launchedMs = Long.parseLong(required("launched-ms"));
        int timeout = intOpt("timeout", 720);
        long serverPid = Long.parseLong(opt.getOrDefault("server-pid", "-1"));
        String pgDb = opt.get("pg-db");
        long deadlineMs = launchedMs + timeout * 1000L;

        long firstAnswerMs = -1;
        long firstRebuildingMs = -1;
        long readyMs = -1;
        long docs = 0;
        String lastState = null;
        Cpu cpuAtFirstAnswer = null;
        long lastPrintMs = 0;
        long lastPrintDocs = 0;
        System.out.printf(Locale.ROOT, "waiting for /health search = ready (at most %d s after launch)%n", timeout);
        while (System.currentTimeMillis() < deadlineMs) {
            SearchHealth h = searchHealth();
            long now = System.currentTimeMillis();
            if (h != null) {
                if (firstAnswerMs < 0) {
                    firstAnswerMs = now;
                    cpuAtFirstAnswer = Cpu.take(serverPid, pgDb);
                    System.out.printf(Locale.ROOT, "  %6.1f s  first /health answer: search %s, %d messages%n",
                            (now - launchedMs) / 1000.0, h.state(), h.messages());
                    lastPrintMs = now;
                    lastPrintDocs = h.messages();
                }
                if ("rebuilding".equals(h.state()) && firstRebuildingMs < 0) {
                    firstRebuildingMs = now;
                }
                docs = h.messages();
                if (!h.state().equals(lastState) || now - lastPrintMs >= 15_000) {
                    double rate = now > lastPrintMs ? (docs - lastPrintDocs) * 1000.0 / (now - lastPrintMs) : 0;
                    System.out.printf(Locale.ROOT, "  %6.1f s  search %s, %,d messages (%,.0f/s since the last line)%n",
                            (now - launchedMs) / 1000.0, h.state(), docs, rate);
                    lastPrintMs = now;
                    lastPrintDocs = docs;
                    lastState = h.state();
                }
                if ("ready".equals(h.state())) {
                    readyMs = now;
                    break;
                }
                if ("failed".equals(h.state()) || "off".equals(h.state())) {
                    break;
                }
            }
            Thread.sleep(250);
        }
        Cpu cpuAtReady = Cpu.take(serverPid, pgDb);
        Properties p = new Properties();
        p.setProperty("docs", Long.toString(docs));
        p.setProperty("ready", Boolean.toString(readyMs > 0));
        p.setProperty("state", String.valueOf(lastState));
        p.setProperty("first_answer_s", secondsText(firstAnswerMs, launchedMs));
        p.setProperty("first_rebuilding_s", secondsText(firstRebuildingMs, launchedMs));
        p.setProperty("ready_s", secondsText(readyMs, launchedMs));
        if (cpuAtFirstAnswer != null) {
            Cpu spent = cpuAtReady.minus(cpuAtFirstAnswer);
            p.setProperty("server_cpu_s", String.format(Locale.ROOT, "%.1f", spent.server()));
            p.setProperty("pg_cpu_s", String.format(Locale.ROOT, "%.1f", spent.postgres()));
            p.setProperty("cpu_wall_s", secondsText(System.currentTimeMillis(), firstAnswerMs));
        }
        try (var out = Files.newBufferedWriter(Path.of(required("out")))) {
            p.store(out, "index build");
        }
        if (readyMs < 0) {
            System.out.printf(Locale.ROOT, "FAIL: search not ready %d s after launch (state %s, %,d messages)%n",
                    timeout, lastState, docs);
            return 1;
        }
        System.out.printf(Locale.ROOT, "search ready %.1f s after launch with %,d messages%n",
                (readyMs - launchedMs) / 1000.0, docs);
        return 0;
    }

    private static String secondsText(long ms, long sinceMs) {
        return ms < 0 || sinceMs < 0 ? "" : String.format(Locale.ROOT, "%.1f", (ms - sinceMs) / 1000.0);
    }

    // -------------------------------------------------------------------------------- measure

    private record Term(String label, String text) {
    }

    /** Per term: the API's answers (relevance and recent order), hits, and the ILIKE timings. */
    private static final class TermResult {
        final Term term;
        final Histogram api = new Histogram(3);
        final Histogram apiRecent = new Histogram(3);
        final Histogram ilike = new Histogram(3);
        final Histogram ilikePage = new Histogram(3);
        final Histogram ilikeCount = new Histogram(3);
        long total = -1;
        long ilikeTotal = -1;
        final List<String> problems = new ArrayList<>();

        TermResult(Term term) {
            this.term = term;
        }
    }

    private int measure() throws Exception {
        String searcher = required("searcher");
        String[] texts = required("terms").split(",");
        String[] labels = opt.getOrDefault("labels", "rare,medium,common").split(",");
        if (labels.length != texts.length) {
            throw new IllegalArgumentException("--terms and --labels must have as many entries");
        }
        List<TermResult> results = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            results.add(new TermResult(new Term(labels[i], texts[i])));
        }
        int warmup = intOpt("warmup", 30);
        int queries = intOpt("queries", 300);
        int budget = intOpt("budget", 240);
        int ilikeReps = intOpt("ilike-reps", 20);
        int ilikeBudget = intOpt("ilike-budget", 150);
        long serverPid = Long.parseLong(opt.getOrDefault("server-pid", "-1"));
        String loadBefore = loadAverage();

        String token = api.token(searcher, "search-bench");
        System.out.printf(Locale.ROOT, "logged in as %s; Bearer token acquired%n", searcher);

        // --- API ---------------------------------------------------------------------------------
        Histogram me = new Histogram(3);
        long w0 = System.nanoTime();
        for (int r = 0; r < warmup && seconds(w0) < budget / 4.0; r++) {
            for (TermResult t : results) {
                check(t, searchOnce(token, t.term.text(), "relevance"), "relevance");
                check(t, searchOnce(token, t.term.text(), "recent"), "recent");
            }
            api.send(api.get("auth/me", token));
        }
        System.out.printf(Locale.ROOT, "API warm-up: %.1f s%n", seconds(w0));

        Cpu cpuBefore = Cpu.take(serverPid, null);
        long m0 = System.nanoTime();
        int rounds = 0;
        while (rounds < queries && seconds(m0) < budget) {
            for (TermResult t : results) {
                Timed a = timedSearch(token, t.term.text(), "relevance");
                t.api.recordValue(a.micros());
                check(t, a.answer(), "relevance");
                Timed b = timedSearch(token, t.term.text(), "recent");
                t.apiRecent.recordValue(b.micros());
                check(t, b.answer(), "recent");
            }
            long s = System.nanoTime();
            Answer a = api.send(api.get("auth/me", token));
            me.recordValue(Math.max(1, (System.nanoTime() - s) / 1000));
            if (a.status() != 200) {
                throw new IllegalStateException("GET /api/auth/me answered " + a.status());
            }
            rounds++;
        }
        double apiSeconds = seconds(m0);
        Cpu cpuSpent = Cpu.take(serverPid, null).minus(cpuBefore);
        long apiRequests = (long) rounds * (results.size() * 2 + 1);
        System.out.printf(Locale.ROOT, "API: %d rounds of %d requests in %.1f s%s; server JVM CPU %.1f s (%.1f ms per request)%n",
                rounds, results.size() * 2 + 1, apiSeconds, rounds < queries ? " (stopped by the time budget)" : "",
                cpuSpent.server(), 1000 * cpuSpent.server() / Math.max(1, apiRequests));

        if (Boolean.parseBoolean(opt.getOrDefault("api-only", "false"))) {
            for (TermResult t : results) {
                System.out.printf(Locale.ROOT, "%s (%s): total %d, p50 %.1f ms, p99 %.1f ms; recent p50 %.1f ms, p99 %.1f ms%n",
                        t.term.text(), t.term.label(), t.total, ms(t.api, 50), ms(t.api, 99), ms(t.apiRecent, 50), ms(t.apiRecent, 99));
            }
            System.out.printf(Locale.ROOT, "GET /api/auth/me: p50 %.1f ms, p99 %.1f ms%n", ms(me, 50), ms(me, 99));
            return 0;
        }

        // --- ILIKE -------------------------------------------------------------------------------
        String pgVersion;
        long visible;
        int ilikeRounds = 0;
        double ilikeSeconds;
        String plan;
        try (Connection db = DriverManager.getConnection(required("jdbc"), opt.getOrDefault("jdbc-user", "postgres"), null)) {
            try (Statement s = db.createStatement()) {
                s.execute("SET statement_timeout = '60s'");
            }
            pgVersion = scalarText(db, "SHOW server_version", null);
            long searcherId = Long.parseLong(scalarText(db, "SELECT id FROM app_user WHERE username_key = ?",
                    searcher.toLowerCase(Locale.ROOT)));
            visible = Long.parseLong(scalarText(db, """
                    SELECT count(*) FROM message m
                    WHERE m.room_id IN (SELECT room_id FROM membership WHERE user_id = ?) AND m.deleted = FALSE""",
                    searcherId));
            try (PreparedStatement page = db.prepareStatement(ILIKE_PAGE); PreparedStatement count = db.prepareStatement(ILIKE_COUNT)) {
                for (TermResult t : results) { // one warm-up each: caches, not the JIT, are what warms here
                    ilikeOnce(page, count, searcherId, t, false);
                }
                long i0 = System.nanoTime();
                while (ilikeRounds < ilikeReps && seconds(i0) < ilikeBudget) {
                    for (TermResult t : results) {
                        ilikeOnce(page, count, searcherId, t, true);
                    }
                    ilikeRounds++;
                }
                ilikeSeconds = seconds(i0);
            }
            plan = explain(db, searcherId, results.getLast().term.text());
        }
        System.out.printf(Locale.ROOT, "ILIKE: %d rounds in %.1f s%s%n", ilikeRounds, ilikeSeconds,
                ilikeRounds < ilikeReps ? " (stopped by the time budget)" : "");

        // --- report ------------------------------------------------------------------------------
        boolean ok = true;
        for (TermResult t : results) {
            if (t.total != t.ilikeTotal) {
                t.problems.add(String.format(Locale.ROOT, "search total %d but ILIKE count %d", t.total, t.ilikeTotal));
            }
            if (!t.problems.isEmpty()) {
                ok = false;
                System.out.println("PROBLEM with " + t.term.text() + ": " + String.join("; ", t.problems));
            }
        }
        Report report = new Report(results, me, rounds, ilikeRounds, visible, pgVersion, loadBefore, loadAverage(),
                apiSeconds, cpuSpent.server(), apiRequests);
        String section = report.markdown(plan);
        System.out.println();
        System.out.println(section);
        if (opt.containsKey("doc")) {
            writeSection(Path.of(opt.get("doc")), section);
            System.out.println("wrote the section into " + opt.get("doc"));
        }
        System.out.println(ok ? "RESULT: OK" : "RESULT: a check failed (see PROBLEM lines)");
        return ok ? 0 : 1;
    }

    /** Newest 20 of the searcher's rooms whose text contains the term, as a naive chat would. */
    private static final String ILIKE_PAGE = """
            SELECT m.id, m.room_id, m.seq, m.sender_id, m.content, m.created_at
            FROM message m
            WHERE m.room_id IN (SELECT room_id FROM membership WHERE user_id = ?)
              AND m.deleted = FALSE AND m.content ILIKE ?
            ORDER BY m.created_at DESC
            LIMIT 20""";

    private static final String ILIKE_COUNT = """
            SELECT count(*)
            FROM message m
            WHERE m.room_id IN (SELECT room_id FROM membership WHERE user_id = ?)
              AND m.deleted = FALSE AND m.content ILIKE ?""";

    private void ilikeOnce(PreparedStatement page, PreparedStatement count, long searcherId, TermResult t,
                           boolean record) throws SQLException {
        String pattern = "%" + t.term.text() + "%";
        long s0 = System.nanoTime();
        page.setLong(1, searcherId);
        page.setString(2, pattern);
        int rows = 0;
        try (ResultSet rs = page.executeQuery()) {
            while (rs.next()) {
                rs.getString(5);
                rows++;
            }
        }
        long s1 = System.nanoTime();
        count.setLong(1, searcherId);
        count.setString(2, pattern);
        long n;
        try (ResultSet rs = count.executeQuery()) {
            rs.next();
            n = rs.getLong(1);
        }
        long s2 = System.nanoTime();
        if (rows != Math.min(20, n)) {
            t.problems.add("ILIKE page has " + rows + " rows for a count of " + n);
        }
        t.ilikeTotal = n;
        if (record) {
            t.ilikePage.recordValue(Math.max(1, (s1 - s0) / 1000));
            t.ilikeCount.recordValue(Math.max(1, (s2 - s1) / 1000));
            t.ilike.recordValue(Math.max(1, (s2 - s0) / 1000));
        }
    }

    private static String explain(Connection db, long searcherId, String term) throws SQLException {
        StringBuilder out = new StringBuilder();
        try (PreparedStatement s = db.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + ILIKE_PAGE)) {
            s.setLong(1, searcherId);
            s.setString(2, "%" + term + "%");
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.append(rs.getString(1)).append('\n');
                }
            }
        }
        return out.toString();
    }

    private static String scalarText(Connection db, String sql, Object param) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(sql)) {
            if (param != null) {
                s.setObject(1, param);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private record Timed(Answer answer, long micros) {
    }

    private Timed timedSearch(String token, String term, String order) {
        long s = System.nanoTime();
        Answer a = searchOnce(token, term, order);
        return new Timed(a, Math.max(1, (System.nanoTime() - s) / 1000));
    }

    private Answer searchOnce(String token, String term, String order) {
        return api.send(api.get("search?q=" + URLEncoder.encode(term, StandardCharsets.UTF_8) + "&limit=20&order=" + order, token));
    }

    /** The answer must be 200, with min(20, total) results and the same total every time. */
    private static void check(TermResult t, Answer a, String order) {
        if (a.status() != 200) {
            throw new IllegalStateException("search " + t.term.text() + " (" + order + ") answered " + a.status() + ": " + a.body());
        }
        JsonObject page = a.object();
        long total = page.getJsonNumber("total").longValue();
        int size = page.getJsonArray("results").size();
        if (t.total >= 0 && total != t.total && t.problems.size() < 5) {
            t.problems.add("total changed from " + t.total + " to " + total);
        }
        t.total = total;
        if (size != Math.min(20, total) && t.problems.size() < 5) {
            t.problems.add(order + " page has " + size + " results for a total of " + total);
        }
    }

    // --------------------------------------------------------------------------------- report

    private final class Report {
        private final List<TermResult> results;
        private final Histogram me;
        private final int rounds;
        private final int ilikeRounds;
        private final long visible;
        private final String pgVersion;
        private final String loadBefore;
        private final String loadAfter;
        private final double apiSeconds;
        private final double serverCpu;
        private final long apiRequests;

        Report(List<TermResult> results, Histogram me, int rounds, int ilikeRounds, long visible, String pgVersion,
               String loadBefore, String loadAfter, double apiSeconds, double serverCpu, long apiRequests) {
            this.results = results;
            this.me = me;
            this.rounds = rounds;
            this.ilikeRounds = ilikeRounds;
            this.visible = visible;
            this.pgVersion = pgVersion;
            this.loadBefore = loadBefore;
            this.loadAfter = loadAfter;
            this.apiSeconds = apiSeconds;
            this.serverCpu = serverCpu;
            this.apiRequests = apiRequests;
        }

        String markdown(String plan) throws IOException {
            Properties build = new Properties();
            if (opt.containsKey("build")) {
                try (var in = Files.newBufferedReader(Path.of(opt.get("build")))) {
                    build.load(in);
                }
            }
            long messages = Long.parseLong(opt.getOrDefault("messages", build.getProperty("docs", "0")));
            StringBuilder md = new StringBuilder();
            md.append(SECTION_PREFIX).append(String.format(Locale.ROOT, "%,d", messages)).append(" messages\n\n");
            md.append("Measured ").append(DateTimeFormatter.ISO_LOCAL_DATE.format(Instant.now().atOffset(ZoneOffset.UTC)))
                    .append(" with `bench/search.sh`, which re-runs everything and replaces this section (this run took ")
                    .append(opt.getOrDefault("run-minutes", "@RUN_MINUTES@")).append(" minutes in all).\n\n");
            md.append("- **App:** commit `").append(opt.getOrDefault("commit", "unknown")).append("`, daehwa.war sha256 `")
                    .append(opt.getOrDefault("war-sha", "?")).append("…`, Payara Micro 6.2025.10, `-Xms1g -Xmx1g`, port 127.0.0.1:")
                    .append(api.root().getPort()).append(".\n");
            md.append("- **Machine:** ").append(machine()).append(". Client, server and database share it.\n");
            md.append("- **JDK:** ").append(System.getProperty("java.vm.name")).append(' ')
                    .append(System.getProperty("java.runtime.version")).append(" (client and server). **Database:** PostgreSQL ")
                    .append(pgVersion).append(" on 127.0.0.1:5432, fresh database `").append(opt.getOrDefault("pg-db", "?"))
                    .append("`.\n");
            md.append("- **Other load:** load average ").append(loadBefore).append(" before the queries, ").append(loadAfter)
                    .append(" after").append(build.containsKey("load_before") ? ", " + build.getProperty("load_before") + " before the rebuild" : "")
                    .append(" (1, 5, 15 min, on ").append(Runtime.getRuntime().availableProcessors())
                    .append(" cores). Other builds may run on this machine at the same time; figures are noisy.\n");
            md.append("- **Data:** ").append(String.format(Locale.ROOT, "%,d", messages)).append(" short Korean, English and mixed messages")
                    .append(opt.containsKey("data-summary") ? " (" + opt.get("data-summary") + ")" : "")
                    .append(", generated by `bench/sql/search-data.sql` in ").append(opt.getOrDefault("generate-seconds", "?"))
                    .append(" s, in ").append(opt.getOrDefault("rooms", "?")).append(" rooms. The searcher is a member of ")
                    .append(opt.getOrDefault("searcher-rooms", "?")).append(" of them, holding ")
                    .append(String.format(Locale.ROOT, "%,d", visible)).append(" messages.\n\n");

            md.append("### Index build\n\n");
            md.append("The app booted on the database with `$DAEHWA_DATA_DIR/search` deleted and rebuilt the index in the background.\n\n");
            md.append("| messages indexed | launch → `/health` answers | launch → search `ready` | rebuild alone | rate | index size | CPU during rebuild |\n");
            md.append("|---:|---:|---:|---:|---:|---:|---|\n");
            long docs = Long.parseLong(build.getProperty("docs", "0"));
            double ready = parseOr(build.getProperty("ready_s"), Double.NaN);
            double first = parseOr(build.getProperty("first_answer_s"), Double.NaN);
            double rebuild = parseOr(opt.get("rebuild-log-seconds"), ready - first);
            long bytes = Long.parseLong(opt.getOrDefault("index-bytes", "0"));
            md.append(String.format(Locale.ROOT, "| %,d | %.1f s | **%.1f s** | %.0f s | **%,.0f docs/s** (%,.0f from launch) | %.1f MiB (%.0f bytes/doc) | server JVM %s s, PostgreSQL %s s over %s s |%n",
                    docs, first, ready, rebuild, docs / rebuild, docs / ready, bytes / 1048576.0, (double) bytes / Math.max(1, docs),
                    build.getProperty("server_cpu_s", "?"), build.getProperty("pg_cpu_s", "?"), build.getProperty("cpu_wall_s", "?")));
            md.append("\n\"Rebuild alone\" is the server's own log line (`Search index rebuilt: … in N s`, whole seconds), which starts")
                    .append(" when the schema is ready; the rate is over it. Index size is `du -sb` of the search directory right after `ready`.\n\n");

            md.append("### Query latency\n\n");
            md.append(String.format(Locale.ROOT,
                    "`GET /api/search?q=TERM&limit=20` as the searcher (Bearer token, relevance order, the room filter holds %s room ids), "
                            + "one request at a time over loopback HTTP/1.1, %d measured rounds after %s warm-up rounds, each round one query per term "
                            + "(and order=recent, and `GET /api/auth/me`), interleaved so that machine noise hits every term alike. "
                            + "ILIKE: the same search as a naive chat does it, over JDBC, no HTTP: `content ILIKE '%%TERM%%'` in the searcher's rooms, "
                            + "`ORDER BY created_at DESC LIMIT 20`, plus the `count(*)`; the time is both statements; %d measured rounds after 1 warm-up. "
                            + "Times in ms. Hits = `total` of the API, equal to the ILIKE count.%n%n",
                    opt.getOrDefault("searcher-rooms", "?"), rounds, opt.getOrDefault("warmup", "30"), ilikeRounds));
            md.append("| term | kind | hits | API p50 | API p99 | ILIKE p50 | ILIKE p99 | ratio (ILIKE p50 / API p50) |\n");
            md.append("|---|---|---:|---:|---:|---:|---:|---:|\n");
            for (TermResult t : results) {
                double apiP50 = ms(t.api, 50);
                double ilikeP50 = ms(t.ilike, 50);
                md.append(String.format(Locale.ROOT, "| %s | %s | %,d | %.1f | %.1f | %.1f | %.1f | **%.0f×** |%n",
                        t.term.text(), t.term.label(), t.total, apiP50, ms(t.api, 99), ilikeP50, ms(t.ilike, 99),
                        ilikeP50 / apiP50));
            }
            md.append(String.format(Locale.ROOT, "| *(floor: `GET /api/auth/me`)* | | | %.1f | %.1f | | | |%n%n", ms(me, 50), ms(me, 99)));

            md.append("Details, in ms: p90 and max; order=recent; the ILIKE page and count statements apart.\n\n");
            md.append("| term | API p90 | API max | recent p50 | recent p99 | ILIKE page p50 | ILIKE count p50 | ILIKE max |\n");
            md.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
            for (TermResult t : results) {
                md.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f |%n",
                        t.term.text(), ms(t.api, 90), t.api.getMaxValue() / 1000.0, ms(t.apiRecent, 50), ms(t.apiRecent, 99),
                        ms(t.ilikePage, 50), ms(t.ilikeCount, 50), t.ilike.getMaxValue() / 1000.0));
            }
            md.append(String.format(Locale.ROOT, "%nServer JVM CPU during the measured API rounds: %.1f s over %.1f s (%.1f ms per request, /auth/me included).%n%n",
                    serverCpu, apiSeconds, 1000 * serverCpu / Math.max(1, apiRequests)));

            md.append("### Goals\n\n");
            double worstP99 = results.stream().mapToDouble(t -> ms(t.api, 99)).max().orElse(Double.NaN);
            double worstRatio = results.stream().mapToDouble(t -> ms(t.ilike, 50) / ms(t.api, 50)).min().orElse(Double.NaN);
            md.append(String.format(Locale.ROOT, "- p99 ≤ 20 ms at %,d messages: **%s** (worst API p99 %.1f ms).%n",
                    messages, worstP99 <= 20 ? "met" : "not met", worstP99));
            md.append(String.format(Locale.ROOT, "- ≥ 50× faster than ILIKE: **%s** (smallest ratio %.0f×).%n%n",
                    worstRatio >= 50 ? "met for every term" : "not met for every term", worstRatio));
            md.append("<details><summary>PostgreSQL plan of the ILIKE page query for the common term</summary>\n\n```\n")
                    .append(plan.strip()).append("\n```\n</details>\n");
            return md.toString();
        }
    }

    private static double parseOr(String text, double fallback) {
        return text == null || text.isBlank() ? fallback : Double.parseDouble(text);
    }

    private static double ms(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(percentile) / 1000.0;
    }

    /** Replaces the section with the same heading prefix, or appends it; creates the file with a header. */
    private static void writeSection(Path doc, String section) throws IOException {
        String text = Files.exists(doc) ? Files.readString(doc) : """
                # Benchmarks

                Measured figures, each section with the machine, JDK, commit and date it was measured on,
                and the command that re-runs it. Each script replaces its own section.
                See `bench/README.md` for what the benchmarks do.

                """;
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(SECTION_PREFIX) + ".*$").matcher(text);
        if (m.find()) {
            int start = m.start();
            Matcher next = Pattern.compile("(?m)^## ").matcher(text);
            int end = next.find(m.end()) ? next.start() : text.length();
            text = text.substring(0, start) + section + (end < text.length() ? "\n" : "") + text.substring(end);
        } else {
            text = text.stripTrailing() + "\n\n" + section;
        }
        Files.writeString(doc, text);
    }

    private static String machine() {
        String cpu = "?";
        long memKb = 0;
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    cpu = line.substring(line.indexOf(':') + 1).strip();
                    break;
                }
            }
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    memKb = Long.parseLong(line.replaceAll("\\D+", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: leave the question marks
        }
        return String.format(Locale.ROOT, "%d cores (%s), %d GiB RAM, %s %s", Runtime.getRuntime().availableProcessors(), cpu,
                Math.round(memKb / 1048576.0), System.getProperty("os.name"), System.getProperty("os.version"));
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    // -------------------------------------------------------------------------------- the CPU

    /** CPU seconds of the server JVM and of the PostgreSQL backends of one database (Linux /proc). */
    private record Cpu(double server, double postgres) {
        static Cpu take(long serverPid, String pgDb) {
            double server = serverPid > 0 ? procCpuSeconds(serverPid) : 0;
            double pg = 0;
            if (pgDb != null) {
                try (var dirs = Files.list(Path.of("/proc"))) {
                    for (Path dir : dirs.toList()) {
                        String name = dir.getFileName().toString();
                        if (!name.chars().allMatch(Character::isDigit)) {
                            continue;
                        }
                        try {
                            String title = Files.readString(dir.resolve("cmdline")).replace('\0', ' ');
                            if (title.startsWith("postgres: ") && title.contains(" " + pgDb + " ")) {
                                pg += Math.max(0, procCpuSeconds(Long.parseLong(name)));
                            }
                        } catch (IOException | RuntimeException gone) {
                            // the process ended or is not ours to read
                        }
                    }
                } catch (IOException e) {
                    pg = 0;
                }
            }
            return new Cpu(server, pg);
        }

        private static double procCpuSeconds(long pid) {
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0; // utime + stime, USER_HZ ticks
            } catch (IOException | RuntimeException e) {
                return 0;
            }
        }

        Cpu minus(Cpu before) {
            return new Cpu(server - before.server, postgres - before.postgres);
        }
    }

    // ------------------------------------------------------------------------------- plumbing

    private static double seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e9;
    }

    private static double millis(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e6;
    }
}
