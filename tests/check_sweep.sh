#!/usr/bin/env bash
# Sweeps: results identical to the byte whatever --jobs is; every variant agrees with
# the closed form of tests/fixtures/sweep-water-filling.cfg (infeasible below an
# envelope of 500, then (envelope - 500) / 400, then (envelope - 400) / 1000); the
# regression finds the envelope (coefficient near 1, R² near 1) and not the inert priority; a one-at-a-time design has
# 1 + 2 × parameters variants, the baseline first.
# usage: check_sweep.sh FISCALSIM TESTS_DIR
set -u
bin=$1 tests=$2
. "$(dirname "$0")/expect.sh"
"$bin" sweep "$tests/fixtures/sweep-water-filling.cfg" -o "$tmp/j1" --jobs 1 >/dev/null; expect "sweep jobs 1" 0 $?
"$bin" sweep "$tests/fixtures/sweep-water-filling.cfg" -o "$tmp/j2" --jobs 2 >/dev/null; expect "sweep jobs 2" 0 $?
for f in sweep.csv sensitivity.csv sweep.json; do expect_same_file "same $f at any --jobs" "$tmp/j1/$f" "$tmp/j2/$f"; done
expect "closed form" "ok" "$(/usr/bin/python3 - "$tmp/j1" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1] + "/sweep.csv", encoding="utf-8-sig")))
bad = []
for r in rows:
    env = round(float(r["policy.envelope"]))
    want = (env - 500) / 400 if env < 400 + 1000 / 6 else (env - 400) / 1000
    if env < 500:
        if r["status"] != "infeasible": bad.append(r["variant"])
    elif r["status"] != "solved" or abs(float(r["min_coverage"]) - want) > 1 / 400:
        bad.append(r["variant"])
sens = {(r["result"], r["parameter"]): r for r in csv.DictReader(open(sys.argv[1] + "/sensitivity.csv", encoding="utf-8-sig"))}
e, p = sens[("min_coverage", "policy.envelope")], sens[("min_coverage", "policy.priority")]
if abs(float(e["src"]) - 1) > 0.01 or float(e["r2"]) < 0.99 or abs(float(p["src"])) > 0.02: bad.append("regression")
if len(rows) != 60: bad.append("count")
print("ok" if not bad else "differ: " + " ".join(bad))
PY
)"
fixtures=$(cd "$tests/fixtures" && pwd)
sed -e 's/design = "lhs";/design = "oat";/' -e "s|base = \"water-filling.cfg\";|base = \"$fixtures/water-filling.cfg\";|" \
  "$fixtures/sweep-water-filling.cfg" > "$tmp/oat.cfg"
"$bin" sweep "$tmp/oat.cfg" -o "$tmp/oat" --jobs 2 >/dev/null; expect "oat" 0 $?
expect "oat design" "1,900.000000,0.000000
2,300.000000,0.000000
3,1200.000000,0.000000
4,900.000000,0.000000
5,900.000000,1.000000" "$(tail -n +2 "$tmp/oat/sweep.csv" | cut -d, -f1-3)"
"$bin" sweep "$tests/fixtures/water-filling.cfg" -o "$tmp/none" >/dev/null 2>&1; expect "no sweep section" 65 $?
finish sweep
