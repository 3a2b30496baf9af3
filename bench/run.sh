#!/usr/bin/env bash
# Benchmarks of the default scenario (see bench/RESULTS.md for recorded figures):
#   - the CLI end to end (process start to outputs written) with hyperfine, writing to
#     tmpfs (/dev/shm) and with --sync, median / p95 / max over RUNS runs (on disk, as
#     the targets' rounds below time it);
#   - each phase in-process (bench_engine: parse, validate, build, solve, round, disburse,
#     write);
#   - peak memory (/usr/bin/time -v);
#   - the benchmarks issue's targets, timed in rounds with glpsol on the exported LP and
#     process start (median / p95 / max): end to end at most 1.5x (GLPK's solve inside
#     the run, from --timings, plus process start) and faster than glpsol, for the
#     scenario and for its allocation alone (the scenario without its disbursement);
#   - the floor under both: process start and writing files of the run's own sizes the
#     way the run does, with no other work (bench/write_floor), against which the
#     engine's own time (the run less the floor and GLPK's solve) is reported.
# usage: [ROUNDS=5] bench/run.sh [SCENARIO] [RUNS]
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
"$bin" run "$scenario" -o "$tmp/out" --charts none --export-lp "$tmp/model.lp" >/dev/null
hyperfine -N --warmup 30 --runs "$runs" "$bin run $scenario -o /dev/shm/fiscalsim-bench --charts none" --export-json "$tmp/b.json" >/dev/null 2>&1
stats "$tmp/b.json" "CLI run, outputs on tmpfs"
hyperfine -N --warmup 30 --runs "$runs" "$bin run $scenario -o $tmp/out --sync --charts none" --export-json "$tmp/c.json" >/dev/null 2>&1
stats "$tmp/c.json" "CLI run --sync, outputs on disk"
echo "peak memory: $(/usr/bin/time -v $bin run "$scenario" -o "$tmp/out" --charts none 2>&1 >/dev/null | awk -F': ' '/Maximum resident/{print $2}') kB"
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
# The targets, timed in ROUNDS rounds (default 5) that each run every command 30 times,
# one command after another, so that this machine's drift (up to 45% within minutes)
# falls on all of them alike; GLPK's solve inside the run is read from --timings in each
# round. The floor is a program that starts like the CLI and only writes files of the
# run's own sizes the way the run does (bench/write_floor.c), or rewrites them in place.
"$bin" run "$alloc" -o "$tmp/alloc" --charts none >/dev/null
floor_args() { for f in "$1"/*; do printf '%s=%s ' "$(basename "$f")" "$(stat -c %s "$f")"; done; }
mkdir -p "$tmp/floor-run" "$tmp/floor-alloc"
commands=("$bin run $scenario -o $tmp/out --charts none" "$bin run $alloc -o $tmp/alloc --charts none"
  "$bin --version" "glpsol --lp $tmp/model.lp -o $tmp/sol.txt"
  "build/write_floor $tmp/floor-run $(floor_args "$tmp/out")" "build/write_floor $tmp/floor-alloc $(floor_args "$tmp/alloc")"
  "build/write_floor --in-place $tmp/floor-run $(floor_args "$tmp/out")")
for r in $(seq "${ROUNDS:-5}"); do
  hyperfine -N --warmup 5 --runs 30 "${commands[@]}" --export-json "$tmp/round$r.json" >/dev/null 2>&1
  for i in $(seq 15); do "$bin" run "$scenario" -o "$tmp/out" --charts none --timings 2>&1 >/dev/null; done |
    awk '/timings_ms/{for (k = 2; k < NF; k += 2) if ($k == "solve") print $(k + 1)}' >"$tmp/solve$r.txt"
done
python3 - "$tmp" "${ROUNDS:-5}" "$(ls "$tmp/out" | wc -l)" "$(ls "$tmp/alloc" | wc -l)" <<'PY'
import json, statistics, sys
tmp, rounds, files_run, files_alloc = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
names = ["scenario", "allocation only", "start", "glpsol", "floor", "floor, allocation", "floor, in place"]
rows = []  # one dict of medians (ms) per round
for r in range(1, rounds + 1):
    results = json.load(open(f"{tmp}/round{r}.json"))["results"]
    row = {n: res["median"] * 1e3 for n, res in zip(names, results)}
    row["solve"] = statistics.median(float(v) for v in open(f"{tmp}/solve{r}.txt").read().split())
    rows.append(row)
med = {k: statistics.median(row[k] for row in rows) for k in rows[0]}
pooled = {n: sorted(t * 1e3 for r in range(1, rounds + 1) for t in json.load(open(f"{tmp}/round{r}.json"))["results"][i]["times"])
          for i, n in enumerate(names)}
for n in names:
    t = pooled[n]
    print(f"{n:<18} median {med[n]:6.2f} ms (of the round medians)  p95 {t[int(len(t) * .95)]:6.2f} ms  max {t[-1]:6.2f} ms"
          f"  ({len(t)} runs)")
print("medians of each round (ms): " + "; ".join(
    f"{k} " + "/".join(f"{row[k]:.2f}" for row in rows) for k in ("scenario", "allocation only", "glpsol", "start", "solve", "floor")))
solve, start, glpsol = med["solve"], med["start"], med["glpsol"]
limit = 1.5 * (solve + start)
print(f"target: 1.5 x (GLPK's solve in the run {solve:.2f} ms + process start {start:.2f} ms) = {limit:.2f} ms; glpsol {glpsol:.2f} ms")
for name, floor, files in (("scenario", "floor", files_run), ("allocation only", "floor, allocation", files_alloc)):
    t, f = med[name], med[floor]
    print(f"  {name:<16} {t:6.2f} ms: {t / (solve + start):.2f}x solve + start ({'met' if t <= limit else 'not met'}), "
          f"{glpsol / t:.2f}x glpsol's speed ({'faster' if t < glpsol else 'not faster'})")
    print(f"  {'':<16} floor {f:.2f} ms (start + writing its {files} files, nothing else) + solve {solve:.2f} = {f + solve:.2f} ms,"
          f" {'over' if f + solve > limit else 'under'} the limit; the engine's own time {t - f - solve:.2f} ms;"
          f" 1.5 x (solve + floor) = {1.5 * (solve + f):.2f} ms ({'met' if t <= 1.5 * (solve + f) else 'not met'})")
print(f"  the scenario's files rewritten in place (glpsol's way) instead: floor {med['floor, in place']:.2f} ms,"
      f" + solve {med['floor, in place'] + solve:.2f} ms")
PY
