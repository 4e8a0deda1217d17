#!/usr/bin/env bash
# Idle connections: what K open, authenticated, silent WebSockets cost a server, Daehwa against the
# Socket.IO peer (bench/peers/socketio), with the same Java client (dev.daehwa.bench.fanout.FanoutLoad idle).
#
#   bench/scenarios/idle.sh               # full size: 10,000 sockets
#   SMOKE=1 bench/scenarios/idle.sh       # 500 sockets, short settle and idle window
#
# Each peer in turn: start it pinned to SERVER_CPUS; the client makes IDLE_USERS accounts in rooms
# of ROOM_SIZE; full GC (jcmd GC.run / node --expose-gc), settle, RSS and heap "before"; the client
# opens K sockets (spread over the accounts, each brought live: Daehwa hello + resume, Socket.IO
# connect); settle, full GC, RSS and heap "after"; then the server's CPU over IDLE_WINDOW seconds of
# silence (both ping every 30 s); then the client counts the sockets still open, and the server stops.
# Writes $RESULTS/idle.md (RESULTS: bench/results unless bench/run sets it; OUT=FILE elsewhere, OUT=- to stdout only).
#
# Knobs (environment): K (10000 sockets), IDLE_USERS (200 accounts; K/IDLE_USERS sockets each),
# ROOM_SIZE (10), SETTLE_SECONDS (5), IDLE_WINDOW (30), SOURCES (source addresses 127.0.0.1..N
# for the client's sockets; default: enough for the ephemeral port range), PEERS ("daehwa socketio"),
# DAEHWA_PORT (18320), SOCKETIO_PORT (18321), SERVER_CPUS / CLIENT_CPUS (lib.sh), OUT, KEEP=1,
# DAEHWA_WAR / PAYARA_MICRO_JAR (lib.sh). Daehwa runs with DAEHWA_PASSWORD_ITERATIONS=1024.
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
source "$(dirname "$0")/fanout-common.sh"

SMOKE=${SMOKE:-0}
if [[ "$SMOKE" == 1 ]]; then
    K=${K:-500}
    IDLE_USERS=${IDLE_USERS:-50}
    SETTLE_SECONDS=${SETTLE_SECONDS:-3}
    IDLE_WINDOW=${IDLE_WINDOW:-10}
else
    K=${K:-10000}
    IDLE_USERS=${IDLE_USERS:-200}
    SETTLE_SECONDS=${SETTLE_SECONDS:-5} # 10 s before; 5 s for the 15 minutes of bench/run all
    IDLE_WINDOW=${IDLE_WINDOW:-30}
fi
ROOM_SIZE=${ROOM_SIZE:-10}
PEERS=${PEERS:-daehwa socketio}
DAEHWA_PORT=${DAEHWA_PORT:-18320}
SOCKETIO_PORT=${SOCKETIO_PORT:-18321}
OUT=${OUT:-${RESULTS:-$BENCH_DIR/results}/idle.md}
KEEP=${KEEP:-0}

if (( IDLE_USERS % ROOM_SIZE != 0 )); then
    echo "IDLE_USERS ($IDLE_USERS) must be a multiple of ROOM_SIZE ($ROOM_SIZE)" >&2
    exit 2
fi
# One source address has the ephemeral port range to connect from (to one server port); keep a
# quarter spare for TIME_WAIT leftovers and everything else on the machine.
read -r port_lo port_hi < /proc/sys/net/ipv4/ip_local_port_range
PORTS_PER_SOURCE=$(( (port_hi - port_lo + 1) * 3 / 4 ))
SOURCES=${SOURCES:-$(( (K + PORTS_PER_SOURCE - 1) / PORTS_PER_SOURCE ))}

CLIENT_PID=""      # the background job (maybe a wrapper shell of `pinned`)
CLIENT_JAVA_PID="" # the load generator itself, from the pid file it writes first
stop_client() {
    if [[ -n "$CLIENT_JAVA_PID" ]]; then
        kill "$CLIENT_JAVA_PID" 2>/dev/null || true
    fi
    if [[ -n "$CLIENT_PID" ]]; then
        kill "$CLIENT_PID" 2>/dev/null || true
        wait "$CLIENT_PID" 2>/dev/null || true
    fi
    CLIENT_PID=""
    CLIENT_JAVA_PID=""
}

require_commands curl node npm taskset jcmd
socket_workspace idle stop_client

raise_fd_limit $(( K + 4096 ))
if (( $(ulimit -n) < K + 1000 )); then
    log "ulimit -n $(ulimit -n) is too low for $K sockets per process; some handshakes will fail and the table says how many"
fi
build_bench
MACHINE=$(machine_lines) # before any load: its load average is the one before

# --- measuring the server ---------------------------------------------------------------------

# Full GC, so that "before" and "after" compare live memory, not garbage.
full_gc() {
    local peer=$1 port=$2
    case "$peer" in
        daehwa) pinned "$CLIENT_CPUS" timeout 60 "$JAVA_HOME/bin/jcmd" "$SERVER_PID" GC.run >/dev/null ;;
        socketio) curl -s -m 30 -o /dev/null "http://127.0.0.1:$port/debug/gc" ;;
    esac
}

# "USED_KIB COMMITTED_KIB KIND": the JVM's Java heap (jcmd GC.heap_info, every generation summed) or
# V8's heap (process.memoryUsage(): heapUsed, heapTotal).
heap_state() {
    local peer=$1 port=$2
    case "$peer" in
        daehwa)
            pinned "$CLIENT_CPUS" timeout 60 "$JAVA_HOME/bin/jcmd" "$SERVER_PID" GC.heap_info 2>/dev/null | awk '
                / total / && !/ space / {
                    name = ($1 == "garbage-first" ? "G1" : $1)
                    kind = (kind == "" ? name : kind "+" name)
                    for (i = 1; i < NF; i++) {
                        if ($i == "used") { used += $(i + 1) + 0 }
                        if ($i == "committed") { committed += $(i + 1) + 0 }
                        if ($i == "total" && $(i + 1) != "reserved") { total += $(i + 1) + 0 }
                    }
                }
                END { if (committed == 0) { committed = total }; printf "%d %d %s\n", used, committed, (kind == "" ? "unknown" : kind) }'
            ;;
        socketio)
            curl -s -m 30 "http://127.0.0.1:$port/debug/memory" | tr -d '{}"' | tr ',' '\n' | awk -F: '
                $1 == "heapUsed" { used = $2 / 1024 } $1 == "heapTotal" { total = $2 / 1024 }
                END { printf "%d %d v8\n", used, total }'
            ;;
    esac
}

# Waits (at most $2 s) for the file $1, while the client is alive.
await_signal() {
    local file=$1 seconds=$2 started=$SECONDS
    while (( SECONDS - started < seconds )); do
        [[ -f "$file" ]] && return 0
        if ! kill -0 "$CLIENT_PID" 2>/dev/null; then
            log "the client ended before $(basename "$file")"
            return 1
        fi
        sleep 0.2
    done
    log "no $(basename "$file") within $seconds s"
    return 1
}

# run_idle PEER PORT: the client against a running server (SERVER_PID); appends the server-side
# measurements to the client's result file.
run_idle() {
    local peer=$1 port=$2 signals="$WORK_DIR/$peer-signals" props="$RAW_DIR/$peer.properties"
    mkdir -p "$signals"
    pinned "$CLIENT_CPUS" timeout --kill-after=10 $(( 300 + 300 + SETTLE_SECONDS * 2 + IDLE_WINDOW + 120 )) \
        "$JAVA" -Xms256m -Xmx2g -Djdk.httpclient.keepalive.timeout=20 -cp "$BENCH_CLASSPATH" dev.daehwa.bench.fanout.FanoutLoad idle \
        --peer "$peer" --base "http://127.0.0.1:$port/" --out "$props" --signals "$signals" \
        --server-pid "$SERVER_PID" --pin-server "$SERVER_CPUS" \
        --users "$IDLE_USERS" --connections "$K" --room-size "$ROOM_SIZE" --sources "$SOURCES" \
        >"$RAW_DIR/$peer.txt" 2>&1 &
    CLIENT_PID=$!
    await_signal "$signals/pid" 60 || return 1
    CLIENT_JAVA_PID=$(cat "$signals/pid")
    await_signal "$signals/setup-done" 300 || return 1

    full_gc "$peer" "$port"
    sleep "$SETTLE_SECONDS"
    local rss_before heap_before
    rss_before=$(rss_kib "$SERVER_PID")
    heap_before=$(heap_state "$peer" "$port")
    log "$peer before: RSS $rss_before KiB, heap used/committed/kind $heap_before"

    touch "$signals/connect"
    local t0=$SECONDS
    await_signal "$signals/connected" 300 || return 1
    log "$peer: $(cat "$signals/connected") sockets live after $((SECONDS - t0)) s; settling ${SETTLE_SECONDS} s"
    sleep "$SETTLE_SECONDS"
    full_gc "$peer" "$port"
    sleep 3
    local rss_after heap_after
    rss_after=$(rss_kib "$SERVER_PID")
    heap_after=$(heap_state "$peer" "$port")
    log "$peer after: RSS $rss_after KiB, heap $heap_after; idle window ${IDLE_WINDOW} s"

    local ticks0 ticks1 client0 client1
    ticks0=$(cpu_ticks "$SERVER_PID")
    client0=$(cpu_ticks "$CLIENT_JAVA_PID")
    sleep "$IDLE_WINDOW"
    ticks1=$(cpu_ticks "$SERVER_PID")
    client1=$(cpu_ticks "$CLIENT_JAVA_PID")
    local rss_end
    rss_end=$(rss_kib "$SERVER_PID")
    read -r hb_used hb_committed hb_kind <<<"$heap_before"
    read -r ha_used ha_committed ha_kind <<<"$heap_after"
    {
        echo "rss_before_kib=$rss_before"
        echo "rss_after_kib=$rss_after"
        echo "rss_end_kib=$rss_end"
        echo "heap_before_used_kib=$hb_used"
        echo "heap_before_committed_kib=$hb_committed"
        echo "heap_after_used_kib=$ha_used"
        echo "heap_after_committed_kib=$ha_committed"
        echo "heap_kind=$ha_kind"
        echo "idle_window_s=$IDLE_WINDOW"
        echo "idle_cpu_s=$(cpu_seconds $(( ticks1 - ticks0 )))"
        echo "idle_client_cpu_s=$(cpu_seconds $(( client1 - client0 )))"
    } >>"$props"
    touch "$signals/release"
    local waited=0
    while kill -0 "$CLIENT_PID" 2>/dev/null && (( waited < 600 )); do
        sleep 0.1
        waited=$(( waited + 1 ))
    done
    local status=0
    wait "$CLIENT_PID" || status=$?
    CLIENT_PID=""
    CLIENT_JAVA_PID=""
    cat "$RAW_DIR/$peer.txt"
    return "$status"
}

FAILED=()
for peer in $PEERS; do
    rm -f "$RAW_DIR/$peer.properties" "$RAW_DIR/$peer.txt" "$RAW_DIR/$peer.note"
    LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
    case "$peer" in
        daehwa)
            snapshot_app "$WORK_DIR/app"
            WAR_SHA=$(sha256sum "$WORK_DIR/app/daehwa.war" | cut -c1-12)
            log "idle: Daehwa on :$DAEHWA_PORT"
            # K/IDLE_USERS sockets an account, each brought live with a resume: above the defaults
            # (20 sockets a user, 60 resumes a minute), which are per person, not per load test.
            per_account=$(( (K + IDLE_USERS - 1) / IDLE_USERS ))
            if start_daehwa "$WORK_DIR/app" "$DAEHWA_PORT" "$WORK_DIR/daehwa-data" "$WORK_DIR/daehwa.log" \
                DAEHWA_PASSWORD_ITERATIONS=1024 DAEHWA_WS_MAX_SOCKETS_PER_USER="$per_account" \
                DAEHWA_WS_USER_RESUMES_PER_MINUTE=$(( per_account > 60 ? per_account : 60 )) \
                && run_idle daehwa "$DAEHWA_PORT"; then
                peer_note daehwa "Daehwa: WAR sha256 \`$WAR_SHA\`, Payara Micro ${SERVER_JAVA_OPTS:--Xmx1g} -XX:ActiveProcessorCount=$(cpu_count "$SERVER_CPUS"), $(socket_pinning_note), embedded H2, \`DAEHWA_PASSWORD_ITERATIONS=1024\`, \`DAEHWA_WS_MAX_SOCKETS_PER_USER=$per_account\`; Java heap: $(awk -F= '/^heap_kind=/ {print $2}' "$RAW_DIR/daehwa.properties"), RSS includes its committed size, which a full GC may shrink or not: read the heap rows with the RSS rows. Daehwa pings each socket every 30 s (DAEHWA_WS_PING_SECONDS)."
            else
                FAILED+=(daehwa)
                rm -f "$RAW_DIR/daehwa.properties"
                tail -n 30 "$WORK_DIR/daehwa.log" >&2 || true
                [[ -f "$RAW_DIR/daehwa.txt" ]] && cat "$RAW_DIR/daehwa.txt" >&2
            fi
            stop_server
            ;;
        socketio)
            log "idle: the Socket.IO peer on :$SOCKETIO_PORT"
            if start_socketio "$SOCKETIO_PORT" "$WORK_DIR/socketio.log" --expose-gc && run_idle socketio "$SOCKETIO_PORT"; then
                peer_note socketio "Socket.IO peer: $(socketio_versions "$WORK_DIR/socketio.log"), $(socket_pinning_note), started with \`--expose-gc\` for the full GC before each measurement; pings each socket every 30 s (pingInterval 30,000 ms), answered by the client's Engine.IO pong."
            else
                FAILED+=(socketio)
                rm -f "$RAW_DIR/socketio.properties"
                tail -n 30 "$WORK_DIR/socketio.log" >&2 || true
                [[ -f "$RAW_DIR/socketio.txt" ]] && cat "$RAW_DIR/socketio.txt" >&2
            fi
            stop_server
            stop_socketio_wrapper
            ;;
        *)
            echo "unknown peer $peer (daehwa, socketio)" >&2
            exit 2
            ;;
    esac
done

{
    echo "## Idle connections: Daehwa and a Socket.IO peer"
    echo
    echo "Generated by \`bench/scenarios/idle.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC')$([[ "$SMOKE" == 1 ]] && echo ', **SMOKE mode** (a quick check, not a measurement)')."
    echo
    echo "$MACHINE"
    echo "- load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "- load: $K authenticated WebSockets held open and silent, $(( K / IDLE_USERS )) per account over $IDLE_USERS accounts (in rooms of $ROOM_SIZE), from $SOURCES source address(es) on 127.0.0.x; \`ulimit -n\` $(ulimit -n)"
    echo "- RSS: server process VmRSS, each time after a full GC and a ${SETTLE_SECONDS} s settle, before the sockets and with them; growth per socket = (after − before) / live sockets. Idle CPU: user + system time of the server over ${IDLE_WINDOW} s with every socket open and silent"
    for peer in daehwa socketio; do
        if [[ -f "$RAW_DIR/$peer.properties" && -f "$RAW_DIR/$peer.note" ]]; then
            cat "$RAW_DIR/$peer.note"
        fi
    done
    if (( ${#FAILED[@]} > 0 )); then
        echo "- **FAILED runs: ${FAILED[*]}** (their columns show –)"
    fi
    echo
    "$JAVA" -cp "$BENCH_CLASSPATH" dev.daehwa.bench.fanout.FanoutLoad report-idle \
        --daehwa "$RAW_DIR/daehwa.properties" --socketio "$RAW_DIR/socketio.properties"
} >"$WORK_DIR/report.md"

if [[ "$OUT" == - ]]; then
    cat "$WORK_DIR/report.md"
else
    mkdir -p "$(dirname "$OUT")"
    cp "$WORK_DIR/report.md" "$OUT"
    log "wrote $OUT"
    cat "$OUT"
fi
if (( ${#FAILED[@]} > 0 )); then
    exit 1
fi
