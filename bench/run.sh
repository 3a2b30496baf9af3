#!/usr/bin/env bash
# Benchmarks of the default scenario (see bench/RESULTS.md for recorded figures):
#   - the CLI end to end (process start to outputs written) with hyperfine, writing to
#     the disk and to tmpfs (/dev/shm), median / p95 / max over many runs;
#   - each phase in-process (bench_engine: load, build, solve, round, write);
#   - peak memory (/usr/bin/time -v);
#   - glpsol on the exported LP, for comparison.
# usage: bench/run.sh [SCENARIO] [RUNS]
set -eu
cd "$(dirname "$0")/.."
scenario=${1:-scenarios/haiphong-2026.cfg}
runs=${2:-500}
make -s build >/dev/null
bin=build/fiscalsim
tmp=$(mktemp -d)
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
