# Shared by bench/scenarios/fanout.sh and idle.sh (source it after ../lib.sh): their workspace, the
# Socket.IO peer's start and stop, Daehwa's start, and the file-descriptor limit. Everything on
# 127.0.0.1, every wait bounded.

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
# Starts bench/peers/socketio/server.js on STARTUP_CPUS (lib.sh) through lib.sh's `pinned` (npm ci
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

# start_daehwa DIR PORT DATA LOG [ENV=VALUE...]: lib.sh's boot_payara (on STARTUP_CPUS, the JVM
# sized for SERVER_CPUS); the load generator pins it (--pin-server) once the accounts and rooms
# exist, before anything it measures. The Socket.IO peer also starts on STARTUP_CPUS.
start_daehwa() {
    local dir=$1 port=$2 data=$3 logfile=$4
    shift 4
    boot_payara "$dir" daehwa.war "$port" "$data" "$logfile" /health "$@"
}

# The sentence the reports use for where the servers ran.
socket_pinning_note() {
    pinning_note "after the accounts and rooms were made, before anything measured"
}

# socket_workspace NAME [STOP_FIRST]: what lib.sh's scenario_workspace is to the database scenarios.
# A fresh WORK_DIR, removed on exit (kept with KEEP=1) after STOP_FIRST (a function, e.g. the one
# that stops a load generator running in the background), the server and the node wrapper have
# been stopped. Each peer's raw results (<peer>.properties, <peer>.txt, <peer>.note) go to RAW_DIR;
# the report takes both peers from there, so with a kept RAW_DIR two runs (PEERS=daehwa, then
# PEERS=socketio) make one report; a peer's note says when it ran.
socket_workspace() {
    SOCKET_STOP_FIRST=${2:-}
    WORK_DIR=$(mktemp -d "${TMPDIR:-/tmp}/daehwa-$1.XXXXXX")
    trap socket_workspace_cleanup EXIT
    trap 'exit 130' INT TERM
    RAW_DIR=${RAW_DIR:-$WORK_DIR/raw}
    mkdir -p "$RAW_DIR"
}

socket_workspace_cleanup() {
    if [[ -n "$SOCKET_STOP_FIRST" ]]; then
        "$SOCKET_STOP_FIRST"
    fi
    stop_server
    stop_socketio_wrapper
    if [[ "${KEEP:-0}" == 1 ]]; then
        log "kept $WORK_DIR"
    else
        rm -rf "$WORK_DIR"
    fi
}

# peer_note PEER TEXT: the line the report shows for the peer, stamped with when it ran and the
# load average before (LOAD_BEFORE) and after.
peer_note() {
    printf -- '- %s (run %s UTC; load average before %s, after %s)\n' "$2" "$(date -u '+%Y-%m-%d %H:%M')" \
        "$LOAD_BEFORE" "$(cut -d' ' -f1-3 /proc/loadavg)" >"$RAW_DIR/$1.note"
}
