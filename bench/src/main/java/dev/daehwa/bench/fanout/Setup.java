package dev.daehwa.bench.fanout;

import java.net.InetAddress;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** Accounts, rooms and sockets for a run, made in parallel on virtual threads, every step bounded. */
final class Setup {

    /** A room and its members, in the order they were made (the first is the owner). */
    record Room(long id, List<Peer.Account> members) {
    }

    /** A body for index i that may fail. */
    interface Body {
        void run(int i) throws Exception;
    }

    private Setup() {
    }

    static List<Peer.Account> accounts(Peer peer, String prefix, int n, int concurrency, Duration budget)
            throws Exception {
        Peer.Account[] made = new Peer.Account[n];
        parallel(n, concurrency, budget, "accounts", i -> {
            Peer.Account a = peer.createAccount(prefix + "_" + i);
            made[i] = new Peer.Account(i, a.username(), a.token());
        });
        return List.of(made);
    }

    /** Rooms of {@code size} consecutive accounts; the first of each owns it and adds the rest. */
    static List<Room> rooms(Peer peer, String prefix, List<Peer.Account> accounts, int size, int concurrency,
                            Duration budget) throws Exception {
        int count = accounts.size() / size;
        Room[] made = new Room[count];
        parallel(count, concurrency, budget, "rooms", r -> {
            List<Peer.Account> members = accounts.subList(r * size, r * size + size);
            long id = peer.createRoom(members.getFirst(), prefix + " room " + r, members.subList(1, members.size()));
            made[r] = new Room(id, members);
        });
        return List.of(made);
    }

    /**
     * HttpClients for the sockets: {@code perAddress} of them for each of {@code sources} local
     * addresses 127.0.0.1, 127.0.0.2, ... (each source address has its own ephemeral ports).
     */
    static List<HttpClient> socketClients(int sources, int perAddress) throws Exception {
        List<HttpClient> clients = new ArrayList<>();
        for (int s = 0; s < sources; s++) {
            InetAddress local = InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) (1 + s)});
            for (int k = 0; k < perAddress; k++) {
                HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
                if (sources > 1) {
                    b.localAddress(local);
                }
                clients.add(b.build());
            }
        }
        return clients;
    }

    /**
     * Opens one socket per account in {@code owners} (index i on clients[i % clients]), at most
     * {@code concurrency} handshakes at a time. With {@code tolerate}, failures are counted (up to
     * 200 in a row, then it gives up) instead of ending the run; returns the live sockets in order.
     */
    static List<Conn> sockets(Peer peer, List<Peer.Account> owners, List<HttpClient> clients, Conn.Sink sink,
                              int concurrency, Duration budget, boolean tolerate, AtomicInteger failures,
                              List<String> failureSamples) throws Exception {
        int n = owners.size();
        Conn[] conns = new Conn[n];
        AtomicInteger inARow = new AtomicInteger();
        try {
            openAll(peer, owners, clients, sink, concurrency, budget, tolerate, failures, failureSamples, conns, inARow);
        } catch (Exception e) {
            if (!tolerate) {
                throw e;
            }
            // Out of time or too many failures in a row: keep what is open, and say why it stopped.
            failureSamples.add("gave up: " + e);
        }
        List<Conn> open = new ArrayList<>();
        for (Conn c : conns) {
            if (c != null) {
                open.add(c);
            }
        }
        return open;
    }

    private static void openAll(Peer peer, List<Peer.Account> owners, List<HttpClient> clients, Conn.Sink sink,
                                int concurrency, Duration budget, boolean tolerate, AtomicInteger failures,
                                List<String> failureSamples, Conn[] conns, AtomicInteger inARow) throws Exception {
        int n = owners.size();
        parallel(n, concurrency, budget, "sockets", i -> {
            Conn c = new Conn(i, owners.get(i), peer, sink);
            try {
                c.open(clients.get(i % clients.size()), Duration.ofSeconds(30));
                conns[i] = c;
                inARow.set(0);
            } catch (Exception e) {
                c.abort();
                if (!tolerate) {
                    throw e;
                }
                failures.incrementAndGet();
                if (failureSamples.size() < 5) {
                    failureSamples.add("socket " + i + ": " + e);
                }
                if (inARow.incrementAndGet() >= 200) {
                    throw new IllegalStateException("200 socket handshakes failed in a row; giving up; last: " + e, e);
                }
            }
        });
    }

    /**
     * Runs body(0..n-1) on virtual threads, at most {@code concurrency} at a time; the first failure
     * stops the rest and is thrown; so is running past the budget.
     */
    static void parallel(int n, int concurrency, Duration budget, String what, Body body) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Exception> failed = new AtomicReference<>();
        long deadline = System.nanoTime() + budget.toNanos();
        List<String> late = Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < Math.min(n, concurrency); w++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < n && failed.get() == null; i = next.getAndIncrement()) {
                        if (System.nanoTime() > deadline) {
                            late.add(what);
                            failed.compareAndSet(null, new IllegalStateException(String.format(Locale.ROOT,
                                    "%s: only %d of %d done within %d s", what, i, n, budget.toSeconds())));
                            return null;
                        }
                        try {
                            body.run(i);
                        } catch (Exception e) {
                            failed.compareAndSet(null, e);
                            return null;
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : workers) {
                f.get();
            }
        }
        if (failed.get() != null) {
            throw failed.get();
        }
    }
}
