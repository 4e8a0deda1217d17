package dev.daehwa.bench;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What showing and indexing one message costs per 1,000 characters, for ordinary chat text and
 * for hostile text, at several lengths: the message renderer (MessageRenderer, which every surface
 * that shows a message runs) and the search analysis (ChatAnalyzer, which indexing and every
 * highlighted search result run). Linear cost shows as a flat µs per 1,000 characters across
 * the lengths.
 *
 * <p>The app's classes are loaded from an unpacked WAR ({@code WEB-INF/classes} and
 * {@code WEB-INF/lib}), by reflection, so that this measures the bytes of the WAR under test and
 * the bench needs no build dependency on the app. Several sides (the WAR and a baseline WAR) run
 * in one process, each in its own class loader, one after the other.
 *
 * <pre>
 * java -cp bench.jar dev.daehwa.bench.RenderBench SIZES side=DIR [side=DIR...]
 * </pre>
 * SIZES is a comma-separated list of lengths in characters; each side is a name and the
 * unpacked WAR's WEB-INF directory. Prints one line per cell:
 * {@code cell side=… op=render kind=brackets chars=10000 calls=… us_per_kchar=…}.
 */
public final class RenderBench {

    /** Each cell warms up this long (or one call, when a call takes longer), then measures this long. */
    private static final long WARM_UP_NANOS = 300_000_000L;
    private static final long MEASURE_NANOS = 600_000_000L;
    private static final long BATCH_NANOS = 5_000_000L;
    /** A call slower than this is measured once, warm-up included: the old quadratic renderer at 100,000 characters. */
    private static final long SLOW_CALL_NANOS = 2_000_000_000L;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private static final String CHAT =
            "내일 3시에 회의실에서 만나요. 자료는 https://docs.example.com/q4-plan?v=2 에 있어요 (초안). Thanks! 😀\n";

    private RenderBench() {
    }

    /** Hostile and ordinary text of exactly {@code length} characters. */
    static String text(String kind, int length) {
        String text = switch (kind) {
            case "normal" -> CHAT.repeat(length / CHAT.length() + 1);
            case "brackets" -> "http://a" + ")".repeat(length); // the attack of a run of closing brackets after a link
            case "punctuation" -> ".,!?()".repeat(length / 6 + 1); // what nori weighs up to 1,024 characters ahead
            default -> throw new IllegalArgumentException(kind);
        };
        String cut = text.substring(0, length);
        return Character.isHighSurrogate(cut.charAt(length - 1)) ? cut.substring(0, length - 1) + "." : cut;
    }

    interface Operation {
        void run(String text) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: RenderBench SIZES side=WEB-INF-DIR [side=WEB-INF-DIR...]");
            System.exit(2);
        }
        List<Integer> sizes = new ArrayList<>();
        for (String size : args[0].split(",")) {
            sizes.add(Integer.parseInt(size.strip()));
        }
        for (int i = 1; i < args.length; i++) {
            String[] side = args[i].split("=", 2);
            ClassLoader app = appLoader(new File(side[1]));
            Object renderer = rendererOf(app);
            Method render = renderer.getClass().getMethod("render", String.class);
            Object analyzer = app.loadClass("dev.daehwa.infrastructure.search.ChatAnalyzer").getConstructor().newInstance();
            Method tokenStream = analyzer.getClass().getMethod("tokenStream", String.class, String.class);
            Class<?> tokenStreamClass = app.loadClass("org.apache.lucene.analysis.TokenStream");
            Method reset = tokenStreamClass.getMethod("reset");
            Method increment = tokenStreamClass.getMethod("incrementToken");
            Method end = tokenStreamClass.getMethod("end");
            Method close = tokenStreamClass.getMethod("close");
            Operation rendering = text -> render.invoke(renderer, text);
            Operation analysis = text -> {
                Object tokens = tokenStream.invoke(analyzer, "content", text);
                try {
                    reset.invoke(tokens);
                    while ((Boolean) increment.invoke(tokens)) {
                        // every term, as indexing and highlighting take them
                    }
                    end.invoke(tokens);
                } finally {
                    close.invoke(tokens);
                }
            };
            // loads nori's dictionaries and gets the JIT going before any cell is timed
            for (String kind : List.of("normal", "brackets", "punctuation")) {
                for (int call = 0; call < 300; call++) {
                    rendering.run(text(kind, 2_000));
                    analysis.run(text(kind, 2_000));
                }
            }
            for (String op : List.of("render", "analyze")) {
                for (String kind : List.of("normal", "brackets", "punctuation")) {
                    for (int size : sizes) {
                        measure(side[0], op, kind, text(kind, size), op.equals("render") ? rendering : analysis);
                    }
                }
            }
        }
    }

    /**
     * Warms up for {@link #WARM_UP_NANOS} (at least one call), then reports the CPU time per call
     * of the fastest batch in {@link #MEASURE_NANOS}: what the work costs, not what else the
     * machine did meanwhile. A batch is as many calls as take about {@link #BATCH_NANOS}, so that a
     * short call is not lost in the clock's own cost. A call slower than {@link #SLOW_CALL_NANOS}
     * is measured once after its warm-up call.
     */
    private static void measure(String side, String op, String kind, String text, Operation operation) throws Exception {
        long fastest = Long.MAX_VALUE;
        long start = System.nanoTime();
        do {
            fastest = Math.min(fastest, time(operation, text, 1));
        } while (System.nanoTime() - start < WARM_UP_NANOS);
        long calls = 1;
        long perCall;
        if (fastest > SLOW_CALL_NANOS) {
            perCall = time(operation, text, 1);
        } else {
            int batch = (int) Math.max(1, Math.min(10_000, BATCH_NANOS / Math.max(1, fastest)));
            perCall = Long.MAX_VALUE;
            calls = 0;
            start = System.nanoTime();
            do {
                perCall = Math.min(perCall, time(operation, text, batch) / batch);
                calls += batch;
            } while (System.nanoTime() - start < MEASURE_NANOS);
        }
        System.out.printf(Locale.ROOT, "cell side=%s op=%s kind=%s chars=%d calls=%d us_per_kchar=%.2f%n",
                side, op, kind, text.length(), calls, perCall / 1_000.0 / (text.length() / 1_000.0));
    }

    /**
     * The CPU time of the calls on this thread, not the wall time: on a shared machine a call is
     * preempted often, and the time it then waits is not what it costs. (GC and JIT threads are not
     * counted; the texts allocate little besides their output.)
     */
    private static long time(Operation operation, String text, int calls) throws Exception {
        long start = THREADS.getCurrentThreadCpuTime();
        for (int i = 0; i < calls; i++) {
            operation.run(text);
        }
        return THREADS.getCurrentThreadCpuTime() - start;
    }

    private static ClassLoader appLoader(File webInf) throws Exception {
        List<URL> urls = new ArrayList<>();
        urls.add(new File(webInf, "classes").toURI().toURL());
        File[] jars = new File(webInf, "lib").listFiles((dir, name) -> name.endsWith(".jar"));
        if (jars == null) {
            throw new IllegalArgumentException(webInf + " has no lib directory");
        }
        for (File jar : jars) {
            urls.add(jar.toURI().toURL());
        }
        return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }

    /** The build's message renderer: MessageRenderer (Markdown), or LinkRenderer in builds before it. */
    private static Object rendererOf(ClassLoader app) throws ReflectiveOperationException {
        try {
            return app.loadClass("dev.daehwa.infrastructure.markdown.MessageRenderer").getConstructor().newInstance();
        } catch (ClassNotFoundException older) {
            return app.loadClass("dev.daehwa.domain.message.LinkRenderer").getConstructor().newInstance();
        }
    }
}
