package dev.daehwa.bench.db;

import dev.daehwa.bench.BenchApi;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Scenario 4, room list and history, in three modes:
 *
 * <ul>
 *   <li>{@code setup BASE --reader NAME --others A,B,C --token-out FILE}: registers the reader and
 *       the other users through the API and writes the reader's Bearer token to FILE. The rooms
 *       and messages then come from bench/sql/rooms-data.sql.</li>
 *   <li>{@code measure BASE --token-file FILE --expect-rooms 200 --rooms-rate R --history-rate H
 *       --seconds S --warmup-seconds W}: open loop (see {@link OpenLoop}), two streams side by
 *       side, {@code GET /api/rooms} at R/s and {@code GET /api/messages?room=…&limit=50} on a
 *       random room of the reader at H/s. Every room list must hold the expected number of rooms
 *       (checked by a cheap count, the first one fully parsed); every page must be 200 and hold 50
 *       messages (the first ones parsed). Writes {@code step ...} lines.</li>
 *   <li>{@code count BASE --token-file FILE --requests N}: N room lists and N history pages one at
 *       a time, reading {@code X-Daehwa-Sql-Statements} (the server must run with
 *       DAEHWA_SQL_STATEMENT_HEADER=true); writes {@code sql op=… n=… min=… max=… mean=…}.</li>
 * </ul>
 */
public final class RoomsLoad {

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: RoomsLoad setup|measure|count BASE [options]");
        }
        String mode = args[0];
        String base = args[1];
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 2; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected an option, got " + args[i]);
            }
            o.put(args[i].substring(2), args[i + 1]);
        }
        BenchApi api = new BenchApi(base);
        switch (mode) {
            case "setup" -> setup(api, o);
            case "measure" -> measure(api, o);
            case "count" -> count(api, o);
            default -> throw new IllegalArgumentException("unknown mode " + mode);
        }
    }

    private static void setup(BenchApi api, Map<String, String> o) throws Exception {
        String reader = o.get("reader");
        api.register(reader);
        for (String other : o.get("others").split(",")) {
            api.register(other);
        }
        Files.writeString(Path.of(o.get("token-out")), api.token(reader, "bench"));
        System.out.println("setup: registered " + reader + " and " + o.get("others") + "; token written");
    }

    /** The reader's room ids and each room's latest seq (0 without messages), from one untimed room list. */
    private static Map<Long, Long> roomsOf(BenchApi api, String token) {
        Map<Long, Long> rooms = new LinkedHashMap<>();
        for (JsonValue v : api.must(api.get("rooms", token, Duration.ofSeconds(60)), 200).array()) {
            JsonObject room = v.asJsonObject();
            long latest = room.isNull("latestMessage") || !room.containsKey("latestMessage") ? 0
                    : room.getJsonObject("latestMessage").getJsonNumber("seq").longValue();
            rooms.put(room.getJsonNumber("id").longValue(), latest);
        }
        return rooms;
    }

    private static void measure(BenchApi api, Map<String, String> o) throws Exception {
        String token = Files.readString(Path.of(o.get("token-file"))).trim();
        int expectRooms = Integer.parseInt(o.getOrDefault("expect-rooms", "200"));
        double roomsRate = Double.parseDouble(o.getOrDefault("rooms-rate", "5"));
        double historyRate = Double.parseDouble(o.getOrDefault("history-rate", "20"));
        double seconds = Double.parseDouble(o.getOrDefault("seconds", "30"));
        double warmup = Double.parseDouble(o.getOrDefault("warmup-seconds", "10"));
        long serverPid = Long.parseLong(o.getOrDefault("server-pid", "-1"));
        String pgDb = o.get("pg-db");
        Path out = o.containsKey("out") ? Path.of(o.get("out")) : null;
        if (seconds <= 0 || seconds > 300 || warmup < 0 || warmup > 300 || roomsRate <= 0 || roomsRate > 2000
                || historyRate <= 0 || historyRate > 2000) {
            throw new IllegalArgumentException("options out of range");
        }
        PrintStream log = System.out;

        long t0 = System.nanoTime();
        Map<Long, Long> latest = roomsOf(api, token);
        List<Long> rooms = List.copyOf(latest.keySet());
        log.printf(Locale.ROOT, "the reader is in %d rooms (first room list, untimed, %.0f ms)%n", rooms.size(),
                (System.nanoTime() - t0) / 1e6);
        if (rooms.size() != expectRooms) {
            throw new IllegalStateException("expected " + expectRooms + " rooms, the server lists " + rooms.size());
        }
        JsonObject page = api.must(api.get("messages?room=" + rooms.get(0) + "&limit=50", token, Duration.ofSeconds(60)), 200).object();
        if (page.getJsonArray("messages").size() != Math.min(50, latest.get(rooms.get(0)))) {
            throw new IllegalStateException("expected a history page of min(50, latest seq) messages, got "
                    + page.getJsonArray("messages").size());
        }

        Duration timeout = Duration.ofSeconds(10);
        int[] parsed = new int[2];
        OpenLoop.Stream list = new OpenLoop.Stream("rooms", roomsRate, i -> api.get("rooms", token, timeout), a -> {
            if (a.status() != 200) {
                return false;
            }
            if (parsed[0] < 3) { // a full parse now and then; otherwise a cheap count of the rooms' "unreadCount" fields
                synchronized (parsed) {
                    parsed[0]++;
                }
                return a.array().size() == expectRooms;
            }
            return count(a.body(), "\"unreadCount\"") == expectRooms;
        });
        // Each page must hold min(50, the room's latest seq) messages: counted by their "seq" fields.
        OpenLoop.Stream history = new OpenLoop.Stream("history", historyRate, i -> {
            long room = rooms.get(ThreadLocalRandom.current().nextInt(rooms.size()));
            return api.get("messages?room=" + room + "&limit=50", token, timeout);
        }, a -> {
            if (a.status() != 200) {
                return false;
            }
            String uri = a.response().request().uri().getQuery();
            long room = Long.parseLong(uri.replaceAll(".*room=(\\d+).*", "$1"));
            long expected = Math.min(50, latest.get(room));
            if (parsed[1] < 3) {
                synchronized (parsed) {
                    parsed[1]++;
                }
                JsonArray m = a.object().getJsonArray("messages");
                return m.size() == expected;
            }
            return count(a.body(), "\"seq\"") == expected;
        });
        OpenLoop loop = new OpenLoop(api, 512);
        if (warmup > 0) {
            for (OpenLoop.Result r : loop.run(List.of(list, history), warmup)) {
                log.println("warm-up (not measured): " + r.line("daehwa", warmup, -1, -1));
            }
        }
        double serverBefore = ProcCpu.process(serverPid);
        double pgBefore = ProcCpu.backendSeconds(pgDb);
        List<OpenLoop.Result> results = loop.run(List.of(list, history), seconds);
        double serverCpu = serverPid > 0 ? ProcCpu.process(serverPid) - serverBefore : -1;
        double pgCpu = pgDb != null ? ProcCpu.backendSeconds(pgDb) - pgBefore : -1;
        long total = results.stream().mapToLong(r -> r.ok.get()).sum();
        for (OpenLoop.Result r : results) {
            // The CPU is the two streams' together; each line carries its share by completed requests.
            double share = total == 0 ? 0 : (double) r.ok.get() / total;
            String line = r.line("daehwa", seconds, serverCpu < 0 ? -1 : serverCpu * share, pgCpu < 0 ? -1 : pgCpu * share);
            log.println(line);
            r.errorSamples.forEach(s -> log.println("  error sample: " + s));
            WriteLoad.append(out, line);
        }
        WriteLoad.append(out, String.format(Locale.ROOT, "cpu total server_cpu=%.2f pg_cpu=%.2f requests=%d", serverCpu, pgCpu, total));
    }

    private static int count(String s, String needle) {
        int n = 0;
        for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
    }

    private static void count(BenchApi api, Map<String, String> o) throws Exception {
        String token = Files.readString(Path.of(o.get("token-file"))).trim();
        int n = Integer.parseInt(o.getOrDefault("requests", "50"));
        if (n < 1 || n > 10_000) {
            throw new IllegalArgumentException("--requests 1..10000");
        }
        Path out = o.containsKey("out") ? Path.of(o.get("out")) : null;
        List<Long> rooms = List.copyOf(roomsOf(api, token).keySet());
        Map<String, List<Integer>> counts = new LinkedHashMap<>();
        Duration timeout = Duration.ofSeconds(30);
        for (int i = 0; i < n; i++) {
            record(counts, "rooms", api.must(api.get("rooms", token, timeout), 200));
            long room = rooms.get(ThreadLocalRandom.current().nextInt(rooms.size()));
            record(counts, "history", api.must(api.get("messages?room=" + room + "&limit=50", token, timeout), 200));
        }
        for (Map.Entry<String, List<Integer>> e : counts.entrySet()) {
            List<Integer> c = e.getValue();
            String line = String.format(Locale.ROOT, "sql op=%s n=%d min=%d max=%d mean=%.2f", e.getKey(), c.size(),
                    c.stream().mapToInt(Integer::intValue).min().orElse(-1),
                    c.stream().mapToInt(Integer::intValue).max().orElse(-1),
                    c.stream().mapToInt(Integer::intValue).average().orElse(Double.NaN));
            System.out.println(line);
            WriteLoad.append(out, line);
        }
    }

    private static void record(Map<String, List<Integer>> counts, String op, BenchApi.Answer a) {
        String v = a.response().headers().firstValue(BenchApi.SQL_HEADER)
                .orElseThrow(() -> new IllegalStateException("no " + BenchApi.SQL_HEADER + " header: start the server with "
                        + "DAEHWA_SQL_STATEMENT_HEADER=true"));
        counts.computeIfAbsent(op, k -> new ArrayList<>()).add(Integer.parseInt(v.trim()));
    }
}
