#!/usr/bin/env bash
# Scenario 4, room list and history at scale: a reader in 200 rooms, 1,000,000 messages in the
# database. p50/p99 of GET /api/rooms and of a history page (GET /api/messages?room=…&limit=50)
# at a fixed moderate rate, open-loop; against the raw SQL of the same answers run by pgbench
# (bench/peers/pgbench/rooms.sql, history.sql); plus a separate pass that counts SQL statements
# per request (DAEHWA_SQL_STATEMENT_HEADER=true) and captures the SQL from the PostgreSQL log.
#
#   bench/scenarios/rooms.sh              # full: 1,000,000 messages, 30 s measured, about 3 minutes
#   SMOKE=1 bench/scenarios/rooms.sh      # 10,000 messages, 5 s measured, about 1.5 minutes
#
# Steps: (1) fresh database with log_statement=all (this database only); the app boots with
# DAEHWA_SQL_STATEMENT_HEADER=true, creates the schema, and the reader and 8 other users register
# through the API; (2) while that server idles, bench/sql/rooms-data.sql writes 1,000 rooms (the
# reader in every 5th) and the messages with SQL (the app keeps no cache of rows: no shared cache,
# search off); (3) on that same server, the counted pass: statements per request, and the SQL of
# one room list and one history page from the PostgreSQL log; it stops, and log_statement is reset;
# (4) the measured pass on a fresh boot of the app as it runs normally; (5) pgbench with the same
# SQL at the same rates. Both boots start on all cores (startup is not measured here; lib.sh
# boot_payara) and the measured one is pinned to SERVER_CPUS before its warm-up. Search is off
# (DAEHWA_SEARCH=off) in both: neither endpoint touches it, and rebuilding the index of a million
# bulk-loaded messages would take minutes of the server's CPU (bench/search.sh measures that).
#
# Writes bench/results/rooms.md; raw step lines in bench/results/rooms-steps.txt.
#
# Environment (all optional): MESSAGES (1000000; SMOKE 10000), ROOMS_TOTAL (1000), READER_EVERY
# (5: the reader is in ROOMS_TOTAL / 5 = 200 rooms), ROOMS_RATE (5 room lists/s), HISTORY_RATE (20
# pages/s), SECONDS_MEASURED (20; SMOKE 5), WARMUP_SECONDS (6; SMOKE 3), COUNT_REQUESTS (50; SMOKE 5),
# PG_CLIENTS (4), PORT (18140), PG_DB (daehwa_rooms_bench), P99_GOAL_MS (15), OUT
# (bench/results/rooms.md), plus lib.sh's JAVA_HOME, DAEHWA_WAR, PAYARA_MICRO_JAR, SERVER_CPUS,
# CLIENT_CPUS, STARTUP_CPUS, SERVER_JAVA_OPTS.
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
source "$(dirname "$0")/write-report.sh"

SMOKE=${SMOKE:-0}
if [[ "$SMOKE" == 1 ]]; then
    MESSAGES=${MESSAGES:-10000}
    SECONDS_MEASURED=${SECONDS_MEASURED:-5}
    WARMUP_SECONDS=${WARMUP_SECONDS:-3}
    COUNT_REQUESTS=${COUNT_REQUESTS:-5}
else
    MESSAGES=${MESSAGES:-1000000}
    SECONDS_MEASURED=${SECONDS_MEASURED:-20} # 30 before; 20 keeps bench/run within 15 minutes
    WARMUP_SECONDS=${WARMUP_SECONDS:-6}
    COUNT_REQUESTS=${COUNT_REQUESTS:-50}
fi
ROOMS_TOTAL=${ROOMS_TOTAL:-1000}
READER_EVERY=${READER_EVERY:-5}
READER_ROOMS=$(( (ROOMS_TOTAL + READER_EVERY - 1) / READER_EVERY ))
ROOMS_RATE=${ROOMS_RATE:-5}
HISTORY_RATE=${HISTORY_RATE:-20}
PG_CLIENTS=${PG_CLIENTS:-4}
PORT=${PORT:-18140}
PG_DB=${PG_DB:-daehwa_rooms_bench}
P99_GOAL_MS=${P99_GOAL_MS:-15}
OUT=${OUT:-${RESULTS:-$BENCH_DIR/results}/rooms.md}
PGBENCH=${PGBENCH:-$(command -v pgbench || echo /usr/lib/postgresql/15/bin/pgbench)}
if [[ ! "$PG_DB" =~ ^[a-z0-9_]+$ ]]; then
    echo "PG_DB must be lower-case letters, digits or _" >&2
    exit 2
fi
require_tools curl psql taskset sha256sum
[[ -x "$PGBENCH" ]] || { log "pgbench is missing (apt-get install -y postgresql-contrib)"; exit 1; }
scenario_workspace rooms "$PG_DB"

snapshot_bench "$WORK"
snapshot_app "$WORK"
WAR_SHA=$(sha256sum "$WORK/daehwa.war" | cut -c1-12)
APP_ENV=(DAEHWA_DB_URL="jdbc:postgresql://127.0.0.1:5432/$PG_DB" DAEHWA_DB_USER=postgres
    DAEHWA_PASSWORD_ITERATIONS=1024 DAEHWA_SEARCH=off)
BASE="http://127.0.0.1:$PORT/"
rooms_load() { pinned "$CLIENT_CPUS" timeout 400 "$JAVA" -cp "$BENCH_CLASSPATH" dev.daehwa.bench.db.RoomsLoad "$@"; }

# --- 1. schema and users, on the counting server ------------------------------------------
# log_statement=all from the start, so that the pool's connections log (the setting applies to new
# sessions); the counted pass in step 3 captures one request's statements from the log.
log "step 1: fresh database $PG_DB (log_statement=all), schema by the app (DAEHWA_SQL_STATEMENT_HEADER=true), users through the API"
fresh_database "$PG_DB"
"${PSQL[@]}" -c "ALTER DATABASE $PG_DB SET log_statement = 'all'"
PG_LOG=$(ls -t /var/log/postgresql/postgresql-*-main.log 2>/dev/null | head -n 1 || true)
boot_payara "$WORK" daehwa.war "$PORT" "$WORK/data" "$WORK/server-count.log" /health "${APP_ENV[@]}" \
    DAEHWA_SQL_STATEMENT_HEADER=true
RUN_ID=$(printf '%x' "$(date +%s)")
READER="r${RUN_ID}_reader"
OTHERS=$(for i in 0 1 2 3 4 5 6 7; do printf 'r%s_o%d,' "$RUN_ID" "$i"; done)
OTHERS=${OTHERS%,}
rooms_load setup "$BASE" --reader "$READER" --others "$OTHERS" --token-out "$WORK/token"

# --- 2. bulk data -------------------------------------------------------------------------
log "step 2: $MESSAGES messages in $ROOMS_TOTAL rooms with SQL (the reader in $READER_ROOMS)"
GEN_START=$SECONDS
"${PSQL[@]}" -d "$PG_DB" -At -v seed=0.42 -v messages="$MESSAGES" -v rooms="$ROOMS_TOTAL" \
    -v reader_every="$READER_EVERY" -v reader="$READER" -v others="$OTHERS" -v unread_max=20 \
    -f "$BENCH_DIR/sql/rooms-data.sql" >"$WORK/data.txt"
GEN_SECONDS=$((SECONDS - GEN_START))
data_field() { sed -n "s/^$1=//p" "$WORK/data.txt"; }
DB_SIZE=$("${PSQL[@]}" -At -c "SELECT pg_size_pretty(pg_database_size('$PG_DB'))")
log "generated in $GEN_SECONDS s: $(tr '\n' ' ' <"$WORK/data.txt"), database $DB_SIZE"

# What the pgbench scripts need: the reader, the token's hash, the reader's rooms (in the room
# list's order, as the app passes them), their members, and the ids of their latest messages
# (room.latest_message_id).
READER_ID=$("${PSQL[@]}" -d "$PG_DB" -At -c "SELECT id FROM app_user WHERE username_key = lower('$READER')")
TOKEN_HASH=$("${PSQL[@]}" -d "$PG_DB" -At -c "SELECT token_hash FROM api_token WHERE user_id = $READER_ID")
[[ "$TOKEN_HASH" =~ ^[0-9a-f]{64}$ ]] || { log "expected one api_token row for the reader, got '$TOKEN_HASH'"; exit 1; }
IFS='|' read -r ROOM_IDS LATEST_IDS < <("${PSQL[@]}" -d "$PG_DB" -At -F'|' -c "
    SELECT string_agg(r.id::text, ',' ORDER BY r.last_activity_at DESC, r.id DESC),
           string_agg(r.latest_message_id::text, ',' ORDER BY r.last_activity_at DESC, r.id DESC)
    FROM membership m JOIN room r ON r.id = m.room_id
    WHERE m.user_id = $READER_ID AND r.archived = FALSE")
[[ -n "$LATEST_IDS" ]] || { log "the reader's rooms have no latest_message_id (is migration V6 in the WAR?)"; exit 1; }
ROOM_BASE=$("${PSQL[@]}" -d "$PG_DB" -At -c "SELECT min(room_id) FROM membership WHERE user_id = $READER_ID")
MEMBER_IDS=$("${PSQL[@]}" -d "$PG_DB" -At -c "
    SELECT string_agg(DISTINCT o.user_id::text, ',') FROM membership m JOIN membership o ON o.room_id = m.room_id
    WHERE m.user_id = $READER_ID")

# --- 3. counted pass: statements per request, and the SQL itself ----------------------------
log "step 3: counted pass on the same server (DAEHWA_SQL_STATEMENT_HEADER=true, log_statement=all on $PG_DB only)"
rooms_load count "$BASE" --token-file "$WORK/token" --requests "$COUNT_REQUESTS" --out "$STEPS"
: >"$WORK/sql-rooms.log"
: >"$WORK/sql-history.log"
if [[ -n "$PG_LOG" && -r "$PG_LOG" ]]; then
    TOKEN=$(cat "$WORK/token")
    capture() { # capture FILE PATH: the statements of $PG_DB logged while one request ran
        local from to
        sleep 0.5
        from=$(stat -c %s "$PG_LOG")
        curl -s -o /dev/null -m 30 -H "Authorization: Bearer $TOKEN" "$BASE$2"
        sleep 0.5
        to=$(stat -c %s "$PG_LOG")
        # the lines of $PG_DB, each with the tab-indented lines that continue a statement over several
        tail -c +"$((from + 1))" "$PG_LOG" | head -c "$((to - from))" \
            | awk -v db="@$PG_DB " '/^\t/ { if (keep) print; next } { keep = index($0, db) > 0 } keep' >"$1" || true
    }
    capture "$WORK/sql-rooms.log" "api/rooms"
    capture "$WORK/sql-history.log" "api/messages?room=$ROOM_BASE&limit=50"
else
    log "no readable PostgreSQL log under /var/log/postgresql: the SQL is not captured"
fi
stop_server
"${PSQL[@]}" -c "ALTER DATABASE $PG_DB RESET log_statement"

# --- 4. measured pass -------------------------------------------------------------------------
log "step 4: measured pass on a fresh boot, open loop: room list $ROOMS_RATE/s + history $HISTORY_RATE/s for $SECONDS_MEASURED s after $WARMUP_SECONDS s warm-up"
boot_payara "$WORK" daehwa.war "$PORT" "$WORK/data" "$WORK/server-measure.log" /health "${APP_ENV[@]}"
STARTUP_MS=$SERVER_STARTUP_MS
pin_server "$SERVER_PID"
rooms_load measure "$BASE" --token-file "$WORK/token" --expect-rooms "$READER_ROOMS" --rooms-rate "$ROOMS_RATE" \
    --history-rate "$HISTORY_RATE" --seconds "$SECONDS_MEASURED" --warmup-seconds "$WARMUP_SECONDS" \
    --server-pid "$SERVER_PID" --pg-db "$PG_DB" --out "$STEPS" | tee "$WORK/measure.txt"
SERVER_RSS_KIB=$(rss_kib "$SERVER_PID")
stop_server

# --- 5. pgbench peer ---------------------------------------------------------------------------
PG_VERSION=$("$PGBENCH" --version)
log "step 5: pgbench ($PG_VERSION): rooms.sql at $ROOMS_RATE/s + history.sql at $HISTORY_RATE/s, $PG_CLIENTS clients"
PGB_VARS=(-D user_id="$READER_ID" -D token_hash="$TOKEN_HASH" -D room_ids="$ROOM_IDS" -D member_ids="$MEMBER_IDS" -D latest_ids="$LATEST_IDS"
    -D room_base="$ROOM_BASE" -D reader_every="$READER_EVERY" -D reader_rooms="$READER_ROOMS")
pgbench_run() { # pgbench_run SECONDS
    pinned "$CLIENT_CPUS" timeout $(($1 + 60)) "$JAVA" -cp "$BENCH_CLASSPATH" dev.daehwa.bench.db.Pgbench \
        --side pgbench --op rooms,history --target "$ROOMS_RATE,$HISTORY_RATE" --seconds "$1" --pg-db "$PG_DB" \
        --log-dir "$WORK/pglog" --timeout $(($1 + 50)) --out "$2" -- \
        "$PGBENCH" -n -M simple -f "$BENCH_DIR/peers/pgbench/rooms.sql@$ROOMS_RATE" \
        -f "$BENCH_DIR/peers/pgbench/history.sql@$HISTORY_RATE" "${PGB_VARS[@]}" \
        -R "$(awk -v a="$ROOMS_RATE" -v b="$HISTORY_RATE" 'BEGIN { print a + b }')" -T "$1" -c "$PG_CLIENTS" -j 1 \
        --log --log-prefix "$WORK/pglog/pgbench" -h 127.0.0.1 -p 5432 -U postgres "$PG_DB"
}
pgbench_run "$WARMUP_SECONDS" "$WORK/pgbench-warmup.txt" >/dev/null
pgbench_run "$SECONDS_MEASURED" "$STEPS" | tee "$WORK/pgbench.txt"

# --- report -------------------------------------------------------------------------------------
f() { step_field "$STEPS" "$1" "$2" "$3"; }
sql_field() { awk -v op="$1" -v key="$2" '$1 == "sql" { for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] } if (v["op"] == op) print v[key] }' "$STEPS"; }
per_k() { awk -v cpu="$1" -v n="$2" 'BEGIN { if (cpu + 0 < 0 || n + 0 == 0) print "–"; else printf "%.2f", 1000 * cpu / n }'; }
read -r _ _ D_SCPU D_PCPU D_REQ < <(awk '$1 == "cpu" && $2 == "total" { for (i = 3; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] } print "x x", v["server_cpu"], v["pg_cpu"], v["requests"] }' "$STEPS")
P_PCPU=$(awk "$STEP_PASS_AWK"'$1 == "step" && val("side") == "pgbench" { s += val("pg_cpu") } END { print s + 0 }' "$STEPS")
P_REQ=$(awk "$STEP_PASS_AWK"'$1 == "step" && val("side") == "pgbench" { s += val("ok") } END { print s + 0 }' "$STEPS")
D_CPU_K=$(per_k "$(awk -v a="$D_SCPU" -v b="$D_PCPU" 'BEGIN { print a + b }')" "$D_REQ")
P_CPU_K=$(per_k "$P_PCPU" "$P_REQ")
goal_word() { awk -v a="$1" -v b="$2" -v g="$P99_GOAL_MS" 'BEGIN { if (a == "" || b == "" || a == "nan" || b == "nan") print "not measured"; else if (a + 0 <= g && b + 0 <= g) print "**met**"; else print "**not met**" }'; }
script_statements() { grep -ciE '^\s*(SELECT|INSERT|UPDATE|DELETE|WITH)\b' "$1"; }
MINUTES=$(awk -v s=$((SECONDS - RUN_START)) 'BEGIN { printf "%.1f", s / 60 }')
show_sql() { # show_sql FILE: the logged statements, one per line, parameters kept
    if [[ -s "$1" ]]; then
        echo '```'
        sed -E 's/^.*(LOG|DETAIL):  //' "$1" | cut -c1-400
        echo '```'
    else
        echo "(not captured)"
    fi
}
mkdir -p "$(dirname "$OUT")"
{
    echo "## Room list and history at $(data_field messages) messages$([[ "$SMOKE" == 1 ]] && echo " (SMOKE run: small data, short, not a measurement)")"
    echo
    echo "$MACHINE"
    echo "- date: $(date -u +%Y-%m-%dT%H:%M:%SZ), whole run ${MINUTES} min; daehwa.war sha256 $WAR_SHA"
    echo "- data (bench/sql/rooms-data.sql, ${GEN_SECONDS} s): $(data_field messages) messages in $(data_field rooms) rooms, skewed (busy and quiet rooms); the reader is in $(data_field reader_rooms) rooms with 5 members each, holding $(data_field reader_room_messages) messages (busiest room $(data_field busiest_reader_room), quietest $(data_field quietest_reader_room)), $(data_field reader_unread) of them unread by the reader; database $DB_SIZE"
    echo "- Daehwa: Payara Micro $(boot_java_opts), $(pinning_note "before the warm-up"), PostgreSQL, DAEHWA_PASSWORD_ITERATIONS=1024 (setup only), DAEHWA_SEARCH=off (neither endpoint uses search; an index rebuild of bulk-loaded data would compete for the CPU); a fresh boot for the measured pass (startup ${STARTUP_MS} ms, not measured), RSS after the load ${SERVER_RSS_KIB} KiB; the statement counts come from an earlier boot with DAEHWA_SQL_STATEMENT_HEADER=true, the one that made the schema and the users"
    echo "- load: open loop, GET /api/rooms at $ROOMS_RATE/s and GET /api/messages?room=…&limit=50 (newest page of a random room of the reader) at $HISTORY_RATE/s side by side, Bearer token, $WARMUP_SECONDS s warm-up then $SECONDS_MEASURED s measured; latency from the planned send time. Every room list is checked to hold $READER_ROOMS rooms and every page min(50, latest seq) messages"
    echo "- peer: $PG_VERSION, \`-M simple -f rooms.sql@$ROOMS_RATE -f history.sql@$HISTORY_RATE -R $(awk -v a="$ROOMS_RATE" -v b="$HISTORY_RATE" 'BEGIN { print a + b }') -T $SECONDS_MEASURED -c $PG_CLIENTS -j 1\` after a $WARMUP_SECONDS s warm-up, pinned to core(s) $CLIENT_CPUS, the same statements the app sent (captured below), latency from the scheduled start; pgbench schedules its transactions as a Poisson process (random gaps), the Java generator evenly, so the peer sees burstier arrivals at the same rate"
    echo "- load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo
    echo "| metric | Daehwa | peer (pgbench, SQL only) | ratio |"
    echo "|---|---:|---:|---:|"
    echo "| room list p50, ms | $(f daehwa rooms p50) | $(f pgbench rooms p50) | $(ratio "$(f daehwa rooms p50)" "$(f pgbench rooms p50)") |"
    echo "| room list p99, ms | $(f daehwa rooms p99) | $(f pgbench rooms p99) | $(ratio "$(f daehwa rooms p99)" "$(f pgbench rooms p99)") |"
    echo "| history page p50, ms | $(f daehwa history p50) | $(f pgbench history p50) | $(ratio "$(f daehwa history p50)" "$(f pgbench history p50)") |"
    echo "| history page p99, ms | $(f daehwa history p99) | $(f pgbench history p99) | $(ratio "$(f daehwa history p99)" "$(f pgbench history p99)") |"
    echo "| CPU s per 1,000 requests (Daehwa: server JVM + PostgreSQL backends; peer: backends) | $D_CPU_K | $P_CPU_K | $(ratio "$D_CPU_K" "$P_CPU_K") |"
    echo "| SQL statements per room list (Daehwa: X-Daehwa-Sql-Statements min–max over $(sql_field rooms n) requests, + 1 token lookup; peer: statements in the script) | $(sql_field rooms min)–$(sql_field rooms max) + 1 | $(script_statements "$BENCH_DIR/peers/pgbench/rooms.sql") | |"
    echo "| SQL statements per history page (same) | $(sql_field history min)–$(sql_field history max) + 1 | $(script_statements "$BENCH_DIR/peers/pgbench/history.sql") | |"
    echo
    echo "Goal: p99 ≤ $P99_GOAL_MS ms for both: $(goal_word "$(f daehwa rooms p99)" "$(f daehwa history p99)") (room list $(f daehwa rooms p99) ms, history $(f daehwa history p99) ms)."
    echo "Statement count constant: room list $(sql_field rooms min)–$(sql_field rooms max), history $(sql_field history min)–$(sql_field history max) over $(sql_field rooms n) requests each on random rooms (the header counts what runs inside the JAX-RS request; the Bearer token lookup in the authentication mechanism runs before it, is not counted, and shows in the log below as one more statement per request)."
    echo
    echo "Per stream:"
    echo
    steps_table "$STEPS" daehwa "$P99_GOAL_MS"
    steps_table "$STEPS" pgbench "$P99_GOAL_MS" | tail -n +3
    echo
    echo "(CPU per 1,000 ops is split between the two streams by completed requests.)"
    echo
    echo "<details><summary>SQL that PostgreSQL logged for one room list and one history page (log_statement=all, counted pass)</summary>"
    echo
    echo "Room list:"
    echo
    show_sql "$WORK/sql-rooms.log"
    echo
    echo "History page:"
    echo
    show_sql "$WORK/sql-history.log"
    echo
    echo "</details>"
} >"$OUT"
cp "$STEPS" "${OUT%.md}-steps.txt"
log "report in ${OUT#"$ROOT_DIR"/}, raw steps in ${OUT%.md}-steps.txt"
cat "$OUT"
