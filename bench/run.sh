#!/usr/bin/env bash
# Benchmarks of the default scenario (see bench/RESULTS.md for recorded figures):
#   - the CLI end to end (process start to outputs written) with hyperfine, writing to
#     the disk and to tmpfs (/dev/shm), median / p95 / max over many runs;
#   - each phase in-process (bench_engine: parse, validate, build, solve, round, disburse,
#     write);
#   - peak memory (/usr/bin/time -v);
#   - glpsol on the exported LP, for comparison;
#   - the benchmarks issue's targets: end to end at most 1.5x (GLPK's solve inside the run,
#     from --timings, plus process start) and faster than glpsol, for the scenario and
#     for its allocation alone (the scenario without its disbursement section);
#   - the floor under both: process start and writing files of the run's own sizes the
#     way the run does, with no other work (bench/write_floor), against which the
#     engine's own time (the run less the floor and GLPK's solve) is reported.
# usage: bench/run.sh [SCENARIO] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
scenario=${1:-scenarios/haiphong-2026.cfg}
runs=${2:-500}
make -s build >/dev/null
bin=build/fiscalsim
tmp=$(mktemp -d)
alloc=$tmp/allocation-only.cfg
trap 'rm -rf "$tmp" /dev/shm/fiscalsim-bench' EXIT
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(uname -r); date: $(date -u +%F)"
stats() { python3 -c "
import json,sys; r=json.load(open(sys.argv[1]))['results'][0]; t=sorted(r['times'])
print(f'{sys.argv[2]:<34} median {r[\"median\"]*1e3:6.2f} ms  p95 {t[int(len(t)*.95)]*1e3:6.2f} ms  max {t[-1]*1e3:6.2f} ms  ({len(t)} runs)')" "$1" "$2"; }
hyperfine -N --warmup 30 --runs "$runs" "$bin run $scenario -o $tmp/out --charts none" --export-json "$tmp/a.json" >/dev/null 2>&1
stats "$tmp/a.json" "CLI run, outputs on disk"
hyperfine -N --warmup 30 --runs "$runs" "$bin run $scenario -o /dev/shm/fiscalsim-bench --charts none" --export-json "$tmp/b.json" >/dev/null 2>&1
stats "$tmp/b.json" "CLI run, outputs on tmpfs"
hyperfine -N --warmup 30 --runs "$runs" "$bin run $scenario -o $tmp/out --sync --charts none" --export-json "$tmp/c.json" >/dev/null 2>&1
stats "$tmp/c.json" "CLI run --sync, outputs on disk"
hyperfine -N --warmup 30 --runs "$runs" "$bin --version" --export-json "$tmp/d.json" >/dev/null 2>&1
stats "$tmp/d.json" "process start only (--version)"
echo "peak memory: $(/usr/bin/time -v $bin run "$scenario" -o "$tmp/out" --charts none 2>&1 >/dev/null | awk -F': ' '/Maximum resident/{print $2}') kB"
"$bin" run "$scenario" -o "$tmp/out" --charts none --export-lp "$tmp/model.lp" >/dev/null
hyperfine -N --warmup 10 --runs 100 "glpsol --lp $tmp/model.lp -o $tmp/sol.txt" --export-json "$tmp/e.json" >/dev/null 2>&1
stats "$tmp/e.json" "glpsol on the exported LP"
echo
build/bench_engine "$scenario" 300
echo

# The targets. The allocation-only scenario is the scenario with its disbursement
# section cut out (a top-level "disbursement = { ... };", braces in strings or comments
# not expected), written to $tmp with its relative table and base paths made absolute.
python3 - "$scenario" "$alloc" <<'PY'
import os, re, sys
path, out = sys.argv[1:3]
text = open(path, encoding="utf-8").read()
start = re.search(r"^disbursement\s*[=:]\s*\{", text, re.M)
if start:
    depth = 0
    for end in range(start.end() - 1, len(text)):
        depth += {"{": 1, "}": -1}.get(text[end], 0)
        if depth == 0:
            break
    else:
        sys.exit(f"{path}: the disbursement section does not close")
    text = text[:start.start()] + text[end + 1:].lstrip(";")
folder = os.path.dirname(os.path.abspath(path))
text = re.sub(r'(\b(?:table|base)\s*[=:]\s*")([^"/][^"]*)"', lambda m: f'{m[1]}{os.path.join(folder, m[2])}"', text)
open(out, "w", encoding="utf-8").write(text)
PY
hyperfine -N --warmup 30 --runs "$runs" "$bin run $alloc -o $tmp/alloc --charts none" --export-json "$tmp/f.json" >/dev/null 2>&1
stats "$tmp/f.json" "CLI run, allocation only, on disk"
# The floor: a program that starts like the CLI and only writes files of the run's own
# sizes the way the run does (bench/write_floor.c), for the scenario and its allocation.
floor_args() { for f in "$1"/*; do printf '%s=%s ' "$(basename "$f")" "$(stat -c %s "$f")"; done; }
mkdir -p "$tmp/floor-run" "$tmp/floor-alloc"
hyperfine -N --warmup 30 --runs "$runs" "build/write_floor $tmp/floor-run $(floor_args "$tmp/out")" --export-json "$tmp/g.json" >/dev/null 2>&1
stats "$tmp/g.json" "floor: start + the run's files"
hyperfine -N --warmup 30 --runs "$runs" "build/write_floor $tmp/floor-alloc $(floor_args "$tmp/alloc")" --export-json "$tmp/h.json" >/dev/null 2>&1
stats "$tmp/h.json" "floor: start + allocation's files"
hyperfine -N --warmup 30 --runs "$runs" "build/write_floor --in-place $tmp/floor-run $(floor_args "$tmp/out")" --export-json "$tmp/i.json" >/dev/null 2>&1
stats "$tmp/i.json" "floor: the run's files rewritten in place"
solve_ms=$(for i in $(seq 50); do "$bin" run "$scenario" -o "$tmp/out" --charts none --timings 2>&1 >/dev/null; done |
  awk '/timings_ms/{for (k = 2; k < NF; k += 2) if ($k == "solve") print $(k + 1)}' | sort -g | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}')
python3 - "$solve_ms" "$tmp"/{d,e,a,f,g,h}.json "$(ls "$tmp/out" | wc -l)" "$(ls "$tmp/alloc" | wc -l)" <<'PY'
import json, sys
med = lambda f: json.load(open(f))["results"][0]["median"] * 1e3
solve = float(sys.argv[1])
start, glpsol, run, alloc, floor_run, floor_alloc = (med(f) for f in sys.argv[2:8])
files = {"scenario": sys.argv[8], "allocation only": sys.argv[9]}
limit = 1.5 * (solve + start)
print(f"target: 1.5 x (GLPK's solve in the run {solve:.2f} ms + process start {start:.2f} ms) = {limit:.2f} ms; glpsol {glpsol:.2f} ms")
for name, t, floor in (("scenario", run, floor_run), ("allocation only", alloc, floor_alloc)):
    print(f"  {name:<16} {t:6.2f} ms: {t / (solve + start):.2f}x solve + start ({'met' if t <= limit else 'not met'}), "
          f"{glpsol / t:.2f}x glpsol's speed ({'faster' if t < glpsol else 'not faster'})")
    print(f"  {'':<16} floor {floor:.2f} ms (start + its {files[name]} files) + solve {solve:.2f} = {floor + solve:.2f} ms"
          f" ({'over' if floor + solve > limit else 'under'} the limit); "
          f"the engine's own time {t - floor - solve:.2f} ms against {limit - floor - solve:.2f} ms left by the limit")
PY
