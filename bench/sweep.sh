#!/usr/bin/env bash
# Sweep benchmarks (issue: sweeps; see bench/RESULTS.md for recorded figures):
#   - 10,000 Latin-hypercube variants of the default scenario (bench/sweep-default.cfg),
#     end to end with its outputs, no charts, on all cores and on one (hyperfine), peak
#     memory (/usr/bin/time -v); the same sweep with the shares continuous (an LP per
#     stage instead of a MIP), to show what the whole steps cost;
#   - the analyst's way without fiscalsim on the same LPs (--export-lps): an in-process
#     Python loop with SciPy's HiGHS over 1,000 variants and with PuLP/CBC over 100
#     (bench/sweep_scipy.py, bench/sweep_pulp.py), and fiscalsim's throughput against them;
#   - the national sweep (bench/sweep-national.cfg, 3,321 units) with NATIONAL variants;
#   - MPI: a national sweep of MPI variants on 1 and 2 ranks, one worker each (a build with
#     -DFISCALSIM_MPI=ON), alternated over three rounds (see below).
# usage: bench/sweep.sh [NATIONAL [MPI]]   (variants of the national sweep, default 10000,
#                                          and of the MPI one, default 1024)
set -eu
cd "$(dirname "$0")/.."
national=${1:-10000} mpi_variants=${2:-1024}
make -s build build-mpi >/dev/null
bin=$PWD/build/fiscalsim mpibin=$PWD/build-mpi/fiscalsim py=/usr/bin/python3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMPI_MCA_btl_vader_single_copy_mechanism=none
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(uname -r); date: $(date -u +%F)"
median() { python3 -c "import json,sys; r=json.load(open(sys.argv[1]))['results'][0]; print(f'{r[\"median\"]:.2f}')" "$1"; }
# sweep_cfg BASE VARIANTS: the default sweep over BASE with VARIANTS variants.
sweep_cfg() { sed -e "s|base = \"../scenarios/haiphong-2026.cfg\"|base = \"$1\"|" -e "s/variants = 10000/variants = $2/" \
  bench/sweep-default.cfg; }

sweep_cfg "$PWD/scenarios/haiphong-2026.cfg" 10000 > "$tmp/default.cfg"
sed 's/ step = 0.05;//' scenarios/haiphong-2026.cfg | sed "s|\"data/|\"$PWD/scenarios/data/|g" > "$tmp/continuous.cfg"
sweep_cfg "$tmp/continuous.cfg" 10000 > "$tmp/default-lp.cfg"
for spec in "all-cores default $(nproc)" "one-core default 1" "continuous-shares default-lp $(nproc)"; do
  set -- $spec
  hyperfine -N --warmup 1 --runs 3 "$bin sweep $tmp/$2.cfg -o $tmp/o --charts none --jobs $3" --export-json "$tmp/h.json" \
    >/dev/null 2>&1
  rss=$(/usr/bin/time -v "$bin" sweep "$tmp/$2.cfg" -o "$tmp/o" --charts none --jobs "$3" 2>&1 >/dev/null |
        awk -F': ' '/Maximum resident/{printf "%.0f", $2 / 1024}')
  echo "default sweep, 10,000 LHS variants, $1 (--jobs $3): median $(median "$tmp/h.json") s, peak $rss MB" \
       "($(grep -o '"solved": [0-9]*' "$tmp/o/sweep.json" | grep -o '[0-9]*') solved)"
  eval "t_$(echo "$1" | tr - _)=$(median "$tmp/h.json")"
done

sweep_cfg "$PWD/scenarios/haiphong-2026.cfg" 1000 > "$tmp/k.cfg"
"$bin" sweep "$tmp/k.cfg" -o "$tmp/k" --charts none --jobs 1 --export-lps "$tmp/k.jsonl" >/dev/null
scipy=$($py bench/sweep_scipy.py "$tmp/k.jsonl" --out "$tmp/scipy.csv")
pulp=$($py bench/sweep_pulp.py "$tmp/k.jsonl" --limit 100)
echo "$scipy"
echo "$pulp"
python3 - "$t_all_cores" "$t_one_core" "$scipy" "$pulp" "$tmp/scipy.csv" "$tmp/k/sweep.csv" <<'PY'
import csv, sys
all_cores, one_core = 10000 / float(sys.argv[1]), 10000 / float(sys.argv[2])
rate = lambda line: float(line.split("variants_per_s ")[1])
scipy, pulp = rate(sys.argv[3]), rate(sys.argv[4])
print(f"throughput (variants/s): fiscalsim {all_cores:.0f} on all cores, {one_core:.0f} on one; "
      f"SciPy loop {scipy:.1f}; PuLP loop {pulp:.1f}")
print(f"ratios: fiscalsim (all cores) / SciPy {all_cores / scipy:.0f}x, / PuLP {all_cores / pulp:.0f}x; "
      f"fiscalsim (one core) / SciPy {one_core / scipy:.0f}x, / PuLP {one_core / pulp:.0f}x")
ours = {r["variant"]: r for r in csv.DictReader(open(sys.argv[6], encoding="utf-8-sig"))}
theirs = list(csv.DictReader(open(sys.argv[5])))
same = sum(ours[r["variant"]]["status"] == r["status"] for r in theirs)
print(f"SciPy agrees with fiscalsim on the status of {same} of {len(theirs)} variants")
PY

sed -e "s|base = \"../scenarios|base = \"$PWD/scenarios|" -e "s/variants = 10000/variants = $national/" \
  bench/sweep-national.cfg > "$tmp/national.cfg"
/usr/bin/time -f "%e %M" -o "$tmp/nt" "$bin" sweep "$tmp/national.cfg" -o "$tmp/n" --charts none >/dev/null
read -r secs kb < "$tmp/nt"
echo "national sweep, $national LHS variants of 3,321 units (--jobs $(nproc)): $secs s, peak $((kb / 1024)) MB," \
     "$(grep -o '"solved": [0-9]*' "$tmp/n/sweep.json" | grep -o '[0-9]*') solved," \
     "$(grep -o '"infeasible": [0-9]*' "$tmp/n/sweep.json" | grep -o '[0-9]*') infeasible"

sed -e "s|base = \"../scenarios|base = \"$PWD/scenarios|" -e "s/variants = 10000/variants = $mpi_variants/" \
  bench/sweep-national.cfg > "$tmp/nmpi.cfg"
# This machine's speed drifts by up to 45% over minutes (the same run's CPU time too),
# so the runs alternate, 1 rank then 2, three rounds, and each round's ratio is
# reported with the median; CPU seconds per wall second of the 2-rank run (user plus
# system over elapsed) shows both cores kept busy, and the CPU times of the two runs of
# a round whether the ranks do more work than one process. A rank that has finished
# waits for the other in MPI_Gather, polling: that wait counts as CPU time too. Each
# round rewrites the same output folders.
for round in 1 2 3; do
  for np in 1 2; do
    /usr/bin/time -f "%e %U %S" -o "$tmp/t$round-$np" \
      mpirun --oversubscribe -np $np "$mpibin" sweep "$tmp/nmpi.cfg" -o "$tmp/m$np" --charts none --jobs 1 >/dev/null
  done
done
cmp -s "$tmp/m1/sweep.csv" "$tmp/m2/sweep.csv" && same="identical" || same="DIFFERENT"
python3 - "$tmp" "$same" "$mpi_variants" <<'PY'
import statistics, sys
tmp, same, n = sys.argv[1:4]
t = {}
for r in (1, 2, 3):
    for np in (1, 2):
        elapsed, user, system = map(float, open(f"{tmp}/t{r}-{np}").read().split())
        t[r, np] = (elapsed, user + system)
ratios = [t[r, 1][0] / t[r, 2][0] for r in (1, 2, 3)]
for r in (1, 2, 3):
    print(f"MPI round {r}: 1 rank {t[r, 1][0]:.2f} s (CPU {t[r, 1][1]:.2f} s), 2 ranks {t[r, 2][0]:.2f} s "
          f"(CPU {t[r, 2][1]:.2f} s): {ratios[r - 1]:.2f}x, {t[r, 2][1] / t[r, 2][0]:.2f} CPU s per s")
print(f"MPI, national sweep of {n} variants: median speed-up {statistics.median(ratios):.2f}x from 1 to 2 ranks "
      f"(outputs {same})")
PY
