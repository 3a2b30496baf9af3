#!/usr/bin/env bash
# The committed default tables and national scenario are exactly what the generators
# produce; the national units split into one budget per province run one call each.
set -eu
root=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp -r "$root/scripts" "$root/scenarios" "$tmp/"
python3 "$tmp/scripts/gen_haiphong_units.py" >/dev/null
for f in haiphong-2026-units.csv haiphong-2026-norms.txt; do
  cmp "$tmp/scenarios/data/$f" "$root/scenarios/data/$f"
done
# The national scenario is what the generator writes; with --per-province the same units
# split into one budget per province (34 scenarios, 3,321 units in all), each solved by
# its own call (scripts/run_provinces.sh), every one optimal.
# (the runs need FISCALSIM, the program, in the environment; ctest sets it)
python3 "$tmp/scripts/gen_national.py" --out "$tmp/national" --per-province
cmp "$tmp/national/national-2026.cfg" "$root/scenarios/national/national-2026.cfg"
cmp "$tmp/national/data/national-2026-units.csv" "$root/scenarios/national/data/national-2026-units.csv"
[ "$(ls "$tmp/national/provinces/"*.cfg | wc -l)" = 34 ]
units=$(cat "$tmp/national/provinces/data/"*.csv | grep -v '^#' | grep -vc '^name,')
[ "$units" = 3321 ]
if [ -n "${FISCALSIM:-}" ]; then
  FISCALSIM=$FISCALSIM "$root/scripts/run_provinces.sh" "$tmp/national/provinces" "$tmp/runs" 2 >/dev/null
  [ "$(grep -c ',optimal,' "$tmp/runs/provinces.csv")" = 34 ]
  [ "$(awk -F, 'NR > 1 {s += $5} END {print s}' "$tmp/runs/provinces.csv")" = 3321 ]
fi
echo "generator: ok"
