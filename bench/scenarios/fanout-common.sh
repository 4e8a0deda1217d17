# Shared by bench/scenarios/fanout.sh and idle.sh (source it after ../lib.sh): the Socket.IO
# peer's start and stop, and the file-descriptor limit. Everything on 127.0.0.1, every wait bounded.

PEER_DIR="$BENCH_DIR/peers/socketio"
NODE_WRAPPER=""

# raise_fd_limit WANTED: raises the soft `ulimit -n` of this shell (and so of the servers and load
# generators it starts) to WANTED, or to the hard limit if that is lower (said loudly).
raise_fd_limit() {
    local want=$1 hard
    hard=$(ulimit -Hn)
    if [[ "$hard" != unlimited ]] && (( hard < want )); then
        log "ulimit -n hard limit is $hard, below the $want this run wants; using $hard"
        want=$hard
    fi
    if (( $(ulimit -n) < want )); then
        ulimit -n "$want"
    fi
    log "ulimit -n $(ulimit -n) (hard $(ulimit -Hn))"
}

# start_socketio PORT LOG [NODE_OPTION...]
# Starts bench/peers/socketio/server.js on STARTUP_CPUS (see below) through lib.sh's `pinned` (npm ci
# first if its packages are missing) and waits (at most 60 s) for GET /health = 200. The server
# prints its own pid, which becomes SERVER_PID (the process to measure and to stop with
# stop_server); the background job itself may be a wrapper shell (NODE_WRAPPER).
start_socketio() {
    local port=$1 logfile=$2
    shift 2
    if port_in_use "$port"; then
        log "port $port is already in use; not starting the Socket.IO peer there"
        return 1
    fi
    if [[ ! -d "$PEER_DIR/node_modules/socket.io" ]]; then
        log "installing the Socket.IO peer's packages (npm ci)"
        (cd "$PEER_DIR" && timeout 300 npm ci --no-audit --no-fund --loglevel=error)
    fi
    local started
    started=$(date +%s%3N)
    PORT=$port pinned "$STARTUP_CPUS" node "$@" "$PEER_DIR/server.js" >"$logfile" 2>&1 &
    NODE_WRAPPER=$!
    SERVER_PID=""
    while (( $(date +%s%3N) - started < 60000 )); do
        if ! kill -0 "$NODE_WRAPPER" 2>/dev/null; then
            log "the Socket.IO peer exited during startup:"
            tail -n 20 "$logfile" >&2
            SERVER_PID=""
            return 1
        fi
        SERVER_PID=$(sed -n 's/.* pid \([0-9][0-9]*\) .*/\1/p' "$logfile" | head -n 1)
        if [[ -n "$SERVER_PID" ]] \
            && [[ $(curl -s -o /dev/null -m 2 -w '%{http_code}' "http://127.0.0.1:$port/health" || true) == 200 ]]; then
            SERVER_STARTUP_MS=$(( $(date +%s%3N) - started ))
            log "Socket.IO peer on :$port up after ${SERVER_STARTUP_MS} ms (pid $SERVER_PID)"
            return 0
        fi
        sleep 0.2
    done
    log "the Socket.IO peer on :$port did not come up within 60 s"
    stop_server
    return 1
}

# After stop_server has stopped the node process: reaps (or ends) the wrapper job, if any.
stop_socketio_wrapper() {
    if [[ -n "$NODE_WRAPPER" ]]; then
        kill "$NODE_WRAPPER" 2>/dev/null || true
        wait "$NODE_WRAPPER" 2>/dev/null || true
        NODE_WRAPPER=""
    fi
}

# The version line the peer printed at startup, e.g. "socket.io 4.8.4, node v20.20.2".
socketio_versions() {
    head -n 1 "$1" | sed -n 's/.*(\(.*\))$/\1/p'
}

# Startup and setup are not measured, so the servers start on STARTUP_CPUS (default: every core)
# and the load generator pins them to SERVER_CPUS (taskset -a -p, all threads) once the accounts and
# rooms exist, before anything it measures. Daehwa's JVM gets -XX:ActiveProcessorCount = the number
# of SERVER_CPUS, so that it sizes its GC and thread pools as if pinned from the start.
# STARTUP_CPUS=$SERVER_CPUS pins from the start instead (slower on a busy machine).
STARTUP_CPUS=${STARTUP_CPUS:-0-$(( $(nproc) - 1 ))}

# How many cores a taskset list names ("0", "0,1", "0-3", "0-1,3").
cpu_count() {
    local n=0 part
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

# start_daehwa DIR PORT DATA LOG [ENV=VALUE...]: lib.sh's start_payara on STARTUP_CPUS (see above).
start_daehwa() {
    local dir=$1 port=$2 data=$3 logfile=$4 opts
    shift 4
    opts="${SERVER_JAVA_OPTS:--Xmx1g} -XX:ActiveProcessorCount=$(cpu_count "$SERVER_CPUS")"
    SERVER_CPUS="$STARTUP_CPUS" SERVER_JAVA_OPTS="$opts" start_payara "$dir" daehwa.war "$port" "$data" "$logfile" /health "$@"
}

# The sentence the reports use for this.
pinning_note() {
    if [[ "$STARTUP_CPUS" == "$SERVER_CPUS" ]]; then
        echo "pinned to core(s) $SERVER_CPUS from the start"
    else
        echo "started on core(s) $STARTUP_CPUS and pinned to core(s) $SERVER_CPUS (all threads) after the accounts and rooms were made, before anything measured"
    fi
}
