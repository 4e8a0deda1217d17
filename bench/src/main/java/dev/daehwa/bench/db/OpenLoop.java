package dev.daehwa.bench.db;

import dev.daehwa.bench.BenchApi;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;
import java.util.function.Predicate;

/**
 * An open-loop load generator: each stream's scheduler issues request i at the planned time
 * {@code start + i / rate}, whether or not earlier requests have answered, each on its own virtual
 * thread. Latency is measured from the planned time, not from the moment the request was
 * actually sent, so a stalled server or a late scheduler shows up in the percentiles instead of
 * silently lowering the rate (no coordinated omission).
 *
 * <p>Bounds: {@code maxInFlight} requests at once per stream (a planned request that finds the cap
 * reached is not sent and counts as "dropped", an error); every request has a timeout; after the
 * last planned time the run waits for the requests in flight, which the timeout bounds.
 */
final class OpenLoop {

    /** One stream of requests at a fixed rate. {@code check} decides whether an answer is a success. */
    record Stream(String name, double rate, LongFunction<HttpRequest> request, Predicate<BenchApi.Answer> check) {
    }

    /** What one stream did in one step. Latencies in microseconds, successes only. */
    static final class Result {
        final String name;
        final double targetRate;
        final Histogram latency = new ConcurrentHistogram(3);
        final AtomicLong planned = new AtomicLong();
        final AtomicLong ok = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
        final AtomicLong dropped = new AtomicLong();
        final Map<String, AtomicLong> errorKinds = new ConcurrentHashMap<>();
        final List<String> errorSamples = new ArrayList<>();
        /** Mean statements per request from X-Daehwa-Sql-Statements, when the server sends it. */
        final AtomicLong sqlStatements = new AtomicLong();
        final AtomicLong sqlResponses = new AtomicLong();
        volatile long firstPlanned;
        final AtomicLong lastDone = new AtomicLong();

        Result(String name, double targetRate) {
            this.name = name;
            this.targetRate = targetRate;
        }

        /** Successes per second, from the first planned time to the last answer. */
        double achievedRate() {
            long span = lastDone.get() - firstPlanned;
            return span <= 0 ? 0 : ok.get() / (span / 1e9);
        }

        double ms(double percentile) {
            return latency.getTotalCount() == 0 ? Double.NaN : latency.getValueAtPercentile(percentile) / 1000.0;
        }

        double maxMs() {
            return latency.getTotalCount() == 0 ? Double.NaN : latency.getMaxValue() / 1000.0;
        }

        long failures() {
            return errors.get() + dropped.get();
        }

        String kinds() {
            return errorKinds.isEmpty() ? "-" : new TreeMap<>(errorKinds).toString().replace(" ", "");
        }

        /** The step line every scenario parses: key=value, space-separated. */
        String line(String side, double seconds, double serverCpu, double pgCpu) {
            return String.format(Locale.ROOT,
                    "step side=%s op=%s target=%s seconds=%.0f planned=%d achieved=%.1f ok=%d errors=%d dropped=%d "
                            + "p50=%.2f p90=%.2f p99=%.2f p999=%.2f max=%.2f server_cpu=%.2f pg_cpu=%.2f kinds=%s",
                    side, name, fmtRate(targetRate), seconds, planned.get(), achievedRate(), ok.get(), errors.get(),
                    dropped.get(), ms(50), ms(90), ms(99), ms(99.9), maxMs(), serverCpu, pgCpu, kinds());
        }
    }

    static String fmtRate(double r) {
        return r == Math.rint(r) ? Long.toString((long) r) : String.format(Locale.ROOT, "%.1f", r);
    }

    private final BenchApi api;
    private final int maxInFlight;

    OpenLoop(BenchApi api, int maxInFlight) {
        this.api = api;
        this.maxInFlight = maxInFlight;
    }

    /** Runs all streams side by side for {@code seconds}; returns one result per stream, in order. */
    List<Result> run(List<Stream> streams, double seconds) throws InterruptedException {
        List<Result> results = new ArrayList<>();
        long start = System.nanoTime() + 20_000_000L; // 20 ms for the schedulers to get going
        try (ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Thread> schedulers = new ArrayList<>();
            for (Stream s : streams) {
                Result r = new Result(s.name(), s.rate());
                r.firstPlanned = start;
                results.add(r);
                Thread t = Thread.ofPlatform().name("scheduler-" + s.name()).start(() -> schedule(s, r, start, seconds, requests));
                schedulers.add(t);
            }
            for (Thread t : schedulers) {
                t.join();
            }
        } // close() waits for the requests in flight; each has a timeout
        return results;
    }

    private void schedule(Stream s, Result r, long start, double seconds, ExecutorService requests) {
        long n = Math.max(1, Math.round(s.rate() * seconds));
        double intervalNanos = 1e9 / s.rate();
        AtomicInteger inFlight = new AtomicInteger();
        for (long i = 0; i < n; i++) {
            long planned = start + (long) (i * intervalNanos);
            for (long wait = planned - System.nanoTime(); wait > 0; wait = planned - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            r.planned.incrementAndGet();
            if (inFlight.get() >= maxInFlight) {
                r.dropped.incrementAndGet();
                r.errorKinds.computeIfAbsent("dropped", k -> new AtomicLong()).incrementAndGet();
                continue;
            }
            inFlight.incrementAndGet();
            long index = i;
            requests.submit(() -> {
                try {
                    BenchApi.Answer a = api.send(s.request().apply(index));
                    long done = System.nanoTime();
                    r.lastDone.accumulateAndGet(done, Math::max);
                    if (a.status() > 0 && s.check().test(a)) {
                        r.ok.incrementAndGet();
                        r.latency.recordValue(Math.max(1, (done - planned) / 1_000));
                        a.response().headers().firstValue(BenchApi.SQL_HEADER).ifPresent(v -> {
                            r.sqlStatements.addAndGet(Long.parseLong(v.trim()));
                            r.sqlResponses.incrementAndGet();
                        });
                    } else {
                        r.errors.incrementAndGet();
                        String kind = a.status() > 0 ? Integer.toString(a.status())
                                : a.body().contains("Timeout") ? "timeout" : "io";
                        r.errorKinds.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
                        synchronized (r.errorSamples) {
                            if (r.errorSamples.size() < 3) {
                                String b = a.body() == null ? "" : a.body();
                                r.errorSamples.add(s.name() + " -> " + a.status() + ": " + b.substring(0, Math.min(300, b.length())));
                            }
                        }
                    }
                } catch (RuntimeException e) {
                    r.errors.incrementAndGet();
                    r.errorKinds.computeIfAbsent("exception", k -> new AtomicLong()).incrementAndGet();
                } finally {
                    inFlight.decrementAndGet();
                }
            });
        }
    }
}
