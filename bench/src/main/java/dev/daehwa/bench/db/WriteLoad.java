package dev.daehwa.bench.db;

import dev.daehwa.bench.BenchApi;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Scenario 3, the write path: sustained {@code POST /api/messages} at rising fixed rates,
 * open-loop (see {@link OpenLoop}).
 *
 * <p>Setup: registers {@code users} accounts, logs each in and trades the session for a Bearer
 * token; user 0 opens {@code rooms} rooms with everybody in them. Each planned post picks a random
 * user and a random room. A warm-up step at {@code warmupRate} is not measured. Then one step per
 * rate, each {@code stepSeconds} long, or shorter once it plans {@code stepRequests} requests, but at
 * least {@code minStepSeconds} (a p99 over 1,000 requests at 200/s needs 5 s, not 10); after each
 * step the CPU the server JVM and the PostgreSQL
 * backends of {@code pgDb} used is read from /proc. With {@code stopWhenFailing}, the steps stop
 * after the first step that is clearly past saturation (achieved below 80 % of the target, or p99
 * above 1 s), so time is not spent queueing.
 *
 * <p>Writes one {@code step ...} line per step (see {@link OpenLoop.Result#line}) to stdout and to
 * {@code --out}, and {@code created=N} (posts answered 201, warm-up included) at the end.
 */
public final class WriteLoad {

    public static void main(String[] args) throws Exception {
        String base = "http://127.0.0.1:8080/";
        int users = 8;
        int rooms = 16;
        List<Double> rates = new ArrayList<>(List.of(25.0, 50.0, 100.0));
        double stepSeconds = 10;
        double minStepSeconds = 5;
        long stepRequests = 0;
        double warmupSeconds = 10;
        double warmupRate = -1;
        long serverPid = -1;
        String pgDb = null;
        Path out = null;
        boolean stopWhenFailing = true;
        int maxInFlight = 512;
        int timeoutSeconds = 10;
        String side = "daehwa";
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                base = a;
                continue;
            }
            String v = args[++i];
            switch (a) {
                case "--users" -> users = Integer.parseInt(v);
                case "--rooms" -> rooms = Integer.parseInt(v);
                case "--rates" -> {
                    rates.clear();
                    for (String r : v.trim().split("[ ,]+")) {
                        rates.add(Double.parseDouble(r));
                    }
                }
                case "--step-seconds" -> stepSeconds = Double.parseDouble(v);
                case "--min-step-seconds" -> minStepSeconds = Double.parseDouble(v);
                case "--step-requests" -> stepRequests = Long.parseLong(v);
                case "--warmup-seconds" -> warmupSeconds = Double.parseDouble(v);
                case "--warmup-rate" -> warmupRate = Double.parseDouble(v);
                case "--server-pid" -> serverPid = Long.parseLong(v);
                case "--pg-db" -> pgDb = v;
                case "--out" -> out = Path.of(v);
                case "--stop-when-failing" -> stopWhenFailing = Boolean.parseBoolean(v);
                case "--max-in-flight" -> maxInFlight = Integer.parseInt(v);
                case "--timeout" -> timeoutSeconds = Integer.parseInt(v);
                case "--side" -> side = v;
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        if (users < 1 || users > 200 || rooms < 1 || rooms > 1000 || stepSeconds <= 0 || stepSeconds > 300
                || warmupSeconds < 0 || warmupSeconds > 300 || rates.isEmpty() || rates.size() > 30
                || rates.stream().anyMatch(r -> r <= 0 || r > 20_000)) {
            throw new IllegalArgumentException("options out of range (users 1..200, rooms 1..1000, step 0..300 s, "
                    + "warm-up 0..300 s, 1..30 rates in (0, 20000])");
        }
        if (warmupRate <= 0) {
            warmupRate = rates.get(0);
        }
        BenchApi api = new BenchApi(base);
        PrintStream log = System.out;

        // --- setup ---------------------------------------------------------------------------
        long t0 = System.nanoTime();
        String runId = Long.toString(System.currentTimeMillis(), 36);
        List<String> names = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            String name = "w" + runId + "_" + i;
            api.register(name);
            names.add(name);
            tokens.add(api.token(name, "bench"));
        }
        List<Long> roomIds = new ArrayList<>();
        for (int k = 0; k < rooms; k++) {
            roomIds.add(api.createRoom(tokens.get(0), "쓰기 벤치 방 " + k, "bench", names.subList(1, names.size())));
        }
        log.printf(Locale.ROOT, "setup: %d users with Bearer tokens, %d rooms with everyone in them, %.1f s%n",
                users, rooms, (System.nanoTime() - t0) / 1e9);

        Duration timeout = Duration.ofSeconds(timeoutSeconds);
        OpenLoop loop = new OpenLoop(api, maxInFlight);
        long created = 0;

        if (warmupSeconds > 0) {
            OpenLoop.Result w = loop.run(List.of(postStream(api, warmupRate, tokens, roomIds, timeout)), warmupSeconds).get(0);
            created += w.ok.get();
            log.printf(Locale.ROOT, "warm-up (not measured): %s%n", w.line(side, warmupSeconds, -1, -1));
        }

        for (double rate : rates) {
            double seconds = stepSeconds(rate, stepSeconds, minStepSeconds, stepRequests);
            double serverBefore = ProcCpu.process(serverPid);
            double pgBefore = ProcCpu.backendSeconds(pgDb);
            OpenLoop.Result r = loop.run(List.of(postStream(api, rate, tokens, roomIds, timeout)), seconds).get(0);
            double serverCpu = serverPid > 0 ? ProcCpu.process(serverPid) - serverBefore : -1;
            double pgCpu = pgDb != null ? ProcCpu.backendSeconds(pgDb) - pgBefore : -1;
            created += r.ok.get();
            String line = r.line(side, seconds, serverCpu, pgCpu);
            log.println(line);
            r.errorSamples.forEach(s -> log.println("  error sample: " + s));
            append(out, line);
            boolean saturated = r.achievedRate() < 0.8 * rate || !(r.ms(99) <= 1000);
            if (stopWhenFailing && saturated && rate != rates.get(rates.size() - 1)) {
                log.printf(Locale.ROOT, "stopping: the step at %s/s is past saturation (achieved %.1f/s, p99 %.0f ms); "
                        + "higher rates are not run%n", OpenLoop.fmtRate(rate), r.achievedRate(), r.ms(99));
                append(out, "stopped after=" + OpenLoop.fmtRate(rate));
                break;
            }
        }
        log.println("created=" + created);
        append(out, "created=" + created);
    }

    /**
     * A step's length: {@code max} seconds, or the whole seconds it takes to plan {@code requests}
     * requests if that is less (0: no such limit), but at least {@code min} seconds.
     * bench/scenarios/write.sh gives the pgbench steps the same lengths.
     */
    static double stepSeconds(double rate, double max, double min, long requests) {
        return requests <= 0 ? max : Math.min(max, Math.max(min, Math.ceil(requests / rate)));
    }

    static OpenLoop.Stream postStream(BenchApi api, double rate, List<String> tokens, List<Long> rooms, Duration timeout) {
        return new OpenLoop.Stream("post", rate, i -> {
            ThreadLocalRandom rnd = ThreadLocalRandom.current();
            return api.postMessage(tokens.get(rnd.nextInt(tokens.size())), rooms.get(rnd.nextInt(rooms.size())), timeout);
        }, a -> a.status() == 201);
    }

    static void append(Path out, String line) {
        if (out == null) {
            return;
        }
        try {
            Files.writeString(out, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
