#!/usr/bin/env bash
# One build against another on the three workloads a refactoring must not slow down
# (see bench/RESULTS.md): the default run (outputs, no charts), the national run (3,321
# units) and the default scenario's 10,000-variant sweep (bench/sweep-default.cfg,
# --jobs 2, outputs, no charts). ROUNDS rounds, each timing both builds with hyperfine,
# the old first in even rounds and last in odd ones, so that the machine's drift and
# the file system's deferred work after a burst of runs fall on both; the table gives
# the median of the round medians and this build's change. Wall time on this machine
# drifts by ±10% within minutes; the instructions each build executes (callgrind, when
# valgrind is installed) do not, and end the report.
# usage: [ROUNDS=5] bench/compare_builds.sh OLD_FISCALSIM
set -euo pipefail
cd "$(dirname "$0")/.."
old=$1 rounds=${ROUNDS:-5}
make -s build >/dev/null
new=$PWD/build/fiscalsim
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
echo "machine: $(nproc) cores, $(uname -r); date: $(date -u '+%F %H:%M') UTC; $rounds rounds"
sed -e "s|base = \"../scenarios/haiphong-2026.cfg\"|base = \"$PWD/scenarios/haiphong-2026.cfg\"|" \
  bench/sweep-default.cfg > "$tmp/sweep.cfg"
# workload NAME RUNS ARGS...: each build's command with its own output folder.
workload() {
  local name=$1 runs=$2
  shift 2
  for ((r = 0; r < rounds; r++)); do
    local order="old new"
    ((r % 2)) && order="new old"
    for which in $order; do
      local bin=$old
      [ "$which" = new ] && bin=$new
      hyperfine -N --warmup 2 --runs "$runs" --export-json "$tmp/$name-$which-$r.json" \
        "$bin $* -o $tmp/out-$which" >/dev/null 2>&1
    done
  done
  python3 - "$tmp" "$name" "$rounds" <<'PY'
import json, statistics, sys
tmp, name, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3])
med = {w: statistics.median(json.load(open(f"{tmp}/{name}-{w}-{r}.json"))["results"][0]["median"]
                            for r in range(rounds)) for w in ("old", "new")}
unit, k = ("ms", 1e3) if med["old"] < 1 else ("s", 1)
print(f"| {name} | {med['old'] * k:.2f} {unit} | {med['new'] * k:.2f} {unit} | {100 * (med['new'] / med['old'] - 1):+.1f}% |")
PY
}
echo "| workload | old | this build | change |"
echo "| --- | ---: | ---: | ---: |"
workload default 30 run scenarios/haiphong-2026.cfg --charts none
workload national 5 run scenarios/national/national-2026.cfg --charts none
workload sweep-10000 1 sweep "$tmp/sweep.cfg" --jobs 2 --restart --charts none
if command -v valgrind >/dev/null; then
  for spec in "default scenarios/haiphong-2026.cfg" "national scenarios/national/national-2026.cfg"; do
    set -- $spec
    for which in old new; do
      bin=$old
      [ "$which" = new ] && bin=$new
      valgrind --tool=callgrind --callgrind-out-file="$tmp/cg" "$bin" run "$2" -o "$tmp/out-$which" --charts none \
        >/dev/null 2>"$tmp/cg.err"
      echo "instructions, $1 run, $which build: $(grep -o 'Collected : [0-9]*' "$tmp/cg.err" | cut -d' ' -f3)"
    done
  done
fi
