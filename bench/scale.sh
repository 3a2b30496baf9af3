#!/usr/bin/env bash
# Scale benchmarks (issue: benchmarks and national scale): for the default scenario
# (114 units), the national one (3,321) and a generated 10,000-unit one:
#   - fiscalsim end to end (hyperfine, median and max), without and with charts;
#   - each phase (median of --timings over the runs): load (parse + validate), build,
#     solve, round, disburse, write; chart = with charts minus without; process start
#     (`--version`); and in-process (bench_engine) parse and validate apart;
#   - peak memory (/usr/bin/time -v);
#   - the same primary-stage LP (exported with --export-lp) solved by glpsol, by SciPy's
#     HiGHS and by PuLP with CBC (bench/solve_scipy.py, bench/solve_pulp.py), with the
#     ratio of each to fiscalsim's whole run.
# usage: bench/scale.sh [RUNS_SMALL] [RUNS_LARGE]
set -eu
cd "$(dirname "$0")/.."
small=${1:-30} large=${2:-5}
make -s build >/dev/null
bin=$PWD/build/fiscalsim bench=$PWD/build/bench_engine
py=/usr/bin/python3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 scripts/gen_national.py --units 10000 --name national-10000 --out "$tmp/gen"
hyperfine -N --warmup 5 --runs 50 "$bin --version" --export-json "$tmp/v.json" >/dev/null 2>&1
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(uname -r); date: $(date -u +%F)"
median() { python3 -c "import json,sys; r=json.load(open(sys.argv[1]))['results'][0]; print(f'{r[\"median\"]*1e3:.1f} {max(r[\"times\"])*1e3:.1f}')" "$1"; }
for spec in "default scenarios/haiphong-2026.cfg $small" "national scenarios/national/national-2026.cfg $large" \
            "national-10000 $tmp/gen/national-10000.cfg $large"; do
  set -- $spec
  name=$1 cfg=$2 runs=$3
  units=$("$bin" check "$cfg" | sed -n 's/.*", \([0-9]*\) units.*/\1/p')
  hyperfine -N --warmup 2 --runs "$runs" "$bin run $cfg -o $tmp/o --charts none" --export-json "$tmp/a.json" >/dev/null 2>&1
  read -r run_med run_max <<<"$(median "$tmp/a.json")"
  hyperfine -N --warmup 1 --runs "$(( runs < 5 ? runs : 5 ))" "$bin run $cfg -o $tmp/c" --export-json "$tmp/b.json" >/dev/null 2>&1
  read -r chart_med _ <<<"$(median "$tmp/b.json")"
  for i in $(seq "$runs"); do "$bin" run "$cfg" -o "$tmp/o" --charts none --timings 2>&1 >/dev/null | grep timings_ms; done \
    > "$tmp/t.txt"
  phases=$(python3 -c "
import statistics,sys
rows=[l.split()[1:] for l in open(sys.argv[1])]
keys=rows[0][0::2]; vals=[[float(r[i]) for r in rows] for i in range(1,len(rows[0]),2)]
print(' '.join(f'{k} {statistics.median(v):.1f}' for k,v in zip(keys,vals)))" "$tmp/t.txt")
  rss=$(/usr/bin/time -v "$bin" run "$cfg" -o "$tmp/o" --charts none 2>&1 >/dev/null | awk -F': ' '/Maximum resident/{print $2}')
  "$bin" run "$cfg" -o "$tmp/o" --charts none --export-lp "$tmp/m.lp" >/dev/null 2>&1 || true
  sense=$(grep -q "^Maximize" "$tmp/m.lp" && echo max || echo min)
  glpsol --lp "$tmp/m.lp" --check --wfreemps "$tmp/m.mps" >/dev/null
  hyperfine -N --warmup 1 --runs "$(( runs < 5 ? runs : 5 ))" "glpsol --lp $tmp/m.lp -o $tmp/sol.txt" --export-json "$tmp/g.json" >/dev/null 2>&1
  read -r glp_med _ <<<"$(median "$tmp/g.json")"
  sc=$( { /usr/bin/time -f "%e" $py bench/solve_scipy.py "$tmp/m.mps" "$sense" 2>&1; } | tr '\n' ' ')
  pu=$( { /usr/bin/time -f "%e" $py bench/solve_pulp.py "$tmp/m.mps" "$sense" 2>&1; } | tr '\n' ' ')
  echo
  echo "== $name ($units units)"
  echo "fiscalsim run, no charts: median $run_med ms, max $run_max ms ($runs runs); with charts: median $chart_med ms"
  echo "phases (ms, median): start $(median "$tmp/v.json" | cut -d' ' -f1) $phases"
  echo "in-process (bench_engine, median ms): $("$bench" "$cfg" "$runs" | awk 'NR > 2 {printf "%s %s ", $1, $2}')"
  echo "peak memory: $rss kB"
  echo "glpsol on the exported LP: median $glp_med ms"
  echo "SciPy HiGHS: $sc"
  echo "PuLP CBC:    $pu"
  python3 -c "
import sys
run=float(sys.argv[1]); g=float(sys.argv[2]); s=float(sys.argv[3].split()[-1])*1e3; p=float(sys.argv[4].split()[-1])*1e3
print(f'ratios to fiscalsim: glpsol {g/run:.2f}x, SciPy process {s/run:.1f}x, PuLP process {p/run:.1f}x')" \
    "$run_med" "$glp_med" "$sc" "$pu"
done
