#!/usr/bin/env bash
# Daehwa load benchmark: the same ChatLoad run against two peers, one after the other, on this
# machine: Daehwa on embedded H2, then Daehwa on PostgreSQL (127.0.0.1:5432, user postgres).
#
#   bench/run.sh [seconds] [concurrency]        defaults: 20 s, 16 virtual threads
#
# Environment: USERS (16), ROOMS (50 rooms per user), WARMUP (5 s, unmeasured, before the
# measured seconds), MAX_REQUESTS (1000000 per peer, warm-up included),
# SHARED_RATIO (0.5), PEERS ("h2 postgresql"), JAVA_HOME (temurin 25 when unset),
# SQL_STATEMENTS=1 (diagnostics: the server counts SQL statements per request, and the results
# go to <date>-<peer>-sql.txt instead, since counting is not what a production server does).
# TAG=word adds -word to the results' file names (for variants, e.g. TAG=shared100 SHARED_RATIO=1).
# Results go to bench/results/<date>-<peer>.txt. Everything talks to 127.0.0.1 only.
set -euo pipefail

cd "$(dirname "$0")"
BENCH_DIR=$(pwd)
ROOT_DIR=$(cd .. && pwd)

DURATION=${1:-20}
CONCURRENCY=${2:-16}
USERS=${USERS:-16}
ROOMS=${ROOMS:-50}
WARMUP=${WARMUP:-5}
MAX_REQUESTS=${MAX_REQUESTS:-1000000}
SHARED_RATIO=${SHARED_RATIO:-0.5}
PEERS=${PEERS:-h2 postgresql}
SQL_STATEMENTS=${SQL_STATEMENTS:-0}
TAG=${TAG:-}
if [[ -n "$TAG" && ! "$TAG" =~ ^[A-Za-z0-9_.-]+$ ]]; then
    echo "TAG must be letters, digits, _ . or -" >&2
    exit 2
fi
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA="$JAVA_HOME/bin/java"

declare -A PORT=([h2]=18080 [postgresql]=18081)
PG_DB=daehwa_bench
PSQL=(psql -h 127.0.0.1 -p 5432 -U postgres -d postgres -v ON_ERROR_STOP=1 -q)

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# --- build ---------------------------------------------------------------------------------
if [[ ! -f "$ROOT_DIR/target/daehwa.war" || ! -f "$ROOT_DIR/target/payara-micro.jar" ]]; then
    log "building the app (no target/daehwa.war yet)"
    mvn -q -B -f ../pom.xml package -Dmaven.test.skip=true
fi
log "building the benchmark"
mvn -q -B -f pom.xml package
CLASSPATH_BENCH="$BENCH_DIR/target/classes:$BENCH_DIR/target/lib/*"

# One snapshot of the launcher and the WAR for both peers: a rebuild in the work tree while
# the benchmark runs can neither break it nor make the peers run different code.
WORK=$(mktemp -d "${TMPDIR:-/tmp}/daehwa-bench.XXXXXX")
cp "$ROOT_DIR/target/payara-micro.jar" "$ROOT_DIR/target/daehwa.war" "$WORK/"
WAR_SHA=$(sha256sum "$WORK/daehwa.war" | cut -c1-12)
COMMIT=$(git -C "$ROOT_DIR" rev-parse --short HEAD 2>/dev/null || echo unknown)
if [[ -n "$(git -C "$ROOT_DIR" status --porcelain -- src pom.xml 2>/dev/null)" ]]; then
    COMMIT="$COMMIT (work tree has changes)"
fi

SERVER_PID=""
stop_server() {
    if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill "$SERVER_PID" 2>/dev/null || true
        for _ in $(seq 1 60); do           # up to 30 s for a clean shutdown
            kill -0 "$SERVER_PID" 2>/dev/null || break
            sleep 0.5
        done
        kill -9 "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    SERVER_PID=""
}
cleanup() {
    stop_server
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# As in lib.sh: the abuse limits are raised out of the measurement's way.
BENCH_LIMITS=(DAEHWA_LIMIT_LOGINS_PER_CLIENT=1000000/1s DAEHWA_LIMIT_SIGNUPS_PER_CLIENT=1000000/1s
    DAEHWA_LIMIT_TOKENS_PER_CLIENT=1000000/1s DAEHWA_LIMIT_POSTS_PER_USER=1000000/1s)

# start_server PEER PORT DATA_DIR LOG [ENV...]
start_server() {
    local peer=$1 port=$2 data=$3 logfile=$4
    shift 4
    if port_in_use "$port"; then
        log "port $port is already in use; not starting $peer"
        return 1
    fi
    mkdir -p "$data/tmp"
    log "starting Daehwa ($peer) on 127.0.0.1:$port"
    env DAEHWA_DATA_DIR="$data" "${BENCH_LIMITS[@]}" "$@" \
        "$JAVA" -Xmx1g -Djava.io.tmpdir="$data/tmp" -jar "$WORK/payara-micro.jar" \
        --deploy "$WORK/daehwa.war" --contextroot / --port "$port" --nocluster \
        >"$logfile" 2>&1 &
    SERVER_PID=$!
    local start=$SECONDS code
    while (( SECONDS - start < 300 )); do   # bounded wait for GET /api/auth/me -> 401
        if ! kill -0 "$SERVER_PID" 2>/dev/null; then
            log "Daehwa ($peer) exited during startup; last lines of its log:"
            tail -n 40 "$logfile" >&2
            SERVER_PID=""
            return 1
        fi
        code=$(curl -s -o /dev/null -m 2 -w '%{http_code}' "http://127.0.0.1:$port/api/auth/me" || true)
        if [[ "$code" == 401 ]]; then
            log "Daehwa ($peer) is up after $((SECONDS - start)) s"
            return 0
        fi
        sleep 1
    done
    log "Daehwa ($peer) did not answer 401 on /api/auth/me within 300 s"
    tail -n 40 "$logfile" >&2
    stop_server
    return 1
}

machine_header() {
    local peer=$1
    echo "# Daehwa load benchmark: peer $peer"
    echo "date:     $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "app:      commit $COMMIT, daehwa.war sha256 $WAR_SHA"
    echo "machine:  $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')), $(free -g | awk '/^Mem:/ {print $2}') GiB RAM, $(uname -sr)"
    echo "java:     $("$JAVA" -version 2>&1 | head -n 1)"
    echo "server:   Payara Micro, -Xmx1g, default password iterations$([[ "$SQL_STATEMENTS" == 1 ]] && echo ", SQL statement counting ON"); client and server share the machine"
    if [[ "$peer" == postgresql ]]; then
        echo "database: $("${PSQL[@]}" -At -c 'SHOW server_version' 2>/dev/null | sed 's/^/PostgreSQL /') on 127.0.0.1:5432, fresh database $PG_DB"
    else
        echo "database: embedded H2 in a fresh DAEHWA_DATA_DIR"
    fi
    echo "run:      ${DURATION} s measured after ${WARMUP} s warm-up, concurrency $CONCURRENCY, $USERS users x $ROOMS rooms, max $MAX_REQUESTS requests, shared ratio $SHARED_RATIO"
    echo "load avg before: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine shows here)"
    echo
}

STATUS=0
STAMP=$(date +%Y-%m-%d)
mkdir -p "$BENCH_DIR/results"

for peer in $PEERS; do
    port=${PORT[$peer]:?unknown peer $peer (h2 or postgresql)}
    data="$WORK/$peer"
    mkdir -p "$data"
    extra_env=()
    suffix=${TAG:+-$TAG}
    if [[ "$SQL_STATEMENTS" == 1 ]]; then
        extra_env+=(DAEHWA_SQL_STATEMENT_HEADER=true)
        suffix="$suffix-sql"
    fi
    pg_args=()
    if [[ "$peer" == postgresql ]]; then
        if ! "${PSQL[@]}" -c 'SELECT 1' >/dev/null 2>&1; then
            log "SKIPPED postgresql: no PostgreSQL answers as postgres on 127.0.0.1:5432"
            STATUS=1
            continue
        fi
        "${PSQL[@]}" -c "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)" -c "CREATE DATABASE $PG_DB"
        extra_env+=(DAEHWA_DB_URL="jdbc:postgresql://127.0.0.1:5432/$PG_DB" DAEHWA_DB_USER=postgres)
        pg_args=(--pg-db "$PG_DB")
    fi
    if ! start_server "$peer" "$port" "$data" "$data/server.log" "${extra_env[@]}"; then
        STATUS=1
        continue
    fi

    out="$BENCH_DIR/results/$STAMP-$peer$suffix.txt"
    machine_header "$peer" >"$out"
    log "running ChatLoad against $peer for ${DURATION} s with $CONCURRENCY virtual threads"
    set +e
    "$JAVA" -cp "$CLASSPATH_BENCH" dev.daehwa.bench.ChatLoad "http://127.0.0.1:$port/" \
        --users "$USERS" --rooms "$ROOMS" --concurrency "$CONCURRENCY" --duration "$DURATION" --warmup "$WARMUP" \
        --max-requests "$MAX_REQUESTS" --shared-ratio "$SHARED_RATIO" \
        --server-pid "$SERVER_PID" "${pg_args[@]}" 2>&1 | tee -a "$out"
    rc=${PIPESTATUS[0]}
    set -e
    echo "load avg after: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$out"
    if (( rc != 0 )); then
        log "ChatLoad against $peer failed (exit $rc); last lines of the server log:"
        tail -n 20 "$data/server.log" >&2
        STATUS=1
    fi
    stop_server
    log "Daehwa ($peer) stopped; results in ${out#"$ROOT_DIR"/}"
    if [[ "$peer" == postgresql ]]; then
        "${PSQL[@]}" -c "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)" || true
    fi
done

exit "$STATUS"
