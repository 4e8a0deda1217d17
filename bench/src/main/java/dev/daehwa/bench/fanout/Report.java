package dev.daehwa.bench.fanout;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;

/**
 * Turns the two peers' result files into the Markdown tables of bench/results/fanout.md and
 * idle.md: one comparison table (metric | Daehwa | Socket.IO peer | ratio) and, for fan-out, one
 * row per rate step and peer. A peer whose file is missing shows "–".
 */
final class Report {

    private static final String DASH = "–";

    private Report() {
    }

    /** One peer's results; empty when the file is missing. */
    private record Results(Properties p) {
        static Results load(String file) throws IOException {
            Properties p = new Properties();
            if (file != null && Files.isRegularFile(Path.of(file))) {
                try (Reader r = Files.newBufferedReader(Path.of(file))) {
                    p.load(r);
                }
            }
            return new Results(p);
        }

        boolean present() {
            return !p.isEmpty();
        }

        String s(String key) {
            return p.getProperty(key);
        }

        double d(String key) {
            String v = p.getProperty(key);
            if (v == null || v.isBlank()) {
                return Double.NaN;
            }
            try {
                return Double.parseDouble(v.trim());
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }

        int steps() {
            return (int) (Double.isNaN(d("steps")) ? 0 : d("steps"));
        }

        /** The step with this offered rate, or -1. */
        int stepAt(double rate) {
            for (int i = 0; i < steps(); i++) {
                if (d("step." + i + ".rate") == rate) {
                    return i;
                }
            }
            return -1;
        }

        boolean meetsGoal(int step, double goal) {
            return step >= 0 && d("step." + step + ".p99_ms") <= goal;
        }
    }

    // ------------------------------------------------------------------------------------ fanout

    static int fanout(Map<String, String> opt) throws IOException {
        Results dh = Results.load(opt.get("daehwa"));
        Results io = Results.load(opt.get("socketio"));
        double goal = Double.parseDouble(opt.getOrDefault("goal-p99-ms", "200"));
        List<String[]> rows = new ArrayList<>();
        Results any = dh.present() ? dh : io;
        rows.add(row("sockets (rooms × members)", any.present()
                ? String.format(Locale.ROOT, "%s (%s × %s)", any.s("clients"), any.s("rooms"), any.s("room_size")) : DASH));
        int dhBest = dh.present() ? (int) dh.d("best_step") : -1;
        int ioBest = io.present() ? (int) io.d("best_step") : -1;
        rows.add(compare(String.format(Locale.ROOT, "**highest delivered msg/s with p99 ≤ %.0f ms**", goal),
                best(dh, dhBest, "msgs_per_s", "%.0f"), best(io, ioBest, "msgs_per_s", "%.0f"),
                dhBest >= 0 ? dh.d("step." + dhBest + ".msgs_per_s") : Double.NaN,
                ioBest >= 0 ? io.d("step." + ioBest + ".msgs_per_s") : Double.NaN));
        rows.add(compare("deliveries/s at that rate", best(dh, dhBest, "deliveries_per_s", "%.0f"),
                best(io, ioBest, "deliveries_per_s", "%.0f"),
                dhBest >= 0 ? dh.d("step." + dhBest + ".deliveries_per_s") : Double.NaN,
                ioBest >= 0 ? io.d("step." + ioBest + ".deliveries_per_s") : Double.NaN));
        rows.add(compare("offered msg/s of that step", best(dh, dhBest, "rate", "%.0f"), best(io, ioBest, "rate", "%.0f"),
                Double.NaN, Double.NaN));
        // The highest offered rate that both peers ran and where both met the goal: like for like.
        double common = Double.NaN;
        for (int i = 0; i < dh.steps(); i++) {
            double rate = dh.d("step." + i + ".rate");
            if (dh.meetsGoal(i, goal) && io.meetsGoal(io.stepAt(rate), goal)) {
                common = rate;
            }
        }
        if (Double.isNaN(common) && dh.steps() > 0 && io.stepAt(dh.d("step.0.rate")) >= 0) {
            common = dh.d("step.0.rate"); // neither met it together: compare at the first step
        }
        if (!Double.isNaN(common)) {
            int a = dh.stepAt(common);
            int b = io.stepAt(common);
            String at = String.format(Locale.ROOT, " at %.0f msg/s offered", common);
            rows.add(compareStep("end-to-end p50 ms" + at, dh, a, io, b, "p50_ms"));
            rows.add(compareStep("end-to-end p99 ms" + at, dh, a, io, b, "p99_ms"));
            rows.add(compareStep("end-to-end max ms" + at, dh, a, io, b, "max_ms"));
            rows.add(compareStep("per-delivery p99 ms" + at, dh, a, io, b, "delivery_p99_ms"));
            rows.add(compareCpuPer1000("**server CPU-s per 1,000 delivered msgs**" + at, dh, a, io, b));
            rows.add(compareStep("server cores busy" + at, dh, a, io, b, "server_cores"));
        }
        rows.add(compare("setup: all sockets live, s", dh.present() ? dh.s("setup_sockets_s") : DASH,
                io.present() ? io.s("setup_sockets_s") : DASH, dh.d("setup_sockets_s"), io.d("setup_sockets_s")));
        System.out.println("| metric | Daehwa | Socket.IO peer | ratio (Daehwa/peer) |");
        System.out.println("|---|---:|---:|---:|");
        rows.forEach(r -> System.out.println("| " + String.join(" | ", r) + " |"));
        System.out.println();
        System.out.println("Per rate step (open loop; latencies from the planned send time, in ms; \"failures\" = posts "
                + "that failed or were not sent (client backlog cap) + messages some member had not received when the "
                + "step's drain ended, all counted in p99/max at the drain's end):");
        System.out.println();
        System.out.println("| peer | offered msg/s | delivered msg/s | deliveries/s | p50 | p99 | max | delivery p99 | "
                + "post answered p99 | failures | server cores | server CPU-s / 1,000 msgs | client cores |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (Results r : List.of(dh, io)) {
            for (int i = 0; i < r.steps(); i++) {
                String k = "step." + i + ".";
                long failures = (long) (r.d(k + "failed_posts") + r.d(k + "skipped") + r.d(k + "incomplete"));
                boolean ok = r.d(k + "p99_ms") <= goal;
                System.out.printf(Locale.ROOT, "| %s | %.0f | %.1f | %.0f | %.1f | %s | %.1f | %.1f | %.1f | %d of %.0f | %.2f | %s | %.2f |%n",
                        r == dh ? "Daehwa" : "Socket.IO", r.d(k + "rate"), r.d(k + "msgs_per_s"), r.d(k + "deliveries_per_s"),
                        r.d(k + "p50_ms"), (ok ? "" : "**") + String.format(Locale.ROOT, "%.1f", r.d(k + "p99_ms")) + (ok ? "" : "**"),
                        r.d(k + "max_ms"), r.d(k + "delivery_p99_ms"), r.d(k + "post_p99_ms"), failures, r.d(k + "planned"),
                        r.d(k + "server_cores"), cpuPer1000(r, i), r.d(k + "client_cores"));
            }
        }
        System.out.println();
        for (Results r : List.of(dh, io)) {
            if (!r.present()) {
                continue;
            }
            String who = r == dh ? "Daehwa" : "Socket.IO peer";
            List<String> notes = new ArrayList<>();
            if (r.s("stopped") != null && !r.s("stopped").isBlank()) {
                notes.add(r.s("stopped"));
            } else {
                notes.add("ran every rate step (it did not reach the stop rule)");
            }
            if (r.d("strays") > 0) {
                notes.add(r.s("strays") + " deliveries arrived after their step's drain had ended");
            }
            if (r.d("sockets_open_at_end") < r.d("clients")) {
                notes.add("only " + r.s("sockets_open_at_end") + " of " + r.s("clients") + " sockets were still open at the end");
            }
            for (int i = 0; i < r.steps(); i++) {
                if (r.s("step." + i + ".errors") != null) {
                    notes.add(String.format(Locale.ROOT, "errors at %.0f msg/s: %s", r.d("step." + i + ".rate"),
                            r.s("step." + i + ".errors")));
                }
            }
            System.out.println("- " + who + ": " + String.join("; ", notes) + ".");
        }
        return 0;
    }

    private static String cpuPer1000(Results r, int i) {
        double cpu = r.d("step." + i + ".server_cpu_s");
        double completed = r.d("step." + i + ".completed");
        return cpu < 0 || Double.isNaN(cpu) || !(completed > 0) ? DASH
                : String.format(Locale.ROOT, "%.3f", 1000 * cpu / completed);
    }

    private static String best(Results r, int step, String key, String format) {
        if (!r.present()) {
            return DASH;
        }
        if (step < 0) {
            return "none met it";
        }
        return String.format(Locale.ROOT, format, r.d("step." + step + "." + key));
    }

    private static String[] compareStep(String metric, Results a, int sa, Results b, int sb, String key) {
        double x = sa >= 0 ? a.d("step." + sa + "." + key) : Double.NaN;
        double y = sb >= 0 ? b.d("step." + sb + "." + key) : Double.NaN;
        return compare(metric, num(x), num(y), x, y);
    }

    private static String[] compareCpuPer1000(String metric, Results a, int sa, Results b, int sb) {
        double x = sa >= 0 ? 1000 * a.d("step." + sa + ".server_cpu_s") / a.d("step." + sa + ".completed") : Double.NaN;
        double y = sb >= 0 ? 1000 * b.d("step." + sb + ".server_cpu_s") / b.d("step." + sb + ".completed") : Double.NaN;
        return compare(metric, num3(x), num3(y), x, y);
    }

    // -------------------------------------------------------------------------------------- idle

    static int idle(Map<String, String> opt) throws IOException {
        Results dh = Results.load(opt.get("daehwa"));
        Results io = Results.load(opt.get("socketio"));
        List<String[]> rows = new ArrayList<>();
        rows.add(compare("sockets live / requested", ratioText(dh, "connections_live", "connections_requested"),
                ratioText(io, "connections_live", "connections_requested"), Double.NaN, Double.NaN));
        rows.add(same("time to open them all, s", dh, io, "connect_s", Report::num));
        rows.add(same("server RSS before, MiB", dh, io, "rss_before_kib", v -> num(v / 1024)));
        rows.add(same("server RSS with the sockets open, MiB", dh, io, "rss_after_kib", v -> num(v / 1024)));
        rows.add(derived("**server RSS growth per socket, KiB**", dh, io,
                r -> (r.d("rss_after_kib") - r.d("rss_before_kib")) / r.d("connections_live"), Report::num));
        rows.add(derived("heap (JVM) / V8 heap used growth per socket, KiB, after a full GC", dh, io,
                r -> (r.d("heap_after_used_kib") - r.d("heap_before_used_kib")) / r.d("connections_live"), Report::num));
        rows.add(same("heap used before → after, MiB (committed after)", dh, io, "heap_before_used_kib", v -> DASH,
                r -> String.format(Locale.ROOT, "%.0f → %.0f (%.0f)", r.d("heap_before_used_kib") / 1024,
                        r.d("heap_after_used_kib") / 1024, r.d("heap_after_committed_kib") / 1024)));
        rows.add(same("**idle server CPU-s over the window**", dh, io, "idle_cpu_s", Report::num3));
        rows.add(derived("idle server CPU, ms per second per 1,000 sockets", dh, io,
                r -> 1000 * r.d("idle_cpu_s") / r.d("idle_window_s") / (r.d("connections_live") / 1000), Report::num3));
        rows.add(compare("(the client's own CPU-s over the window)", dh.present() ? num(dh.d("idle_client_cpu_s")) : DASH, io.present() ? num(io.d("idle_client_cpu_s")) : DASH, Double.NaN, Double.NaN));
        rows.add(same("sockets still open after the window", dh, io, "connections_open_at_end", v -> String.format(Locale.ROOT, "%.0f", v)));
        System.out.println("| metric | Daehwa | Socket.IO peer | ratio (Daehwa/peer) |");
        System.out.println("|---|---:|---:|---:|");
        rows.forEach(r -> System.out.println("| " + String.join(" | ", r) + " |"));
        for (Results r : List.of(dh, io)) {
            if (r.present() && r.s("connect_errors") != null) {
                System.out.println();
                System.out.println("- " + (r == dh ? "Daehwa" : "Socket.IO peer") + " connect errors: " + r.s("connect_errors"));
            }
        }
        return 0;
    }

    private static String ratioText(Results r, String a, String b) {
        return r.present() ? String.format(Locale.ROOT, "%.0f / %.0f", r.d(a), r.d(b)) : DASH;
    }

    private static String[] same(String metric, Results a, Results b, String key, Function<Double, String> f) {
        return compare(metric, a.present() ? f.apply(a.d(key)) : DASH, b.present() ? f.apply(b.d(key)) : DASH,
                a.d(key), b.d(key));
    }

    private static String[] same(String metric, Results a, Results b, String key, Function<Double, String> unused,
                                 Function<Results, String> text) {
        return compare(metric, a.present() ? text.apply(a) : DASH, b.present() ? text.apply(b) : DASH, Double.NaN, Double.NaN);
    }

    private static String[] derived(String metric, Results a, Results b, Function<Results, Double> f,
                                    Function<Double, String> format) {
        double x = a.present() ? f.apply(a) : Double.NaN;
        double y = b.present() ? f.apply(b) : Double.NaN;
        return compare(metric, a.present() ? format.apply(x) : DASH, b.present() ? format.apply(y) : DASH, x, y);
    }

    // ---------------------------------------------------------------------------------- plumbing

    private static String[] row(String metric, String both) {
        return new String[] {metric, both, both, DASH};
    }

    private static String[] compare(String metric, String a, String b, double x, double y) {
        String ratio = Double.isNaN(x) || Double.isNaN(y) || Double.isInfinite(x) || Double.isInfinite(y) || y == 0
                ? DASH : String.format(Locale.ROOT, "%.2f", x / y);
        return new String[] {metric, a, b, ratio};
    }

    private static String num(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? DASH : String.format(Locale.ROOT, v >= 100 ? "%.0f" : "%.1f", v);
    }

    private static String num3(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? DASH : String.format(Locale.ROOT, "%.3f", v);
    }
}
