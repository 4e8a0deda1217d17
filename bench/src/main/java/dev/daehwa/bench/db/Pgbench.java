package dev.daehwa.bench.db;

import org.HdrHistogram.Histogram;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Runs one pgbench step and turns it into the same {@code step ...} line as the HTTP scenarios.
 *
 * <pre>
 * Pgbench --side pgbench --op write --target 100 --seconds 10 --pg-db DB --log-dir DIR --timeout 60 \
 *         --out FILE -- pgbench ... --log --log-prefix DIR/pgbench ...
 * </pre>
 *
 * <p>With several scripts ({@code -f a.sql@1 -f b.sql@4}), {@code --op a,b --target 5,20} names
 * them in order (pgbench's script_no 0, 1, …) and gives each its own line and its share of the
 * target rate; the CPU is then split between them by transactions.
 *
 * <p>While pgbench runs, the CPU of the PostgreSQL backends of DB is sampled every 100 ms (they
 * exit with pgbench, so the last 100 ms of each can be missed). Afterwards every per-transaction
 * log file in DIR is read: column 3 is the latency in microseconds, which with {@code --rate} is
 * measured from the transaction's scheduled start, so it includes the schedule lag (pgbench's own
 * answer to coordinated omission); "skipped" and "failed" transactions count as errors. The
 * achieved rate is successful transactions over the span from the first to the last completion.
 */
public final class Pgbench {

    public static void main(String[] args) throws Exception {
        String side = "pgbench";
        String op = "tx";
        String target = "0";
        double seconds = 0;
        String pgDb = null;
        Path logDir = null;
        Path out = null;
        long timeoutSeconds = 120;
        List<String> command = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--")) {
                command.addAll(List.of(args).subList(i + 1, args.length));
                break;
            }
            String v = args[++i];
            switch (args[i - 1]) {
                case "--side" -> side = v;
                case "--op" -> op = v;
                case "--target" -> target = v;
                case "--seconds" -> seconds = Double.parseDouble(v);
                case "--pg-db" -> pgDb = v;
                case "--log-dir" -> logDir = Path.of(v);
                case "--out" -> out = Path.of(v);
                case "--timeout" -> timeoutSeconds = Long.parseLong(v);
                default -> throw new IllegalArgumentException("unknown option " + args[i - 1]);
            }
        }
        if (command.isEmpty() || logDir == null) {
            throw new IllegalArgumentException("usage: Pgbench [options] --log-dir DIR -- pgbench ...");
        }
        Files.createDirectories(logDir);
        try (var old = Files.list(logDir)) {
            for (Path p : old.toList()) {
                Files.delete(p);
            }
        }

        int exit;
        double pgCpu;
        try (ProcCpu.Watch watch = new ProcCpu.Watch(pgDb, 100)) {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logDir.resolveSibling(logDir.getFileName() + ".out").toFile()).start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroy();
                if (!p.waitFor(5, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
                throw new IllegalStateException("pgbench did not finish within " + timeoutSeconds + " s");
            }
            exit = p.exitValue();
            watch.close();
            pgCpu = watch.seconds();
        }

        String[] ops = op.split(",");
        String[] targets = target.split(",");
        if (ops.length != targets.length) {
            throw new IllegalArgumentException("--op and --target need the same number of entries");
        }
        Histogram[] latency = new Histogram[ops.length];
        long[] ok = new long[ops.length];
        long[] errors = new long[ops.length];
        for (int i = 0; i < ops.length; i++) {
            latency[i] = new Histogram(3);
        }
        long firstStart = Long.MAX_VALUE;
        long lastEnd = Long.MIN_VALUE;
        try (var files = Files.list(logDir)) {
            for (Path f : files.sorted().toList()) {
                try (BufferedReader r = Files.newBufferedReader(f)) {
                    for (String line = r.readLine(); line != null; line = r.readLine()) {
                        String[] c = line.trim().split("\\s+");
                        if (c.length < 6) {
                            continue;
                        }
                        int script = Integer.parseInt(c[3]);
                        if (script < 0 || script >= ops.length) {
                            throw new IllegalStateException("script_no " + script + " has no --op name");
                        }
                        if (!c[2].chars().allMatch(Character::isDigit)) { // skipped / failed
                            errors[script]++;
                            continue;
                        }
                        long us = Long.parseLong(c[2]);
                        long end = Long.parseLong(c[4]) * 1_000_000L + Long.parseLong(c[5]);
                        latency[script].recordValue(Math.max(1, us));
                        firstStart = Math.min(firstStart, end - us);
                        lastEnd = Math.max(lastEnd, end);
                        ok[script]++;
                    }
                }
            }
        }
        if (exit != 0) {
            String tail = readTail(logDir.resolveSibling(logDir.getFileName() + ".out"));
            System.out.println("pgbench exited with " + exit + ":\n" + tail);
        }
        long allOk = java.util.Arrays.stream(ok).sum();
        // span: from the first transaction's scheduled start to the last completion
        double span = allOk == 0 ? seconds : Math.max(1e-3, (lastEnd - firstStart) / 1e6);
        for (int i = 0; i < ops.length; i++) {
            double t = Double.parseDouble(targets[i]);
            double share = allOk == 0 ? 0 : (double) ok[i] / allOk;
            long errs = errors[i] + (exit != 0 ? 1 : 0);
            String line = String.format(Locale.ROOT,
                    "step side=%s op=%s target=%s seconds=%.0f planned=%d achieved=%.1f ok=%d errors=%d dropped=0 "
                            + "p50=%.2f p90=%.2f p99=%.2f p999=%.2f max=%.2f server_cpu=%.2f pg_cpu=%.2f kinds=%s",
                    side, ops[i], OpenLoop.fmtRate(t), seconds, Math.round(t * seconds), ok[i] / span, ok[i], errs,
                    ms(latency[i], 50), ms(latency[i], 90), ms(latency[i], 99), ms(latency[i], 99.9),
                    ok[i] == 0 ? Double.NaN : latency[i].getMaxValue() / 1000.0, -1.0, pgCpu * share,
                    exit != 0 ? "{exit=" + exit + "}" : errors[i] > 0 ? "{skipped/failed=" + errors[i] + "}" : "-");
            System.out.println(line);
            WriteLoad.append(out, line);
        }
    }

    private static double ms(Histogram h, double p) {
        return h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(p) / 1000.0;
    }

    private static String readTail(Path p) {
        try {
            List<String> lines = Files.readAllLines(p);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }
}
