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
sed -e 's/design = "lhs";/design = "sobol";/' -e 's/variants = 60;/variants = 64;/' \
  -e "s|base = \"water-filling.cfg\";|base = \"$fixtures/water-filling.cfg\";|" \
  "$fixtures/sweep-water-filling.cfg" > "$tmp/sobol.cfg"
"$bin" sweep "$tmp/sobol.cfg" -o "$tmp/sobol" >/dev/null; expect "sobol" 0 $?
expect "sobol sample: N (p + 2) variants" 256 "$(tail -n +2 "$tmp/sobol/sweep.csv" | wc -l)"
expect "sobol: the envelope drives min coverage, the priority nothing" "ok" "$(/usr/bin/python3 - "$tmp/sobol" <<'PY'
import csv, sys
s = {r["parameter"]: r for r in csv.DictReader(open(sys.argv[1] + "/sensitivity.csv", encoding="utf-8-sig"))
     if r["result"] == "min_coverage"}
e, p = s["policy.envelope"], s["policy.priority"]
print("ok" if float(e["st"]) > 0.8 and abs(float(p["st"])) < 0.01 and abs(float(p["s1"])) < 0.05 else
      f"envelope {e['s1']} {e['st']}, priority {p['s1']} {p['st']}")
PY
)"
"$bin" sweep "$tests/fixtures/water-filling.cfg" -o "$tmp/none" >/dev/null 2>&1; expect "no sweep section" 65 $?

# Correlated inputs: the stated rank correlations, the strata kept; an impossible set
# of correlations is refused with its line.
"$bin" sweep "$fixtures/sweep-correlated.cfg" -o "$tmp/corr" >/dev/null; expect "correlated" 0 $?
expect "rank correlations" "ok" "$(/usr/bin/python3 - "$tmp/corr" <<'PY'
import csv, sys
from scipy.stats import spearmanr
r = list(csv.DictReader(open(sys.argv[1] + "/sweep.csv", encoding="utf-8-sig")))
e, p, h = ([float(x[k]) for x in r] for k in ("policy.envelope", "policy.priority", "policy.hold_harmless"))
ok = abs(spearmanr(e, p)[0] - 0.7) < 0.05 and abs(spearmanr(p, h)[0] + 0.3) < 0.05 and abs(spearmanr(e, h)[0]) < 0.05
ok &= sorted(int((v - 600) / 600 * len(e)) for v in e) == list(range(len(e)))
print("ok" if ok else "differ")
PY
)"
sed -e 's/rho = 0.7; }, { a = "policy.priority"; b = "policy.hold_harmless"; rho = -0.3; }/rho = 0.9; }, { a = "policy.priority"; b = "policy.hold_harmless"; rho = 0.9; }, { a = "policy.envelope"; b = "policy.hold_harmless"; rho = -0.9; }/' \
  -e "s|base = \"water-filling.cfg\";|base = \"$fixtures/water-filling.cfg\";|" "$fixtures/sweep-correlated.cfg" > "$tmp/badcorr.cfg"
err=$("$bin" sweep "$tmp/badcorr.cfg" -o "$tmp/badcorr" 2>&1 | head -1); expect "impossible correlations" "fiscalsim: $tmp/badcorr.cfg:11: sweep.correlations: the stated correlations are not a valid correlation matrix (not positive definite)" "$err"

# Disbursement at chosen dates: the capacity of units without a board drives it; the
# figures survive the journal (shards merge to the byte).
cat > "$tmp/disb.cfg" <<CFG
base = "$fixtures/../../scenarios/haiphong-2026.cfg";
sweep = {
  design = "lhs"; variants = 24; seed = 11;
  dates = [ "2026-06-30", "2026-12-31" ];
  parameters = (
    { key = "policy.envelope"; min = 28000000.0; max = 28900000.0; },
    { key = "disbursement.capacity.without_pmb"; min = 0.5; max = 1.0; }
  );
};
CFG
"$bin" sweep "$tmp/disb.cfg" -o "$tmp/disb" >/dev/null; expect "sweep with dates" 0 $?
expect "disbursement columns" "disbursed_2026-06-30,disbursed_2026-12-31" "$(head -1 "$tmp/disb/sweep.csv" | cut -d, -f10-11)"
expect "capacity drives December" "ok" "$(awk -F, '$1=="disbursed_2026-12-31" && $2=="disbursement.capacity.without_pmb" {print ($3 > 0.8) ? "ok" : $3}' "$tmp/disb/sensitivity.csv")"
"$bin" sweep "$tmp/disb.cfg" -o "$tmp/d1" --shard 1/2 >/dev/null && "$bin" sweep "$tmp/disb.cfg" -o "$tmp/d2" --shard 2/2 >/dev/null &&
  "$bin" merge "$tmp/disb.cfg" "$tmp/d1/sweep-shard-1-of-2.csv" "$tmp/d2/sweep-shard-2-of-2.csv" -o "$tmp/dm" >/dev/null
expect "shards with dates" 0 $?
expect_same_file "merged with dates" "$tmp/disb/sweep.csv" "$tmp/dm/sweep.csv"

# Shards merge into the single sweep's outputs, to the byte; a missing shard is named.
sweep="$fixtures/sweep-water-filling.cfg"
"$bin" sweep "$sweep" -o "$tmp/s1" --shard 1/3 >/dev/null && "$bin" sweep "$sweep" -o "$tmp/s2" --shard 2/3 --jobs 1 >/dev/null &&
  "$bin" sweep "$sweep" -o "$tmp/s3" --shard 3/3 >/dev/null
expect "shards" 0 $?
"$bin" merge "$sweep" "$tmp/s1/sweep-shard-1-of-3.csv" "$tmp/s2/sweep-shard-2-of-3.csv" "$tmp/s3/sweep-shard-3-of-3.csv" \
  -o "$tmp/merged" >/dev/null
expect "merge" 0 $?
for f in sweep.csv sensitivity.csv sweep.json; do expect_same_file "merged $f" "$tmp/j1/$f" "$tmp/merged/$f"; done
err=$("$bin" merge "$sweep" "$tmp/s1/sweep-shard-1-of-3.csv" "$tmp/s3/sweep-shard-3-of-3.csv" -o "$tmp/m2" 2>&1 >/dev/null)
expect "merge with a shard missing" "fiscalsim: $sweep: sweep: the shards hold 40 of the 60 variants (variant 2 is missing)" "$err"
err=$("$bin" merge "$tests/fixtures/sweep-water-filling.cfg" "$tmp/oat/sweep.csv" -o "$tmp/m3" 2>&1 >/dev/null)
expect "merge of a file that is not a shard" "fiscalsim: $tmp/oat/sweep.csv:1: not a fiscalsim sweep journal" "$err"

# Resume: the variants a journal holds are not run again, and the outputs are the same.
mkdir -p "$tmp/resume" && cp "$tmp/s2/sweep-shard-2-of-3.csv" "$tmp/resume/sweep-part-1.csv"
out=$("$bin" sweep "$sweep" -o "$tmp/resume" --resume); expect "resume" 0 $?
expect "resume count" "water filling: 60 variants (20 from the journal), 46 solved, 14 infeasible, outputs in $tmp/resume" "$out"
for f in sweep.csv sensitivity.csv; do expect_same_file "resumed $f" "$tmp/j1/$f" "$tmp/resume/$f"; done
expect "journal removed" "sensitivity.csv sweep.csv sweep.json" "$(cd "$tmp/resume" && echo *)"

# Killed half-way: the finished variants are readable, no output is written, --resume finishes.
sed -e 's/variants = 60;/variants = 4000;/' -e 's/design = "lhs";/design = "mc";/' \
  -e "s|base = \"water-filling.cfg\";|base = \"$fixtures/../../scenarios/haiphong-2026.cfg\";|" \
  -e 's/min = 300.0; max = 1200.0;/min = 27500000.0; max = 29500000.0;/' "$sweep" > "$tmp/big.cfg"
# Its own process group, so that the kill reaches the workers too, like a batch
# scheduler's (a background job ignores SIGINT).
setsid "$bin" sweep "$tmp/big.cfg" -o "$tmp/killed" --jobs 2 >/dev/null 2>&1 &
pid=$!
sleep 0.5
kill -TERM -- -$pid 2>/dev/null; wait $pid 2>/dev/null
if [ -e "$tmp/killed/sweep.csv" ]; then
  echo "note: the sweep finished before the interruption; kill check skipped"
else
  expect "interrupted: journal readable" "yes" "$(cat "$tmp"/killed/sweep-part-*.csv | grep -q '^# fiscalsim sweep journal' && echo yes)"
  "$bin" sweep "$tmp/big.cfg" -o "$tmp/killed" --resume --jobs 2 >/dev/null; expect "resumed after a kill" 0 $?
  "$bin" sweep "$tmp/big.cfg" -o "$tmp/whole" --jobs 2 >/dev/null
  expect_same_file "killed and resumed = whole" "$tmp/whole/sweep.csv" "$tmp/killed/sweep.csv"
fi
finish sweep
