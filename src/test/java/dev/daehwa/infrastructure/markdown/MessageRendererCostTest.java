package dev.daehwa.infrastructure.markdown;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Markdown that has made parsers and renderers quadratic, or made them recurse until the stack
 * ran out: rendering it must stay linear in its length. Four times the text may cost at most
 * {@link #QUADRUPLING_LIMIT} times the CPU time (linear work costs about 4, quadratic 16), the
 * best of a few runs so that a busy machine does not decide the outcome.
 */
class MessageRendererCostTest {

    private static final double QUADRUPLING_LIMIT = 9;
    private static final int SMALL = 5_000;
    private static final int LARGE = 4 * SMALL;

    private final MessageRenderer renderer = new MessageRenderer();

    record Bomb(String name, IntFunction<String> text) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Bomb> bombs() {
        return Stream.of(
                new Bomb("backticks", n -> "`".repeat(n)),
                new Bomb("backtick runs of growing length", n -> growing("`", n)),
                new Bomb("asterisks", n -> "*".repeat(n)),
                new Bomb("nested emphasis", n -> "*a **a ".repeat(n / 7) + "b"),
                new Bomb("emphasis openers and closers", n -> "*_".repeat(n / 2) + "x" + "_*".repeat(n / 2)),
                new Bomb("underscores between letters", n -> "a_".repeat(n / 2)),
                new Bomb("opening brackets", n -> "[".repeat(n)),
                new Bomb("link openers", n -> "[a](".repeat(n / 4)),
                new Bomb("image openers", n -> "![".repeat(n / 2)),
                new Bomb("unclosed link destinations", n -> "[a](<".repeat(n / 5)),
                new Bomb("reference links", n -> "[a][b]".repeat(n / 6) + "\n\n[b]: https://x.kr"),
                new Bomb("nested brackets", n -> "[".repeat(n / 2) + "a" + "]".repeat(n / 2) + "(https://x.kr)"),
                new Bomb("quotes nested on one line", n -> ">".repeat(n)),
                new Bomb("quotes nested line by line", n -> growing(">", n)),
                new Bomb("lists nested", n -> nestedLists(n)),
                new Bomb("angle brackets", n -> "<".repeat(n)),
                new Bomb("html-like openers", n -> "<a ".repeat(n / 3)),
                new Bomb("entities", n -> "&#".repeat(n / 2)),
                new Bomb("backslashes", n -> "\\".repeat(n)),
                new Bomb("tildes", n -> "~~".repeat(n / 2)),
                new Bomb("mentions", n -> "@a ".repeat(n / 3)),
                new Bomb("links", n -> "https://x.kr ".repeat(n / 13)));
    }

    private static String growing(String unit, int n) {
        StringBuilder text = new StringBuilder();
        for (int run = 1; text.length() < n; run++) {
            text.append(unit.repeat(run)).append(" a\n");
        }
        return text.toString();
    }

    private static String nestedLists(int n) {
        StringBuilder text = new StringBuilder();
        for (int depth = 0; text.length() < n; depth++) {
            text.append("  ".repeat(depth % 500)).append("- a\n");
        }
        return text.toString();
    }

    @ParameterizedTest
    @MethodSource("bombs")
    void fourTimesTheTextCostsAboutFourTimesTheTime(Bomb bomb) {
        String small = bomb.text().apply(SMALL);
        String large = bomb.text().apply(LARGE);
        for (int warm = 0; warm < 5; warm++) {
            renderer.render(small, Map.of());
        }
        long smallTime = bestCpuNanos(small);
        long largeTime = bestCpuNanos(large);
        double ratio = (double) largeTime / Math.max(smallTime, 1);
        assertTrue(ratio <= QUADRUPLING_LIMIT, () -> bomb + ": four times the text cost " + ratio + " times the CPU time ("
                + smallTime / 1_000 + " µs for " + small.length() + " chars, " + largeTime / 1_000 + " µs for "
                + large.length() + ")");
    }

    private long bestCpuNanos(String text) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long best = Long.MAX_VALUE;
        for (int run = 0; run < 5; run++) {
            long start = threads.getCurrentThreadCpuTime();
            renderer.render(text, Map.of());
            best = Math.min(best, threads.getCurrentThreadCpuTime() - start);
        }
        return best;
    }
}
