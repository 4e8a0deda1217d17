#!/usr/bin/env bash
# Daehwa search scale benchmark, in one command, bounded in time (about 7 minutes on 2 cores):
#
#   1. a fresh PostgreSQL database (127.0.0.1:5432, user postgres); the app starts once on it, so
#      that Flyway creates the schema, and the searcher and the room owners register through the
#      API; the app stops;
#   2. bench/sql/search-data.sql writes MESSAGES (1,000,000) short Korean/English messages into
#      ROOMS (2,000) rooms straight with SQL; the searcher is in every SEARCHER_EVERY-th (10th) room;
#   3. the app starts with $DAEHWA_DATA_DIR/search deleted: the time until /health says the search
#      index is ready, the rate, the CPU, and the index size on disk;
#   4. GET /api/search latency as the searcher for a rare, a medium and a common Korean term,
#      then the same searches as ILIKE '%term%' over JDBC (SearchLoad measure);
#   5. the section "Search at N messages" in docs/benchmarks.md (replaced, or appended), and the
#      full output in bench/results/<date>-search.txt.
#
# Environment: MESSAGES (1000000), ROOMS (2000), SEARCHER_EVERY (10), PORT (18090),
# PG_DB (daehwa_search_bench), WARMUP (30 rounds), QUERIES (300 rounds), BUDGET (240 s for the
# API rounds), ILIKE_REPS (20 rounds), ILIKE_BUDGET (150 s), INDEX_TIMEOUT (720 s after launch),
# PROFILE (1: a JFR recording of the rebuild, and of a separate burst of queries after the
# measured ones; hot methods go to the results file), DOC (docs/benchmarks.md; "-" writes none),
# WORK_DIR (a fresh temporary directory; the app's data dir is WORK_DIR/data), KEEP (0; 1 keeps
# WORK_DIR and the database for a look afterwards), RESULTS_DIR (bench/results: where the full output
# goes), DAEHWA_WAR and PAYARA_MICRO_JAR (measured as given instead of building the app),
# BENCH_SNAPSHOT (set by bench/run), JAVA_HOME (temurin 25 when unset).
# Everything talks to 127.0.0.1 only.
set -euo pipefail

cd "$(dirname "$0")"
BENCH_DIR=$(pwd)
ROOT_DIR=$(cd .. && pwd)
RUN_START=$SECONDS

MESSAGES=${MESSAGES:-1000000}
ROOMS=${ROOMS:-2000}
SEARCHER_EVERY=${SEARCHER_EVERY:-10}
PORT=${PORT:-18090}
PG_DB=${PG_DB:-daehwa_search_bench}
WARMUP=${WARMUP:-30}
QUERIES=${QUERIES:-300}
BUDGET=${BUDGET:-240}
ILIKE_REPS=${ILIKE_REPS:-20}
ILIKE_BUDGET=${ILIKE_BUDGET:-150}
INDEX_TIMEOUT=${INDEX_TIMEOUT:-720}
PROFILE=${PROFILE:-1}
DOC=${DOC:-$ROOT_DIR/docs/benchmarks.md}
KEEP=${KEEP:-0}
# The measured terms: orders of magnitude apart by design (see search-data.sql).
RARE=도토리 RARE_P=0.0002
MEDIUM=배포 MEDIUM_P=0.01
COMMON=회의 COMMON_P=0.30
if [[ ! "$PG_DB" =~ ^[a-z0-9_]+$ ]]; then
    echo "PG_DB must be lower-case letters, digits or _" >&2
    exit 2
fi
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA="$JAVA_HOME/bin/java"
PSQL=(psql -h 127.0.0.1 -p 5432 -U postgres -v ON_ERROR_STOP=1 -q)
BASE="http://127.0.0.1:$PORT/"

log() { printf '[search-bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# --- build ---------------------------------------------------------------------------------
# Alone, always built: a WAR left in target/ by an earlier build would be measured under this
# commit's name. Under bench/run, the run's copy of the app and of the load generators is measured,
# the same bytes as every other scenario (DAEHWA_WAR and PAYARA_MICRO_JAR, BENCH_SNAPSHOT).
APP_WAR=${DAEHWA_WAR:-}
APP_LAUNCHER=${PAYARA_MICRO_JAR:-$ROOT_DIR/target/payara-micro.jar}
if [[ -z "$APP_WAR" ]]; then
    log "building the app"
    mvn -q -B -f ../pom.xml package -Dmaven.test.skip=true
    APP_WAR=$ROOT_DIR/target/daehwa.war
fi
if [[ -n "${BENCH_SNAPSHOT:-}" ]]; then
    CLASSPATH_BENCH="$BENCH_SNAPSHOT/bench-classes:$BENCH_SNAPSHOT/bench-lib/*"
else
    log "building the benchmark"
    mvn -q -B -f pom.xml package
    CLASSPATH_BENCH="$BENCH_DIR/target/classes:$BENCH_DIR/target/lib/*"
fi

if [[ -n "${WORK_DIR:-}" ]]; then
    WORK=$WORK_DIR
    if [[ -e "$WORK" && -n "$(ls -A "$WORK")" ]]; then
        echo "WORK_DIR $WORK exists and is not empty" >&2
        exit 2
    fi
    mkdir -p "$WORK"
else
    WORK=$(mktemp -d "${TMPDIR:-/tmp}/daehwa-search-bench.XXXXXX")
fi
# A snapshot of the launcher and the WAR: a rebuild in the work tree cannot change what runs.
cp "$APP_LAUNCHER" "$WORK/payara-micro.jar"
cp "$APP_WAR" "$WORK/daehwa.war"
WAR_SHA=$(sha256sum "$WORK/daehwa.war" | cut -c1-12)
COMMIT=$(git -C "$ROOT_DIR" rev-parse --short HEAD 2>/dev/null || echo unknown)
if [[ -n "$(git -C "$ROOT_DIR" status --porcelain -- ../src ../pom.xml 2>/dev/null)" ]]; then
    COMMIT="$COMMIT (work tree has changes)"
fi
DATA="$WORK/data"
SERVER_LOG="$WORK/server.log"
mkdir -p "$DATA/tmp"

SERVER_PID=""
stop_server() {
    if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill "$SERVER_PID" 2>/dev/null || true
        for _ in $(seq 1 60); do           # up to 30 s for a clean shutdown (it commits the index)
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
    if [[ "$KEEP" != 1 ]]; then
        rm -rf "$WORK"
        "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)" >/dev/null 2>&1 || true
    else
        log "kept $WORK and the database $PG_DB"
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# launch_server [JVM options...]: starts the app in the background, does not wait.
launch_server() {
    if port_in_use "$PORT"; then
        log "port $PORT is already in use; choose another with PORT="
        return 1
    fi
    env DAEHWA_DATA_DIR="$DATA" DAEHWA_DB_URL="jdbc:postgresql://127.0.0.1:5432/$PG_DB" DAEHWA_DB_USER=postgres \
        "$JAVA" -Xms1g -Xmx1g -Djava.io.tmpdir="$DATA/tmp" "$@" -jar "$WORK/payara-micro.jar" \
        --deploy "$WORK/daehwa.war" --contextroot / --port "$PORT" --nocluster \
        >>"$SERVER_LOG" 2>&1 &
    SERVER_PID=$!
}

# await_api: GET /api/auth/me answers 401, within 300 s.
await_api() {
    local start=$SECONDS code
    while (( SECONDS - start < 300 )); do
        if ! kill -0 "$SERVER_PID" 2>/dev/null; then
            log "Daehwa exited during startup; last lines of its log:"
            tail -n 40 "$SERVER_LOG" >&2
            SERVER_PID=""
            return 1
        fi
        code=$(curl -s -o /dev/null -m 2 -w '%{http_code}' "${BASE}api/auth/me" || true)
        if [[ "$code" == 401 ]]; then
            log "Daehwa is up after $((SECONDS - start)) s"
            return 0
        fi
        sleep 1
    done
    log "Daehwa did not answer 401 on /api/auth/me within 300 s"
    tail -n 40 "$SERVER_LOG" >&2
    stop_server
    return 1
}

bench() { "$JAVA" -cp "$CLASSPATH_BENCH" dev.daehwa.bench.SearchLoad "$@"; }

STAMP=$(date +%Y-%m-%d)
RESULTS_DIR=${RESULTS_DIR:-$BENCH_DIR/results}
mkdir -p "$RESULTS_DIR"
OUT="$RESULTS_DIR/$STAMP-search.txt"
: >"$OUT"
say() { echo "$*" | tee -a "$OUT"; }

say "# Daehwa search scale benchmark"
say "date:     $(date -u +%Y-%m-%dT%H:%M:%SZ)"
say "app:      commit $COMMIT, daehwa.war sha256 $WAR_SHA"
say "machine:  $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')), $(free -g | awk '/^Mem:/ {print $2}') GiB RAM, $(uname -sr)"
say "java:     $("$JAVA" -version 2>&1 | head -n 1)"
say "server:   Payara Micro, -Xms1g -Xmx1g (a fixed heap, as a server runs), 127.0.0.1:$PORT, data dir $DATA$([[ "$PROFILE" == 1 ]] && echo ", JFR (default settings) recording during the rebuild")"
say "data:     $MESSAGES messages, $ROOMS rooms, searcher in every ${SEARCHER_EVERY}th room; terms $RARE ($RARE_P) $MEDIUM ($MEDIUM_P) $COMMON ($COMMON_P)"
say "load avg at start: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine shows here)"
say ""

# --- 1. fresh database, schema by the app, users through the API ----------------------------
if ! "${PSQL[@]}" -d postgres -c 'SELECT 1' >/dev/null 2>&1; then
    log "no PostgreSQL answers as postgres on 127.0.0.1:5432"
    exit 1
fi
say "database: $("${PSQL[@]}" -d postgres -At -c 'SHOW server_version' | sed 's/^/PostgreSQL /'), fresh database $PG_DB"
"${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)" -c "CREATE DATABASE $PG_DB"

RUN_ID=$(printf '%x' "$(date +%s)")
SEARCHER="s${RUN_ID}_searcher"
OWNERS="s${RUN_ID}_owner0,s${RUN_ID}_owner1,s${RUN_ID}_owner2,s${RUN_ID}_owner3"

log "step 1: first boot (Flyway creates the schema), users through the API"
launch_server
await_api
bench setup "$BASE" --searcher "$SEARCHER" --owners "$OWNERS" 2>&1 | tee -a "$OUT"
stop_server

# --- 2. bulk data with SQL ------------------------------------------------------------------
log "step 2: $MESSAGES messages in $ROOMS rooms with SQL"
GEN_START=$SECONDS
"${PSQL[@]}" -d "$PG_DB" \
    -v seed=0.42 -v messages="$MESSAGES" -v rooms="$ROOMS" -v searcher_every="$SEARCHER_EVERY" \
    -v searcher="$SEARCHER" -v owners="$OWNERS" \
    -v rare="$RARE" -v rare_p="$RARE_P" -v medium="$MEDIUM" -v medium_p="$MEDIUM_P" \
    -v common="$COMMON" -v common_p="$COMMON_P" \
    -f "$BENCH_DIR/sql/search-data.sql" 2>&1 | tee -a "$OUT"
GEN_SECONDS=$((SECONDS - GEN_START))
say "generated in $GEN_SECONDS s; database size $("${PSQL[@]}" -d "$PG_DB" -At -c "SELECT pg_size_pretty(pg_database_size('$PG_DB'))")"
DATA_SUMMARY=$("${PSQL[@]}" -d "$PG_DB" -At -F' ' -c "
    SELECT round(100.0 * count(*) FILTER (WHERE content ~ '[가-힣]') / count(*)) || '% with Hangul, '
        || round(avg(char_length(content))) || ' characters on average'
    FROM message")
say "sample messages:"
"${PSQL[@]}" -d "$PG_DB" -At -c "SELECT '  ' || content FROM message ORDER BY (id * 7919) % 1000003 LIMIT 10" | tee -a "$OUT"
say ""

# --- 3. index build: boot with the search directory deleted --------------------------------
log "step 3: boot with \$DAEHWA_DATA_DIR/search deleted; rebuild until /health says ready"
rm -rf "$DATA/search"
BUILD_PROPS="$WORK/build.properties"
jfr_opts=()
if [[ "$PROFILE" == 1 ]]; then
    jfr_opts=(-XX:StartFlightRecording=name=rebuild,settings=default)
fi
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
LOG_LINES_BEFORE=$(wc -l <"$SERVER_LOG")
LAUNCHED_MS=$(date +%s%3N)
launch_server "${jfr_opts[@]}"
set +e
bench await-index "$BASE" --launched-ms "$LAUNCHED_MS" --timeout "$INDEX_TIMEOUT" --server-pid "$SERVER_PID" \
    --pg-db "$PG_DB" --out "$BUILD_PROPS" 2>&1 | tee -a "$OUT"
rc=${PIPESTATUS[0]}
set -e
INDEX_BYTES=$(du -sb "$DATA/search" | cut -f1)
echo "load_before=$LOAD_BEFORE" >>"$BUILD_PROPS"
REBUILD_LINE=$(tail -n +"$((LOG_LINES_BEFORE + 1))" "$SERVER_LOG" | grep -o 'Search index rebuilt: [0-9]* messages, in [0-9]* s' | tail -n 1 || true)
REBUILD_SECONDS=$(sed -n 's/.* in \([0-9]*\) s$/\1/p' <<<"$REBUILD_LINE")
say "server log: ${REBUILD_LINE:-no 'Search index rebuilt' line}"
say "index size: $INDEX_BYTES bytes ($(du -sh "$DATA/search" | cut -f1)), $(find "$DATA/search" -type f | wc -l) files"
if [[ "$PROFILE" == 1 ]]; then
    jcmd "$SERVER_PID" JFR.dump name=rebuild filename="$WORK/rebuild.jfr" >/dev/null || true
    jcmd "$SERVER_PID" JFR.stop name=rebuild >/dev/null || true
fi
if (( rc != 0 )); then
    log "the index was not ready in time; last lines of the server log:"
    tail -n 30 "$SERVER_LOG" >&2
    exit 1
fi

# --- 4. query latency through the API, then ILIKE --------------------------------------------
log "step 4: query latency as the searcher, then ILIKE over JDBC"
MEASURE_ARGS=(--searcher "$SEARCHER" --terms "$RARE,$MEDIUM,$COMMON" --labels "rare,medium,common"
    --warmup "$WARMUP" --queries "$QUERIES" --budget "$BUDGET"
    --server-pid "$SERVER_PID")
doc_args=()
if [[ "$DOC" != - ]]; then
    doc_args=(--doc "$DOC")
fi
say ""
set +e
bench measure "$BASE" "${MEASURE_ARGS[@]}" \
    --ilike-reps "$ILIKE_REPS" --ilike-budget "$ILIKE_BUDGET" \
    --jdbc "jdbc:postgresql://127.0.0.1:5432/$PG_DB" --pg-db "$PG_DB" \
    --build "$BUILD_PROPS" --index-bytes "$INDEX_BYTES" ${REBUILD_SECONDS:+--rebuild-log-seconds "$REBUILD_SECONDS"} \
    --messages "$MESSAGES" --rooms "$ROOMS" --searcher-rooms "$(( (ROOMS + SEARCHER_EVERY - 1) / SEARCHER_EVERY ))" \
    --generate-seconds "$GEN_SECONDS" --data-summary "$DATA_SUMMARY" \
    --commit "$COMMIT" --war-sha "$WAR_SHA" \
    "${doc_args[@]}" 2>&1 | tee -a "$OUT"
STATUS=${PIPESTATUS[0]}
set -e

# --- diagnostics: where the time goes (not part of the figures) ----------------------------
say ""
say "## Diagnostics (after the measurements; not part of the figures)"
IFS='|' read -r MID_AT MID_ID < <("${PSQL[@]}" -d "$PG_DB" -At -F'|' -c "
    SELECT changed_at, id FROM message ORDER BY changed_at, id OFFSET $(( MESSAGES / 2 )) LIMIT 1")
say "Catch-up query at the middle of the rebuild (what SearchIndexer reads, 2000 at a time, after $MID_AT / $MID_ID):"
"${PSQL[@]}" -d "$PG_DB" -At -c "
    EXPLAIN (ANALYZE, BUFFERS)
    SELECT id, room_id, seq, sender_id, content, created_at, deleted, changed_at FROM message
    WHERE changed_at > '$MID_AT' OR (changed_at = '$MID_AT' AND id > $MID_ID)
    ORDER BY changed_at, id LIMIT 2000" 2>&1 | sed 's/^/  /' | tee -a "$OUT" || true
if [[ "$PROFILE" == 1 && -f "$WORK/rebuild.jfr" ]]; then
    say ""
    say "JFR of the rebuild (launch → ready), hot methods:"
    "$JAVA_HOME/bin/jfr" view --width 160 hot-methods "$WORK/rebuild.jfr" 2>&1 | head -n 40 | tee -a "$OUT" || true
    if kill -0 "$SERVER_PID" 2>/dev/null; then
        say ""
        say "JFR of a separate burst of API searches (100 rounds, not the measured ones), hot methods:"
        jcmd "$SERVER_PID" JFR.start name=queries settings=profile >/dev/null || true
        bench measure "$BASE" "${MEASURE_ARGS[@]}" --warmup 5 --queries 100 --budget 90 --api-only true 2>&1 | tee -a "$OUT" || true
        jcmd "$SERVER_PID" JFR.dump name=queries filename="$WORK/queries.jfr" >/dev/null || true
        jcmd "$SERVER_PID" JFR.stop name=queries >/dev/null || true
        "$JAVA_HOME/bin/jfr" view --width 160 hot-methods "$WORK/queries.jfr" 2>&1 | head -n 40 | tee -a "$OUT" || true
    fi
fi

stop_server
say ""
say "load avg at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
MINUTES=$(awk -v s=$((SECONDS - RUN_START)) 'BEGIN { printf "%.1f", s / 60 }')
say "whole run: $((SECONDS - RUN_START)) s ($MINUTES min)"
# the section was written before the run's length was known; both copies get it now
sed -i "s/@RUN_MINUTES@/$MINUTES/" "$OUT"
if [[ "$DOC" != - && -f "$DOC" ]]; then
    sed -i "s/@RUN_MINUTES@/$MINUTES/" "$DOC"
fi
log "results in ${OUT#"$ROOT_DIR"/}$([[ "$DOC" != - ]] && echo " and ${DOC#"$ROOT_DIR"/}")"
exit "$STATUS"
