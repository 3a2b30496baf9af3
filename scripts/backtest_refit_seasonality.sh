#!/usr/bin/env bash
# The backtest of the national series with the seasonality refitted without each held-out
# year too: the built-in weights were fitted to every national year, so the shipped
# backtest's national forecasts saw a little of their own year through the shape. For
# each national plan year Y: scripts/fit_seasonality.py --without Y, a backtest of the
# default scenario with those weights, and Y's rows; then the errors at 31 December and
# 31 January and the band's coverage per cutoff, beside the shipped backtest's for the
# same points. Needs python3-scipy. usage: scripts/backtest_refit_seasonality.sh [FISCALSIM]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-build/fiscalsim}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bin" backtest scenarios/haiphong-2026.cfg -o "$tmp/shipped" --charts none >/dev/null
years=$(awk -F, '$1 == "national" {print $2}' scenarios/data/haiphong-disbursement.csv | sort -u)
for y in $years; do
  fit=$(/usr/bin/python3 scripts/fit_seasonality.py --without "$y")
  months=$(echo "$fit" | sed -n 's/^months = \[ \(.*\) \];/\1/p')
  rush=$(echo "$fit" | sed -n 's/^rush_factor = \(.*\);/\1/p')
  printf 'base = "%s/scenarios/haiphong-2026.cfg";\ndisbursement = { seasonality = { months = [ %s ]; rush_factor = %s; }; };\n' \
    "$PWD" "$months" "$rush" > "$tmp/w$y.cfg"
  "$bin" backtest "$tmp/w$y.cfg" -o "$tmp/o$y" --charts none >/dev/null
done
/usr/bin/python3 - "$tmp" $years <<'PY'
import csv, sys
tmp, years = sys.argv[1], [int(y) for y in sys.argv[2:]]
def rows(path):
    return {(int(r["plan_year"]), r["cutoff"], r["date"]): r
            for r in csv.DictReader(open(path, encoding="utf-8-sig")) if r["series"] == "national"}
shipped = rows(f"{tmp}/shipped/backtest.csv")
refit = {k: r for y in years for k, r in rows(f"{tmp}/o{y}/backtest.csv").items() if k[0] == y}
err = lambda r: abs(float(r["forecast"]) - float(r["actual"]))
inside = lambda r: float(r["lo"]) <= float(r["actual"]) <= float(r["hi"])
for c in sorted({k[1] for k in refit}):
    line = [f"cutoff {c}:"]
    for name, md, dy in (("31 Dec", "12-31", 0), ("31 Jan", "01-31", 1)):
        keys = [k for k in refit if k[1] == c and k[2] == f"{k[0] + dy}-{md}"]
        if keys:
            line.append(f"{name} over {len(keys)}: refitted {100 * sum(err(refit[k]) for k in keys) / len(keys):.2f}, "
                        f"shipped {100 * sum(err(shipped[k]) for k in keys) / len(keys):.2f};")
    keys = [k for k in refit if k[1] == c]
    line.append(f"inside the band: refitted {100 * sum(map(inside, (refit[k] for k in keys))) / len(keys):.1f}%, "
                f"shipped {100 * sum(map(inside, (shipped[k] for k in keys))) / len(keys):.1f}% of {len(keys)}")
    print(" ".join(line))
PY
