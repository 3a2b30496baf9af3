#!/usr/bin/env bash
# The cost of the disbursement forecast's history (see bench/RESULTS.md):
#   - the default run's phases in-process (`run --timings`, median of RUNS runs): load
#     (which reads the history table) and disburse (the prior's estimation over the
#     history, leave-one-year-out for the band, the forecast year's fit, the daily
#     forecast, the accounts, the cash schedule);
#   - the run's instructions (callgrind: the same for the same binary and inputs, whatever
#     else the machine does);
#   - `backtest` of the shipped history (hyperfine).
# With OLD_BIN and OLD_SCENARIO (a build of an earlier commit and its default scenario),
# the same for it, the runs of both alternated so that the machine's drift falls on both.
# usage: [RUNS=200] bench/disburse.sh [OLD_BIN OLD_SCENARIO]
set -euo pipefail
cd "$(dirname "$0")/.."
make -s build >/dev/null
bin=build/fiscalsim scenario=scenarios/haiphong-2026.cfg runs=${RUNS:-200}
old_bin=${1:-} old_scenario=${2:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
echo "machine: $(nproc) cores, $(uname -r); date: $(date -u +%F)"
for ((i = 0; i < runs; i++)); do
  "$bin" run "$scenario" -o "$tmp/new" --charts none --timings 2>>"$tmp/new.t" >/dev/null
  [ -n "$old_bin" ] && "$old_bin" run "$old_scenario" -o "$tmp/old" --charts none --timings 2>>"$tmp/old.t" >/dev/null
done
phases() { python3 - "$1" "$2" <<'PY'
import statistics, sys
rows = [dict(zip(l.split()[1::2], map(float, l.split()[2::2]))) for l in open(sys.argv[1]) if l.startswith("timings_ms")]
med = {k: statistics.median(r[k] for r in rows) for k in ("load", "disburse", "total")}
print(f"{sys.argv[2]:<10} median of {len(rows)} runs: load {med['load']:.3f} ms, disburse {med['disburse']:.3f} ms, "
      f"in-process total {med['total']:.3f} ms")
PY
}
phases "$tmp/new.t" "this build"
[ -n "$old_bin" ] && phases "$tmp/old.t" "old build"
count() { valgrind --tool=callgrind --callgrind-out-file="$tmp/cg" "$@" >/dev/null 2>"$tmp/cg.err"; awk '/refs:/{print $NF}' "$tmp/cg.err"; }
echo "instructions: this build $(count "$bin" run "$scenario" -o "$tmp/new" --charts none)"
[ -n "$old_bin" ] && echo "instructions: old build  $(count "$old_bin" run "$old_scenario" -o "$tmp/old" --charts none)"
hyperfine -N -w 3 -r 20 "$bin backtest $scenario -o $tmp/bt --charts none" --export-json "$tmp/bt.json" >/dev/null 2>&1
python3 -c "import json,sys; r=json.load(open(sys.argv[1]))['results'][0]; print(f'backtest of the shipped history: median {r[\"median\"]*1e3:.1f} ms over {len(r[\"times\"])} runs')" "$tmp/bt.json"
