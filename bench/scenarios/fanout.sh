#!/usr/bin/env bash
# Room fan-out: Daehwa against a minimal Socket.IO broadcast chat (bench/peers/socketio), driven by
# the same Java load generator (dev.daehwa.bench.fanout.FanoutLoad) over real WebSockets.
#
#   bench/scenarios/fanout.sh             # full size: 2,000 sockets in 200 rooms of 10
#   SMOKE=1 bench/scenarios/fanout.sh     # 100 sockets in 10 rooms, two short steps
#
# Each peer in turn: start it pinned to SERVER_CPUS, make the accounts, rooms and sockets, warm up,
# then post over HTTP at rising fixed rates (open loop, latency from the planned send time to the
# message.created frame at every member of the room), reading the server's CPU from /proc around
# each step; then stop it. Writes $RESULTS/fanout.md (RESULTS: bench/results unless bench/run sets it;
# OUT=FILE elsewhere, OUT=- to stdout only).
#
# Knobs (environment): SIZE (2000 sockets), ROOM_SIZE (10), RATES ("50,100,200,400,800,1600" msg/s,
# rising), STEP_SECONDS (10), STEP_MESSAGES (1000: a step ends earlier once it holds that many
# messages, but lasts at least MIN_STEP_SECONDS, 5: 10 s up to 100 msg/s, 5 s from 200 on; 0 =
# every step STEP_SECONDS long), DRAIN_SECONDS (5), WARMUP_SECONDS (15), WARMUP_RATE (100),
# STOP_P99_MS (1000: no higher rate after a step above it), GOAL_P99_MS (200), STOP_AFTER_MISSES
# (2: no higher rate after that many steps in a row above GOAL_P99_MS; 0 = off), POST_CONNECTIONS
# (256: the senders' HTTP connections), PEERS
# ("daehwa socketio"), DB (h2 | postgresql: Daehwa's database), DAEHWA_PORT (18310),
# SOCKETIO_PORT (18311), SERVER_CPUS / CLIENT_CPUS (lib.sh: 0 / 1), OUT, KEEP=1 (keep the work dir),
# DAEHWA_WAR / PAYARA_MICRO_JAR (lib.sh). Daehwa runs with DAEHWA_PASSWORD_ITERATIONS=1024 so that
# making 2,000 accounts takes seconds, not minutes; no password check is on the measured path.
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
source "$(dirname "$0")/fanout-common.sh"

SMOKE=${SMOKE:-0}
if [[ "$SMOKE" == 1 ]]; then
    SIZE=${SIZE:-100}
    RATES=${RATES:-20,50}
    STEP_SECONDS=${STEP_SECONDS:-3}
    DRAIN_SECONDS=${DRAIN_SECONDS:-3}
    WARMUP_SECONDS=${WARMUP_SECONDS:-2}
else
    SIZE=${SIZE:-2000}
    RATES=${RATES:-50,100,200,400,800,1600}
    STEP_SECONDS=${STEP_SECONDS:-10}
    DRAIN_SECONDS=${DRAIN_SECONDS:-5}
    # 15 s at 100 msg/s (1,500 messages): after 600 (12 s at 50) the JIT still took most of the
    # pinned core through the first steps (JFR: compilations in flight all the time; 20 CPU-ms
    # per message at 50 msg/s against 4-5 at saturation), and one run of 2026-12-05 missed 200 ms at
    # 50 and 100 msg/s that the same WAR met in two runs before; both peers get the same warm-up
    WARMUP_SECONDS=${WARMUP_SECONDS:-15}
fi
ROOM_SIZE=${ROOM_SIZE:-10}
STEP_MESSAGES=${STEP_MESSAGES:-1000}
MIN_STEP_SECONDS=${MIN_STEP_SECONDS:-5}
WARMUP_RATE=${WARMUP_RATE:-$([[ "$SMOKE" == 1 ]] && echo 20 || echo 100)}
STOP_P99_MS=${STOP_P99_MS:-1000}
GOAL_P99_MS=${GOAL_P99_MS:-200}
STOP_AFTER_MISSES=${STOP_AFTER_MISSES:-2}
POST_CONNECTIONS=${POST_CONNECTIONS:-256}
PEERS=${PEERS:-daehwa socketio}
DB=${DB:-h2}
DAEHWA_PORT=${DAEHWA_PORT:-18310}
SOCKETIO_PORT=${SOCKETIO_PORT:-18311}
OUT=${OUT:-${RESULTS:-$BENCH_DIR/results}/fanout.md}
KEEP=${KEEP:-0}
PG_DB=daehwa_fanout_bench

if (( SIZE % ROOM_SIZE != 0 )); then
    echo "SIZE ($SIZE) must be a multiple of ROOM_SIZE ($ROOM_SIZE)" >&2
    exit 2
fi
if [[ ! "$RATES" =~ ^[0-9.]+(,[0-9.]+)*$ ]]; then
    echo "RATES must be comma-separated numbers, e.g. 50,100,200" >&2
    exit 2
fi

require_commands curl node npm taskset
if [[ "$DB" == postgresql ]]; then
    require_tools psql
fi
socket_workspace fanout
raise_fd_limit $(( SIZE * 2 + 4096 ))

build_bench
MACHINE=$(machine_lines) # before any load: its load average is the one before

# --- one peer ---------------------------------------------------------------------------------
STEPS=$(tr ',' '\n' <<<"$RATES" | wc -l)
LOAD_LIMIT=$(( 150 * 3 + 60 + WARMUP_SECONDS + DRAIN_SECONDS + STEPS * (STEP_SECONDS + DRAIN_SECONDS + 5) ))

run_load() {
    local peer=$1 port=$2
    pinned "$CLIENT_CPUS" timeout --kill-after=10 "$LOAD_LIMIT" "$JAVA" -Xms256m -Xmx1g -Djdk.httpclient.keepalive.timeout=20 -cp "$BENCH_CLASSPATH" \
        dev.daehwa.bench.fanout.FanoutLoad fanout --peer "$peer" --base "http://127.0.0.1:$port/" \
        --server-pid "$SERVER_PID" --pin-server "$SERVER_CPUS" --out "$RAW_DIR/$peer.properties" \
        --clients "$SIZE" --room-size "$ROOM_SIZE" --rates "$RATES" --step-seconds "$STEP_SECONDS" \
        --step-messages "$STEP_MESSAGES" --min-step-seconds "$MIN_STEP_SECONDS" \
        --drain-seconds "$DRAIN_SECONDS" --warmup-seconds "$WARMUP_SECONDS" --warmup-rate "$WARMUP_RATE" \
        --stop-p99-ms "$STOP_P99_MS" --goal-p99-ms "$GOAL_P99_MS" --stop-after-misses "$STOP_AFTER_MISSES" \
        --post-connections "$POST_CONNECTIONS" \
        | tee "$RAW_DIR/$peer.txt"
}

FAILED=()
for peer in $PEERS; do
    rm -f "$RAW_DIR/$peer.properties" "$RAW_DIR/$peer.txt" "$RAW_DIR/$peer.note"
    LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
    case "$peer" in
        daehwa)
            snapshot_app "$WORK_DIR/app"
            WAR_SHA=$(sha256sum "$WORK_DIR/app/daehwa.war" | cut -c1-12)
            extra=(DAEHWA_PASSWORD_ITERATIONS=1024)
            db_note="embedded H2 (fresh data dir)"
            if [[ "$DB" == postgresql ]]; then
                fresh_database "$PG_DB"
                extra+=(DAEHWA_DB_URL="jdbc:postgresql://127.0.0.1:5432/$PG_DB" DAEHWA_DB_USER=postgres)
                db_note="PostgreSQL at 127.0.0.1:5432 (fresh database $PG_DB, on the same machine, not pinned)"
            fi
            log "fan-out: Daehwa on :$DAEHWA_PORT ($db_note)"
            if start_daehwa "$WORK_DIR/app" "$DAEHWA_PORT" "$WORK_DIR/daehwa-data" "$WORK_DIR/daehwa.log" \
                "${extra[@]}" && run_load daehwa "$DAEHWA_PORT"; then
                peer_note daehwa "Daehwa: WAR sha256 \`$WAR_SHA\`, Payara Micro ${SERVER_JAVA_OPTS:--Xmx1g} -XX:ActiveProcessorCount=$(cpu_count "$SERVER_CPUS"), $(socket_pinning_note), $db_note, started with \`DAEHWA_PASSWORD_ITERATIONS=1024\` (accounts are made fast; no password check is on the measured path). It stores every message (and indexes it for search, on by default) before it fans it out."
            else
                FAILED+=(daehwa)
                rm -f "$RAW_DIR/daehwa.properties"
                log "Daehwa's run failed; last lines of its log:"
                tail -n 30 "$WORK_DIR/daehwa.log" >&2 || true
            fi
            stop_server
            if [[ "$DB" == postgresql ]]; then
                "${PSQL[@]}" -c "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)" || true
            fi
            ;;
        socketio)
            log "fan-out: the Socket.IO peer on :$SOCKETIO_PORT"
            if start_socketio "$SOCKETIO_PORT" "$WORK_DIR/socketio.log" && run_load socketio "$SOCKETIO_PORT"; then
                peer_note socketio "Socket.IO peer: $(socketio_versions "$WORK_DIR/socketio.log"), $(socket_pinning_note), one process, keeps users, tokens and rooms in memory and stores no message."
            else
                FAILED+=(socketio)
                rm -f "$RAW_DIR/socketio.properties"
                tail -n 30 "$WORK_DIR/socketio.log" >&2 || true
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

# --- report -----------------------------------------------------------------------------------
{
    echo "## Room fan-out: Daehwa and a Socket.IO peer"
    echo
    echo "Generated by \`bench/scenarios/fanout.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC')$([[ "$SMOKE" == 1 ]] && echo ', **SMOKE mode** (a quick check, not a measurement)')."
    echo
    echo "$MACHINE"
    echo "- load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "- load: $SIZE WebSockets, one per account, in $(( SIZE / ROOM_SIZE )) rooms of $ROOM_SIZE; posts over HTTP at fixed rates of $RATES msg/s (open loop, ${STEP_SECONDS} s a step$( (( STEP_MESSAGES > 0 )) && echo ", or less once it holds $STEP_MESSAGES messages but at least $MIN_STEP_SECONDS s,") + up to ${DRAIN_SECONDS} s drain, after a ${WARMUP_SECONDS} s warm-up at $WARMUP_RATE msg/s), each message from a random member of the next room in turn, sent by a pool of $POST_CONNECTIONS HTTP/1.1 keep-alive connections (a post waiting for a free one waits in the client's queue, and that wait counts in its latency); stop rising once p99 > $STOP_P99_MS ms or > 1 % fail$( (( STOP_AFTER_MISSES > 0 )) && echo ", or p99 > $GOAL_P99_MS ms in $STOP_AFTER_MISSES steps in a row (the highest rate meeting it is then decided)")"
    echo "- end-to-end latency: from the planned send time (not the actual one, so a backlog in the client counts too) to the message.created frame at the last of the room's $ROOM_SIZE members (\"p50/p99/max\") or at each member (\"delivery\"); the same Java client (JDK WebSocket, one pinned core) for both peers"
    for peer in daehwa socketio; do
        if [[ -f "$RAW_DIR/$peer.properties" && -f "$RAW_DIR/$peer.note" ]]; then
            cat "$RAW_DIR/$peer.note"
        fi
    done
    if (( ${#FAILED[@]} > 0 )); then
        echo "- **FAILED runs: ${FAILED[*]}** (see the log of the run; their columns show –)"
    fi
    echo
    "$JAVA" -cp "$BENCH_CLASSPATH" dev.daehwa.bench.fanout.FanoutLoad report-fanout \
        --daehwa "$RAW_DIR/daehwa.properties" --socketio "$RAW_DIR/socketio.properties" --goal-p99-ms "$GOAL_P99_MS"
    echo
    echo "Server CPU is user + system time of the server process from /proc, from the start of a step to the end of its drain. \"client cores\" near 1.0 means the load generator's core was saturated and the numbers measure it, not the server."
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
