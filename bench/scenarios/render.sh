#!/usr/bin/env bash
# Message rendering and search analysis, per 1,000 characters: ordinary chat text against hostile
# text (a run of closing brackets after a link; a run of punctuation), at several lengths, with no
# server (dev.daehwa.bench.RenderBench loads the WAR's own classes). Linear cost is a flat
# µs per 1,000 characters from the smallest length to the largest.
#
#   bench/scenarios/render.sh                               # 1,000, 10,000 and 100,000 characters
#   BASELINE_WAR=old.war bench/scenarios/render.sh          # the same cells for another WAR, side by side
#   SMOKE=1 bench/scenarios/render.sh                       # 1,000 and 10,000 characters
#
# Each cell warms up for 0.3 s (or one call, when a call takes longer), then reports the thread CPU time per call of the fastest 5 ms batch in 0.6 s;
# a call slower than 2 s is measured once. The JVM runs pinned to SERVER_CPUS with
# -XX:ActiveProcessorCount to match. About 25 s without a baseline.
#
# Writes $RESULTS/render.md (RESULTS: bench/results unless bench/run sets it; OUT=FILE elsewhere,
# OUT=- to stdout only). Knobs: SIZES (1000,10000,100000; SMOKE 1000,10000), BASELINE_WAR (none),
# BASELINE_NAME (baseline), OUT, plus lib.sh's JAVA_HOME, DAEHWA_WAR, SERVER_CPUS.
set -euo pipefail
source "$(dirname "$0")/../lib.sh"

if [[ "${SMOKE:-0}" == 1 ]]; then
    SIZES=${SIZES:-1000,10000}
else
    SIZES=${SIZES:-1000,10000,100000}
fi
BASELINE_WAR=${BASELINE_WAR:-}
BASELINE_NAME=${BASELINE_NAME:-baseline}
OUT=${OUT:-${RESULTS:-$BENCH_DIR/results}/render.md}
if [[ ! "$SIZES" =~ ^[0-9]+(,[0-9]+)*$ || ! "$BASELINE_NAME" =~ ^[A-Za-z0-9_.-]+$ ]]; then
    echo "SIZES must be comma-separated numbers; BASELINE_NAME letters, digits, _ . -" >&2
    exit 2
fi
require_commands unzip

WORK=$(mktemp -d "${TMPDIR:-/tmp}/daehwa-render.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
MACHINE=$(machine_lines | grep -v '^- pinning:')
snapshot_bench "$WORK"
snapshot_app "$WORK"
WAR_SHA=$(sha256sum "$WORK/daehwa.war" | cut -c1-12)
unzip -q "$WORK/daehwa.war" 'WEB-INF/classes/*' 'WEB-INF/lib/*' -d "$WORK/daehwa"
SIDES=("daehwa=$WORK/daehwa/WEB-INF")
if [[ -n "$BASELINE_WAR" ]]; then
    BASELINE_SHA=$(sha256sum "$BASELINE_WAR" | cut -c1-12)
    unzip -q "$BASELINE_WAR" 'WEB-INF/classes/*' 'WEB-INF/lib/*' -d "$WORK/baseline"
    SIDES+=("$BASELINE_NAME=$WORK/baseline/WEB-INF")
fi

started=$SECONDS
log "render: sizes $SIZES, sides ${SIDES[*]%%=*}"
pinned "$SERVER_CPUS" "$JAVA" -Xmx512m -Xbatch -XX:ActiveProcessorCount="$(cpu_count "$SERVER_CPUS")" \
    -cp "$BENCH_CLASSPATH" dev.daehwa.bench.RenderBench "$SIZES" "${SIDES[@]}" | tee "$WORK/cells.txt"
took=$(( SECONDS - started ))

# table SIDE: one row per op and kind, one column per size, µs per 1,000 characters
table() {
    local side=$1
    awk -v side="$side" -v sizes="$SIZES" '
        function val(k,   i, kv) { for (i = 2; i <= NF; i++) { split($i, kv, "="); if (kv[1] == k) return kv[2] } return "" }
        BEGIN {
            n = split(sizes, size, ",")
            header = "| op | text |"; rule = "|---|---|"
            for (i = 1; i <= n; i++) { header = header sprintf(" %s chars |", size[i]); rule = rule "---:|" }
            header = header " largest ÷ smallest |"; rule = rule "---:|"
            print header; print rule
        }
        $1 == "cell" && val("side") == side {
            key = val("op") " " val("kind")
            if (!(key in seen)) { seen[key] = 1; order[++rows] = key }
            cost[key, val("chars")] = val("us_per_kchar")
        }
        END {
            for (r = 1; r <= rows; r++) {
                split(order[r], part, " ")
                line = "| " part[1] " | " part[2] " |"
                for (i = 1; i <= n; i++) line = line " " cost[order[r], size[i]] " |"
                small = cost[order[r], size[1]]; large = cost[order[r], size[n]]
                line = line (small + 0 > 0 ? sprintf(" %.1f× |", large / small) : " – |")
                print line
            }
        }' "$WORK/cells.txt"
}

report() {
    echo "## Rendering and search analysis per 1,000 characters"
    echo
    echo "$MACHINE"
    echo "- date: $(date -u +%Y-%m-%dT%H:%M:%SZ), ${took} s; daehwa.war sha256 $WAR_SHA${BASELINE_WAR:+; $BASELINE_NAME: $(basename "$BASELINE_WAR") sha256 $BASELINE_SHA}"
    echo "- no server: \`dev.daehwa.bench.RenderBench\` loads the WAR's own classes and calls \`MessageRenderer.render\` (what history, room page, replay and email run for every message) and reads every term of \`ChatAnalyzer\` (what indexing and each highlighted search result run); one JVM pinned to core(s) $SERVER_CPUS; after 300 calls of each kind of text for the JIT (\`-Xbatch\`: compiled before it goes on, however busy the machine), each cell warms up 0.3 s, then reports the thread CPU time per call of the fastest batch of about 5 ms within 0.6 s (a call over 2 s: one call after its warm-up call); CPU time, not wall time, so that other load on the machine does not count"
    echo "- texts: **normal** = Korean and English chat with a link, an emoji and a line break, repeated; **brackets** = \`http://a\` and then \`)\` to the length (the attack on the old renderer); **punctuation** = \`.,!?()\` repeated (what nori weighed up to 1,024 characters ahead at each character)"
    echo "- figures: CPU µs per 1,000 characters (UTF-16 units); linear cost is the same figure at every length (the last column near 1×); messages are at most 10,000 characters, the 100,000 column shows the trend"
    echo "- re-run: \`bench/run render\` (or \`bench/scenarios/render.sh\`; \`BASELINE_WAR=old.war\` adds another WAR's figures)"
    echo
    echo "daehwa:"
    echo
    table daehwa
    if [[ -n "$BASELINE_WAR" ]]; then
        echo
        echo "$BASELINE_NAME:"
        echo
        table "$BASELINE_NAME"
    fi
}

if [[ "$OUT" == - ]]; then
    report
else
    mkdir -p "$(dirname "$OUT")"
    report >"$OUT"
    log "render: report in $OUT"
fi
