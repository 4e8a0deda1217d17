package dev.daehwa.bench.db;

import dev.daehwa.bench.BenchApi;

import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * An unauthenticated GET of one path at a fixed rate, open-loop (see {@link OpenLoop}): the load
 * the startup scenario puts on the empty-WAR peer, so that its "RSS after load" has had requests
 * too. {@code GetLoad BASE --path /health --rate 50 --seconds 10 [--out FILE] [--side empty-war]}.
 */
public final class GetLoad {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String path = "/health";
        double rate = 50;
        double seconds = 10;
        Path out = null;
        String side = "empty-war";
        for (int i = 1; i + 1 < args.length; i += 2) {
            String v = args[i + 1];
            switch (args[i]) {
                case "--path" -> path = v;
                case "--rate" -> rate = Double.parseDouble(v);
                case "--seconds" -> seconds = Double.parseDouble(v);
                case "--out" -> out = Path.of(v);
                case "--side" -> side = v;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (rate <= 0 || rate > 20_000 || seconds <= 0 || seconds > 300) {
            throw new IllegalArgumentException("rate in (0, 20000], seconds in (0, 300]");
        }
        BenchApi api = new BenchApi(base);
        HttpRequest request = HttpRequest.newBuilder(api.resolve(".." + path)).timeout(Duration.ofSeconds(10)).GET().build();
        OpenLoop.Result r = new OpenLoop(api, 512)
                .run(List.of(new OpenLoop.Stream("get-" + path.replaceAll("[^a-z0-9]", ""), rate, i -> request,
                        a -> a.status() == 200)), seconds)
                .get(0);
        String line = r.line(side, seconds, -1, -1);
        System.out.println(line);
        WriteLoad.append(out, line);
    }
}
