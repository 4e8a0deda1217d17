# Shared shell functions for the benchmark scenarios (source it; bash only).
#
#   source "$(dirname "$0")/../lib.sh"     # from bench/scenarios/*.sh
#
# Everything talks to 127.0.0.1 only, and every wait is bounded.
#
# Inputs (environment, all optional):
#   JAVA_HOME         the JDK that runs servers and load generators (Temurin 25 when unset)
#   DAEHWA_WAR        the WAR to measure (default: <repo>/target/daehwa.war, built if missing)
#   PAYARA_MICRO_JAR  the launcher (default: <repo>/target/payara-micro.jar)
#   SERVER_CPUS       cores the server is pinned to with taskset (default: 0)
#   CLIENT_CPUS       cores load generators and peers' clients are pinned to (default: 1)
#   STARTUP_CPUS      cores a server boots on when its startup is not measured (default: all; see boot_payara)
#   BENCH_SNAPSHOT    load generators built and copied once by bench/run (see build_bench)

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT_DIR=$(cd "$BENCH_DIR/.." && pwd)
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA="$JAVA_HOME/bin/java"
SERVER_CPUS=${SERVER_CPUS:-0}
CLIENT_CPUS=${CLIENT_CPUS:-1}
PSQL=(psql -h 127.0.0.1 -p 5432 -U postgres -d postgres -v ON_ERROR_STOP=1 -q)

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# Runs a command pinned to the given cores when taskset exists (util-linux), else as is.
pinned() {
    local cpus=$1
    shift
    if command -v taskset >/dev/null 2>&1 && (( $(nproc) > 1 )); then
        taskset -c "$cpus" "$@"
    else
        "$@"
    fi
}

# The WAR and launcher to measure, copied into $1 so that a rebuild in the work tree during the
# run can neither break it nor make two scenarios measure different bytes.
snapshot_app() {
    local into=$1
    local war=${DAEHWA_WAR:-$ROOT_DIR/target/daehwa.war}
    local launcher=${PAYARA_MICRO_JAR:-$ROOT_DIR/target/payara-micro.jar}
    if [[ ! -f "$war" || ! -f "$launcher" ]]; then
        log "building the app (no $war yet)"
        mvn -q -B -f "$ROOT_DIR/pom.xml" package -Dmaven.test.skip=true
    fi
    mkdir -p "$into"
    cp "$launcher" "$into/payara-micro.jar"
    cp "$war" "$into/daehwa.war"
}

# Builds the load generators (bench/pom.xml) once per script; sets BENCH_CLASSPATH. Under bench/run
# they were built and copied once for the whole run (BENCH_SNAPSHOT), and that copy is used.
build_bench() {
    if [[ -n "${BENCH_SNAPSHOT:-}" ]]; then
        BENCH_CLASSPATH="$BENCH_SNAPSHOT/bench-classes:$BENCH_SNAPSHOT/bench-lib/*"
        return 0
    fi
    if [[ -z "${BENCH_BUILT:-}" ]]; then
        log "building the load generators"
        mvn -q -B -f "$BENCH_DIR/pom.xml" package
        BENCH_BUILT=1
    fi
    BENCH_CLASSPATH="$BENCH_DIR/target/classes:$BENCH_DIR/target/lib/*"
}

# snapshot_bench DIR: builds the load generators and copies the classes and jars into
# DIR/bench-classes and DIR/bench-lib, pointing BENCH_CLASSPATH there, so that another build of
# bench/pom.xml during the run (a clean, or other sources being compiled) cannot pull the classes
# from under it. Tries the build twice if the classes are missing afterwards. Under bench/run, the
# run's snapshot (BENCH_SNAPSHOT, made the same way) is used.
snapshot_bench() {
    local into=$1 attempt
    if [[ -n "${BENCH_SNAPSHOT:-}" ]]; then
        build_bench
        return 0
    fi
    for attempt in 1 2; do
        BENCH_BUILT=""
        build_bench
        rm -rf "$into/bench-classes" "$into/bench-lib"
        mkdir -p "$into"
        cp -r "$BENCH_DIR/target/classes" "$into/bench-classes" 2>/dev/null || true
        cp -r "$BENCH_DIR/target/lib" "$into/bench-lib" 2>/dev/null || true
        if [[ -f "$into/bench-classes/dev/daehwa/bench/BenchApi.class" && -d "$into/bench-lib" ]]; then
            BENCH_CLASSPATH="$into/bench-classes:$into/bench-lib/*"
            return 0
        fi
        log "bench/target lacks the load generators after the build (another build running?); attempt $attempt"
        sleep 5
    done
    return 1
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

SERVER_PID=""
SERVER_STARTUP_MS=""

# The benches measure the server's work, and set up from one address (127.0.0.1) and post from
# a few users far faster than people do; the abuse limits are raised out of their way. Settings a
# scenario passes after them win.
BENCH_LIMITS=(DAEHWA_LIMIT_LOGINS_PER_CLIENT=1000000/1s DAEHWA_LIMIT_SIGNUPS_PER_CLIENT=1000000/1s
    DAEHWA_LIMIT_TOKENS_PER_CLIENT=1000000/1s DAEHWA_LIMIT_POSTS_PER_USER=1000000/1s)

# start_payara WAR_DIR WAR_FILE PORT DATA_DIR LOG HEALTH_PATH [ENV=VALUE...]
# Starts Payara Micro pinned to SERVER_CPUS and waits (at most 300 s) until HEALTH_PATH answers
# 200; sets SERVER_PID and SERVER_STARTUP_MS (launch to first 200).
start_payara() {
    local dir=$1 war=$2 port=$3 data=$4 logfile=$5 health=$6
    shift 6
    if port_in_use "$port"; then
        log "port $port is already in use; not starting a server there"
        return 1
    fi
    mkdir -p "$data/tmp"
    local started
    started=$(date +%s%3N)
    env DAEHWA_DATA_DIR="$data" "${BENCH_LIMITS[@]}" "$@" \
        taskset -c "$SERVER_CPUS" "$JAVA" ${SERVER_JAVA_OPTS:--Xmx1g} -Djava.io.tmpdir="$data/tmp" \
        -jar "$dir/payara-micro.jar" --deploy "$dir/$war" --contextroot / --port "$port" --nocluster \
        >"$logfile" 2>&1 &
    SERVER_PID=$!
    local code
    while (( $(date +%s%3N) - started < 300000 )); do
        if ! kill -0 "$SERVER_PID" 2>/dev/null; then
            log "the server exited during startup; last lines of its log:"
            tail -n 40 "$logfile" >&2
            SERVER_PID=""
            return 1
        fi
        code=$(curl -s -o /dev/null -m 2 -w '%{http_code}' "http://127.0.0.1:$port$health" || true)
        if [[ "$code" == 200 ]]; then
            SERVER_STARTUP_MS=$(( $(date +%s%3N) - started ))
            log "server on :$port up after ${SERVER_STARTUP_MS} ms"
            return 0
        fi
        sleep 0.2
    done
    log "the server on :$port did not answer 200 on $health within 300 s"
    tail -n 40 "$logfile" >&2
    stop_server
    return 1
}

# Startup is measured by the startup scenario alone. Every other scenario boots its server on
# STARTUP_CPUS (default: every core; boots pinned to one core take twice as long) with
# -XX:ActiveProcessorCount = the number of SERVER_CPUS, so that the JVM sizes its GC, JIT and
# thread pools as if pinned from the start, and pins all its threads to SERVER_CPUS (pin_server)
# before anything is measured. STARTUP_CPUS=$SERVER_CPUS pins from the start instead.
STARTUP_CPUS=${STARTUP_CPUS:-0-$(( $(nproc) - 1 ))}

# How many cores a taskset list names ("0", "0,1", "0-3", "0-1,3").
cpu_count() {
    local n=0 part parts
    IFS=',' read -ra parts <<<"$1"
    for part in "${parts[@]}"; do
        if [[ "$part" == *-* ]]; then
            n=$(( n + ${part#*-} - ${part%-*} + 1 ))
        else
            n=$(( n + 1 ))
        fi
    done
    echo "$n"
}

# The JVM options of a server booted by boot_payara.
boot_java_opts() {
    echo "${SERVER_JAVA_OPTS:--Xmx1g} -XX:ActiveProcessorCount=$(cpu_count "$SERVER_CPUS")"
}

# boot_payara WAR_DIR WAR_FILE PORT DATA_DIR LOG HEALTH_PATH [ENV=VALUE...]: start_payara on
# STARTUP_CPUS with boot_java_opts (see above). The caller pins it (pin_server) before measuring.
boot_payara() {
    local opts
    opts=$(boot_java_opts) # before SERVER_CPUS is changed for the boot below
    SERVER_CPUS="$STARTUP_CPUS" SERVER_JAVA_OPTS="$opts" start_payara "$@"
}

# pin_server PID: every thread of the process to SERVER_CPUS (taskset -a -p); threads it starts
# later inherit that.
pin_server() {
    if command -v taskset >/dev/null 2>&1 && (( $(nproc) > 1 )); then
        taskset -a -p -c "$SERVER_CPUS" "$1" >/dev/null
        log "server $1 pinned to core(s) $SERVER_CPUS (all threads)"
    fi
}

# pinning_note [WHEN]: the sentence the reports use for a server booted by boot_payara and pinned.
pinning_note() {
    if [[ "$STARTUP_CPUS" == "$SERVER_CPUS" ]]; then
        echo "pinned to core(s) $SERVER_CPUS from the start"
    else
        echo "started on core(s) $STARTUP_CPUS and pinned to core(s) $SERVER_CPUS (all threads) ${1:-before anything measured}"
    fi
}

# Stops SERVER_PID: TERM, up to 30 s, then KILL.
stop_server() {
    if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill "$SERVER_PID" 2>/dev/null || true
        for _ in $(seq 1 60); do
            kill -0 "$SERVER_PID" 2>/dev/null || break
            sleep 0.5
        done
        kill -9 "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    SERVER_PID=""
}

# Resident memory of a process, in KiB.
rss_kib() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status"; }

# CPU time (user + system) a process has used so far, in clock ticks (see cpu_seconds).
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
cpu_seconds() { awk -v t="$1" -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.2f", t / hz}'; }

# A fresh PostgreSQL database for a scenario (dropped first if it exists).
fresh_database() {
    "${PSQL[@]}" -c "DROP DATABASE IF EXISTS $1 WITH (FORCE)" -c "CREATE DATABASE $1"
}

# The lines every report starts with: what ran where.
machine_lines() {
    local commit
    commit=$(git -C "$ROOT_DIR" rev-parse --short HEAD 2>/dev/null || echo unknown)
    if [[ -n "$(git -C "$ROOT_DIR" status --porcelain -- src pom.xml 2>/dev/null)" ]]; then
        commit="$commit (work tree has changes)"
    fi
    echo "- machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')), $(free -g | awk '/^Mem:/ {print $2}') GiB RAM, $(uname -sr)"
    echo "- JDK: $("$JAVA" -version 2>&1 | head -n 1)"
    echo "- commit: $commit"
    echo "- pinning: server on core(s) $SERVER_CPUS, load generator on core(s) $CLIENT_CPUS"
    echo "- load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
}

# require_commands TOOL...: each tool on the PATH; else exit 1.
require_commands() {
    local tool
    for tool in "$@"; do
        command -v "$tool" >/dev/null || { log "$tool is missing"; exit 1; }
    done
}

# require_tools TOOL...: require_commands, and a PostgreSQL that answers as postgres; else exit 1.
require_tools() {
    require_commands "$@"
    "${PSQL[@]}" -c 'SELECT 1' >/dev/null 2>&1 || { log "no PostgreSQL answers as postgres on 127.0.0.1:5432"; exit 1; }
}

# scenario_workspace NAME PG_DB: a fresh WORK directory, removed on exit together with the
# scenario's database and server; STEPS (one line per measured step) and MACHINE (machine_lines).
scenario_workspace() {
    local name=$1
    SCENARIO_DB=$2
    WORK=$(mktemp -d "${TMPDIR:-/tmp}/daehwa-$name.XXXXXX")
    trap scenario_cleanup EXIT
    trap 'exit 130' INT TERM
    RUN_START=$SECONDS
    STEPS="$WORK/steps.txt"
    : >"$STEPS"
    MACHINE=$(machine_lines)
}

scenario_cleanup() {
    stop_server
    "${PSQL[@]}" -c "DROP DATABASE IF EXISTS $SCENARIO_DB WITH (FORCE)" >/dev/null 2>&1 || true
    rm -rf "$WORK"
}
