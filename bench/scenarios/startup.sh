#!/usr/bin/env bash
# Scenario 5, startup and footprint: launch → first 200 on /health and RSS after startup, for
# Daehwa on PostgreSQL against an empty WAR (bench/peers/empty-war: one servlet answering 200 on
# /health) on the same Payara Micro with the same JVM flags; and RSS after load. Each RUNS (2)
# times, alternating, medians.
#
#   bench/scenarios/startup.sh              # full: 2 runs each, about 2 minutes
#   SMOKE=1 bench/scenarios/startup.sh      # 1 run each
#
# Both boot on STARTUP_CPUS (every core: the machine, as the other scenarios boot), sized by
# boot_java_opts as the measured servers of the other scenarios are, and nothing else runs
# meanwhile. Every Daehwa run gets a fresh database (so Flyway migrates the schema each time: what
# a first boot costs) and a fresh DAEHWA_DATA_DIR. Search is on (the default), as in production.
#
# RSS after load: for Daehwa, the write scenario's server at the end of its ramp (after
# scenario 3), read from $RESULTS/write-steps.txt when that run measured the same
# WAR; otherwise this script runs the write scenario's generator itself for LOAD_SECONDS. For the
# empty WAR, GET /health at LOAD_RATE for EMPTY_LOAD_SECONDS.
#
# Writes bench/results/startup.md; raw lines in bench/results/startup-steps.txt.
#
# Environment (all optional): RUNS (2; SMOKE 1), LOAD_RATE (50/s), LOAD_SECONDS (20; SMOKE 5),
# EMPTY_LOAD_SECONDS (3; SMOKE 2), SETTLE_SECONDS (2: idle time between the first 200 and the
# "after startup" RSS), PORT (18150), PG_DB (daehwa_startup_bench), goals STARTUP_GOAL_MS (12000),
# RSS_GOAL_MB (450), OVERHEAD_GOAL_PCT (20), OUT (bench/results/startup.md), plus lib.sh's
# JAVA_HOME, DAEHWA_WAR, PAYARA_MICRO_JAR, STARTUP_CPUS, SERVER_CPUS, CLIENT_CPUS, SERVER_JAVA_OPTS.
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
source "$(dirname "$0")/write-report.sh"

SMOKE=${SMOKE:-0}
if [[ "$SMOKE" == 1 ]]; then
    RUNS=${RUNS:-1}
    LOAD_SECONDS=${LOAD_SECONDS:-5}
    EMPTY_LOAD_SECONDS=${EMPTY_LOAD_SECONDS:-2}
else
    # two runs, not three: the whole of bench/run must fit in 15 minutes, and the runs so far
    # differed by far less than the gap to the goals
    RUNS=${RUNS:-2}
    LOAD_SECONDS=${LOAD_SECONDS:-20}
    EMPTY_LOAD_SECONDS=${EMPTY_LOAD_SECONDS:-3}
fi
LOAD_RATE=${LOAD_RATE:-50}
SETTLE_SECONDS=${SETTLE_SECONDS:-2}
PORT=${PORT:-18150}
PG_DB=${PG_DB:-daehwa_startup_bench}
STARTUP_GOAL_MS=${STARTUP_GOAL_MS:-12000}
RSS_GOAL_MB=${RSS_GOAL_MB:-450}
OVERHEAD_GOAL_PCT=${OVERHEAD_GOAL_PCT:-20}
OUT=${OUT:-${RESULTS:-$BENCH_DIR/results}/startup.md}
if [[ ! "$PG_DB" =~ ^[a-z0-9_]+$ ]] || (( RUNS < 1 || RUNS > 9 )); then
    echo "PG_DB must be lower-case letters, digits or _; RUNS 1..9" >&2
    exit 2
fi
require_tools curl psql taskset
scenario_workspace startup "$PG_DB"

snapshot_bench "$WORK"
snapshot_app "$WORK"
WAR_SHA=$(sha256sum "$WORK/daehwa.war" | cut -c1-12)
log "building the empty WAR peer"
mvn -q -B -f "$BENCH_DIR/peers/empty-war/pom.xml" package
cp "$BENCH_DIR/peers/empty-war/target/empty.war" "$WORK/empty.war"
PAYARA_VERSION="(payara-micro.jar sha256 $(sha256sum "$WORK/payara-micro.jar" | cut -c1-12))"
BASE="http://127.0.0.1:$PORT/"
mb() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }

# Daehwa's RSS at the end of the write scenario, when it measured these bytes within the last hour
WRITE_STEPS="${RESULTS:-$BENCH_DIR/results}/write-steps.txt"
WRITE_RSS=""
if [[ -n "$(find "$WRITE_STEPS" -mmin -60 2>/dev/null)" ]]; then
    WRITE_RSS=$(awk -v sha="$WAR_SHA" '$1 == "rss" { delete v; for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
        if (v["war_sha"] == sha) r = v["rss_end_kib"] } END { print r }' "$WRITE_STEPS")
fi
if [[ -n "$WRITE_RSS" ]]; then
    log "Daehwa's RSS after load: ${WRITE_RSS} KiB at the end of the write scenario (same WAR, $WRITE_STEPS)"
fi

for run in $(seq 1 "$RUNS"); do
    # --- Daehwa ---
    log "run $run/$RUNS: Daehwa (fresh database $PG_DB, DAEHWA_PASSWORD_ITERATIONS=1024)"
    fresh_database "$PG_DB"
    boot_payara "$WORK" daehwa.war "$PORT" "$WORK/data-daehwa-$run" "$WORK/daehwa-$run.log" /health \
        DAEHWA_DB_URL="jdbc:postgresql://127.0.0.1:5432/$PG_DB" DAEHWA_DB_USER=postgres DAEHWA_PASSWORD_ITERATIONS=1024
    startup=$SERVER_STARTUP_MS
    cpu_start=$(cpu_ticks "$SERVER_PID")
    sleep "$SETTLE_SECONDS"
    rss_start=$(rss_kib "$SERVER_PID")
    if [[ -n "$WRITE_RSS" ]]; then
        rss_load=$WRITE_RSS
    else
        pin_server "$SERVER_PID"
        pinned "$CLIENT_CPUS" timeout 300 "$JAVA" -cp "$BENCH_CLASSPATH" dev.daehwa.bench.db.WriteLoad "$BASE" \
            --users 4 --rooms 8 --rates "$LOAD_RATE" --step-seconds "$LOAD_SECONDS" --warmup-seconds 0 \
            --server-pid "$SERVER_PID" --pg-db "$PG_DB" --side "daehwa-run$run" --out "$STEPS" >"$WORK/load-$run.txt"
        grep '^step ' "$WORK/load-$run.txt" >&2 || true
        rss_load=$(rss_kib "$SERVER_PID")
    fi
    echo "run side=daehwa run=$run startup_ms=$startup rss_start_kib=$rss_start rss_load_kib=$rss_load cpu_startup_s=$(cpu_seconds "$cpu_start")" >>"$STEPS"
    stop_server

    # --- empty WAR ---
    log "run $run/$RUNS: empty WAR"
    boot_payara "$WORK" empty.war "$PORT" "$WORK/data-empty-$run" "$WORK/empty-$run.log" /health
    startup=$SERVER_STARTUP_MS
    cpu_start=$(cpu_ticks "$SERVER_PID")
    sleep "$SETTLE_SECONDS"
    rss_start=$(rss_kib "$SERVER_PID")
    pin_server "$SERVER_PID"
    pinned "$CLIENT_CPUS" timeout 120 "$JAVA" -cp "$BENCH_CLASSPATH" dev.daehwa.bench.db.GetLoad "$BASE" \
        --path /health --rate "$LOAD_RATE" --seconds "$EMPTY_LOAD_SECONDS" --side "empty-run$run" --out "$STEPS" >&2
    rss_load=$(rss_kib "$SERVER_PID")
    echo "run side=empty run=$run startup_ms=$startup rss_start_kib=$rss_start rss_load_kib=$rss_load cpu_startup_s=$(cpu_seconds "$cpu_start")" >>"$STEPS"
    stop_server
done

# --- report ------------------------------------------------------------------------------
runs_of() { awk -v side="$1" -v key="$2" '$1 == "run" { delete v; for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] } if (v["side"] == side) print v[key] }' "$STEPS"; }
med() { median $(runs_of "$1" "$2"); }
D_START=$(med daehwa startup_ms); E_START=$(med empty startup_ms)
D_RSS=$(med daehwa rss_start_kib); E_RSS=$(med empty rss_start_kib)
D_RSSL=$(med daehwa rss_load_kib); E_RSSL=$(med empty rss_load_kib)
D_CPU=$(med daehwa cpu_startup_s); E_CPU=$(med empty cpu_startup_s)
overhead() { awk -v a="$1" -v b="$2" 'BEGIN { if (b + 0 == 0) print "–"; else printf "%+.0f %%", 100 * (a / b - 1) }'; }
within() { awk -v a="$1" -v g="$2" 'BEGIN { print (a + 0 <= g + 0) ? "**met**" : "**not met**" }'; }
over_ok() { awk -v a="$1" -v b="$2" -v g="$OVERHEAD_GOAL_PCT" 'BEGIN { print (b + 0 > 0 && 100 * (a / b - 1) < g) ? "**met**" : "**not met**" }'; }
MINUTES=$(awk -v s=$((SECONDS - RUN_START)) 'BEGIN { printf "%.1f", s / 60 }')
mkdir -p "$(dirname "$OUT")"
{
    echo "## Startup and footprint$([[ "$SMOKE" == 1 ]] && echo " (SMOKE run: one run, short load, not a measurement)")"
    echo
    echo "$MACHINE"
    echo "- date: $(date -u +%Y-%m-%dT%H:%M:%SZ), whole run ${MINUTES} min; daehwa.war sha256 $WAR_SHA"
    echo "- both: Payara Micro $PAYARA_VERSION, \`java $(boot_java_opts) -jar payara-micro.jar --deploy … --contextroot / --nocluster\`, booted on core(s) $STARTUP_CPUS (the whole machine; nothing else runs); startup = launch → first 200 on /health (polled every 0.2 s); RSS = VmRSS, \"after startup\" $SETTLE_SECONDS s after the first 200."
    if [[ -n "$WRITE_RSS" ]]; then
        echo "- Daehwa: PostgreSQL, a fresh database every run (Flyway migrates: a first boot), fresh data directory, search on (default). RSS after load: the write scenario's server (same WAR, this run) at the end of its ramp to saturation of POST /api/messages"
    else
        echo "- Daehwa: PostgreSQL, a fresh database every run (Flyway migrates: a first boot), fresh data directory, search on (default), DAEHWA_PASSWORD_ITERATIONS=1024 (the load's setup logins). Load (no write scenario result for this WAR): the write scenario's open-loop generator, 4 users × 8 rooms, POST /api/messages at $LOAD_RATE/s for $LOAD_SECONDS s, pinned to core(s) $SERVER_CPUS"
    fi
    echo "- empty WAR (bench/peers/empty-war): one servlet on /health; load: GET /health at $LOAD_RATE/s for $EMPTY_LOAD_SECONDS s, pinned to core(s) $SERVER_CPUS"
    echo "- $RUNS run(s) each, Daehwa and the empty WAR alternating; medians"
    echo "- load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo
    echo "| metric | Daehwa | peer (empty WAR) | ratio |"
    echo "|---|---:|---:|---:|"
    echo "| startup: launch → first 200 on /health, ms | $D_START | $E_START | $(ratio "$D_START" "$E_START") |"
    echo "| server CPU s used until the first 200 | $D_CPU | $E_CPU | $(ratio "$D_CPU" "$E_CPU") |"
    echo "| RSS after startup, MB | $(mb "$D_RSS") | $(mb "$E_RSS") | $(ratio "$D_RSS" "$E_RSS") |"
    echo "| RSS after load, MB | $(mb "$D_RSSL") | $(mb "$E_RSSL") | $(ratio "$D_RSSL" "$E_RSSL") |"
    echo
    echo "Goals:"
    echo
    echo "- startup ≤ $STARTUP_GOAL_MS ms: $D_START ms, $(within "$D_START" "$STARTUP_GOAL_MS")"
    echo "- RSS ≤ $RSS_GOAL_MB MB: $(mb "$D_RSS") MB after startup, $(within "$(mb "$D_RSS")" "$RSS_GOAL_MB"); $(mb "$D_RSSL") MB after load, $(within "$(mb "$D_RSSL")" "$RSS_GOAL_MB")"
    echo "- overhead over the empty WAR < $OVERHEAD_GOAL_PCT %: startup $(overhead "$D_START" "$E_START"), $(over_ok "$D_START" "$E_START"); RSS after startup $(overhead "$D_RSS" "$E_RSS"), $(over_ok "$D_RSS" "$E_RSS"); RSS after load $(overhead "$D_RSSL" "$E_RSSL"), $(over_ok "$D_RSSL" "$E_RSSL")"
    echo
    echo "Per run:"
    echo
    echo "| run | side | startup ms | CPU s to first 200 | RSS after startup MB | RSS after load MB |"
    echo "|---:|---|---:|---:|---:|---:|"
    awk '$1 == "run" { delete v; for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
        printf "| %s | %s | %s | %s | %.0f | %.0f |\n", v["run"], v["side"], v["startup_ms"], v["cpu_startup_s"], v["rss_start_kib"] / 1024, v["rss_load_kib"] / 1024 }' "$STEPS"
    echo
    echo "The load during each run (latency from the planned send time):"
    echo
    echo "| run | side | op | target/s | achieved/s | p50 ms | p99 ms | p99.9 ms | max ms | errors | server JVM CPU s / 1,000 ops |"
    echo "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"
    awk "$STEP_PASS_AWK"'$1 == "step" {
        side = val("side"); run = side; sub(/.*-run/, "", run); sub(/-run[0-9]+$/, "", side)
        printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", run, side, val("op"), val("target"), val("achieved"),
            val("p50"), val("p99"), val("p999"), val("max"), val("errors") + val("dropped"), per_k(val("server_cpu")) }' "$STEPS"
} >"$OUT"
cp "$STEPS" "${OUT%.md}-steps.txt"
log "report in ${OUT#"$ROOT_DIR"/}, raw lines in ${OUT%.md}-steps.txt"
cat "$OUT"
