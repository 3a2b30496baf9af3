#!/usr/bin/env bash
# The charts of a default run (issue 18's "under 0.6 s in all"), see bench/RESULTS.md:
#   - the chart phase of `fiscalsim run SCENARIO --timings` (PNG and PDF, the default:
#     six 1600×1000 PNGs, the council pack, communes.pdf on a second gnuplot), min /
#     median / p90 / max over RUNS runs;
#   - each gnuplot driver alone (charts.gp, communes.gp) with hyperfine, with its CPU time;
#   - the floor of the PNGs: six bare 1600×1000 pngcairo plots (`plot x`), whose time is
#     mostly libpng's filtering and zlib (callgrind: about 80%).
# usage: bench/charts.sh [SCENARIO] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
scenario=${1:-scenarios/haiphong-2026.cfg}
runs=${2:-30}
make -s build >/dev/null
bin=$PWD/build/fiscalsim
plots=$PWD/plots
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); date: $(date -u '+%F %H:%M') UTC"
for _ in $(seq "$runs"); do
  "$bin" run "$scenario" -o "$tmp/out" --timings 2>&1 >/dev/null | grep -o 'chart [0-9.]*' | cut -d' ' -f2
done | sort -n | awk '{a[NR] = $1} END {printf "chart phase (%d runs): min %.0f ms, median %.0f, p90 %.0f, max %.0f\n",
  NR, a[1], a[int(NR / 2) + 1], a[int(NR * 0.9)], a[NR]}'
mkdir -p "$tmp/draw"
cd "$tmp/out"
for driver in charts.gp communes.gp; do
  [ -f "$driver" ] || continue
  hyperfine -N -w 2 -r 10 --export-json "$tmp/$driver.json" \
    "gnuplot -e \"plots='$plots'; outdir='$tmp/draw'\" $driver" >/dev/null
  python3 -c "
import json,sys; r=json.load(open(sys.argv[1]))['results'][0]
print(f'{sys.argv[2]:<12} alone: mean {r[\"mean\"]*1e3:.0f} ms (min {r[\"min\"]*1e3:.0f}), CPU {r[\"user\"]*1e3:.0f} ms')" \
    "$tmp/$driver.json" "$driver"
done
printf "set terminal pngcairo size 1600,1000 font 'DejaVu Sans,14' noenhanced\ndo for [i=1:6] {\n  set output sprintf('%s/bare%%d.png', i)\n  plot x\n  unset output\n}\n" "$tmp/draw" > "$tmp/bare.gp"
hyperfine -N -w 2 -r 10 --export-json "$tmp/bare.json" "gnuplot $tmp/bare.gp" >/dev/null
python3 -c "
import json,sys; r=json.load(open(sys.argv[1]))['results'][0]
print(f'six bare PNGs: mean {r[\"mean\"]*1e3:.0f} ms (min {r[\"min\"]*1e3:.0f})')" "$tmp/bare.json"
