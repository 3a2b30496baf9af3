#!/usr/bin/env bash
# Runs a scenario and compares its outputs byte for byte with the golden copies.
# usage: check_golden.sh FISCALSIM SCENARIO GOLDEN_DIR [--update]
set -eu
bin=$1 scenario=$2 golden=$3 update=${4:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bin" run "$scenario" -o "$tmp" --charts none >/dev/null
status=0
files="allocation.csv revenue_split.csv shares.csv summary.json"
for f in disbursement.csv disbursement_units.csv disbursement_months.csv disbursement_fit.csv; do
  [ -e "$tmp/$f" ] && files="$files $f"
done
for f in $files; do
  if [ "$update" = "--update" ]; then
    mkdir -p "$golden"; cp "$tmp/$f" "$golden/$f"
  elif ! cmp -s "$tmp/$f" "$golden/$f"; then
    echo "differs from golden: $f"; diff "$golden/$f" "$tmp/$f" | head -20; status=1
  fi
done
exit $status
