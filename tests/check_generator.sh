#!/usr/bin/env bash
# The committed default tables are exactly what the generator produces.
set -eu
root=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp -r "$root/scripts" "$root/scenarios" "$tmp/"
python3 "$tmp/scripts/gen_haiphong_units.py" >/dev/null
for f in haiphong-2026-units.csv haiphong-2026-norms.txt; do
  cmp "$tmp/scenarios/data/$f" "$root/scenarios/data/$f"
done
