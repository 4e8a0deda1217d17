# Helpers shared by bench/scenarios/write.sh, rooms.sh and startup.sh (source it after ../lib.sh).
#
# The Java load generators (dev.daehwa.bench.db) and the pgbench wrapper write one line per step:
#   step side=daehwa op=post target=50 seconds=10 planned=500 achieved=49.8 ok=500 errors=0 dropped=0
#        p50=3.10 p90=4.20 p99=9.80 p999=15.00 max=17.30 server_cpu=2.31 pg_cpu=0.52 kinds=-
# (latencies in ms, measured from the planned send time; CPU in seconds over the step, -1 = not measured).

# A step passes when p99 < LIMIT ms, at most 0.1 % of the planned requests failed or were dropped,
# and the achieved rate kept up with the target (see rate_kept).
STEP_PASS_AWK='
function val(k,   i, kv) { for (i = 2; i <= NF; i++) { split($i, kv, "="); if (kv[1] == k) return kv[2] } return "" }
function passes(limit) {
    return val("p99") != "nan" && val("p99") + 0 < limit && val("errors") + val("dropped") <= 0.001 * val("planned") \
        && rate_kept(0.95)
}
# The achieved rate kept up: at least FRACTION of the target, or (pgbench spaces transactions as a
# Poisson process, so a short step at a low rate carries counting noise) at most 3 standard
# deviations of a Poisson count below the planned number.
function rate_kept(fraction) {
    return val("achieved") + 0 >= fraction * val("target") || val("ok") + 0 >= val("planned") - 3 * sqrt(val("planned"))
}
function per_k(cpu) { return (cpu + 0 < 0 || val("ok") + 0 == 0) ? "–" : sprintf("%.2f", 1000 * cpu / val("ok")) }
'

# steps_table FILE SIDE LIMIT_MS: a Markdown table of that side's steps.
steps_table() {
    local file=$1 side=$2 limit=$3
    echo "| op | target/s | achieved/s | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms | ok | errors (kinds) | server JVM CPU s / 1,000 ops | PostgreSQL CPU s / 1,000 ops | p99 < $limit ms |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---|"
    awk -v side="$side" -v limit="$limit" "$STEP_PASS_AWK"'
        $1 == "step" && val("side") == side {
            printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s%s | %s | %s | %s |\n",
                val("op"), val("target"), val("achieved"), val("p50"), val("p90"), val("p99"), val("p999"), val("max"),
                val("ok"), val("errors") + val("dropped"), (val("kinds") == "-" ? "" : " " val("kinds")),
                per_k(val("server_cpu")), per_k(val("pg_cpu")), (passes(limit) ? "yes" : "**no**")
        }' "$file"
}

# best_step FILE SIDE OP LIMIT_MS: "target p99 p999 server_cpu_per_1000 pg_cpu_per_1000 achieved" of the
# highest-rate step that passes, or nothing.
best_step() {
    local file=$1 side=$2 op=$3 limit=$4
    awk -v side="$side" -v op="$op" -v limit="$limit" "$STEP_PASS_AWK"'
        $1 == "step" && val("side") == side && val("op") == op && passes(limit) && val("target") + 0 > best {
            best = val("target") + 0
            line = val("target") " " val("p99") " " val("p999") " " per_k(val("server_cpu")) " " per_k(val("pg_cpu")) " " val("achieved")
        }
        END { if (line != "") print line }' "$file"
}

# step_field FILE SIDE OP KEY: KEY of the last step line of that side and op.
step_field() {
    awk -v side="$2" -v op="$3" -v key="$4" "$STEP_PASS_AWK"'
        $1 == "step" && val("side") == side && val("op") == op { v = val(key) } END { print v }' "$1"
}

# step_saturated LINE: true when a step is clearly past saturation (the rate not kept even at 80 %,
# or p99 above 1 s, or nothing succeeded): the higher rates are then not worth running.
step_saturated() {
    awk "$STEP_PASS_AWK"'
        $1 == "step" { bad = (val("ok") + 0 == 0 || !rate_kept(0.8) || val("p99") == "nan" || val("p99") + 0 > 1000) }
        END { exit bad ? 0 : 1 }' <<<"$1"
}

# ratio A B: A / B with two decimals, or – when either is missing or B is 0.
ratio() {
    awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || a == "–" || b == "–" || b + 0 == 0) print "–"; else printf "%.2f", a / b }'
}

# median N...: the median of the numbers (the middle one, or the mean of the two middle ones).
median() {
    printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print ""; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
