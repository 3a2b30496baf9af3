#!/usr/bin/env bash
# Sweeps: results identical to the byte whatever --jobs is; every variant agrees with
# the closed form of tests/fixtures/sweep-water-filling.cfg (infeasible below an
# envelope of 500, then (envelope - 500) / 400, then (envelope - 400) / 1000); the
# regression finds the envelope (coefficient near 1, R² near 1) and not the inert priority; a one-at-a-time design has
# 1 + 2 × parameters variants, the baseline first.
# The charts: drawn from the tables just written (the golden script of the water-filling
# sweep; valid PNG and SVG files and a 2-page pack for a Latin hypercube and a one-at-a-
# time design, Vietnamese by default, English with --lang en; Sobol's total index;
# --charts none; none for a shard; merge draws the same; gnuplot missing: exit 69).
# Refused before anything runs: a design of more than 10^7 variants (sweep, not only
# check), values outside their key's range (the same range as the loader's, key by
# key); --shard out of range or malformed. A variant that fails anyway is counted and
# explained. A journal in the output folder is never run over nor removed without
# --resume or --restart; workers die with a sweep killed by SIGKILL.
# usage: check_sweep.sh FISCALSIM TESTS_DIR [--update]
set -u
bin=$1 tests=$2 update=${3:-}
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
expect_same_file "merged fan" "$tmp/disb/sweep_disbursement.csv" "$tmp/dm/sweep_disbursement.csv"
# The fan: 13 month ends (to 31 January 2027); quantiles in order within a month and
# rising month by month; its December median is the median of the variants' forecast at
# 2026-12-31 (the same figure), over the same solved variants.
fan=$(python3 - "$tmp/disb" <<'PY'
import csv, statistics, sys
fan = list(csv.DictReader(open(sys.argv[1] + "/sweep_disbursement.csv", encoding="utf-8-sig")))
rows = [r for r in csv.DictReader(open(sys.argv[1] + "/sweep.csv", encoding="utf-8-sig")) if r["status"] == "solved"]
q = ["p05", "p25", "p50", "p75", "p95"]
ok = len(fan) == 13 and fan[0]["month_end"] == "2026-01-31" and fan[-1]["month_end"] == "2027-01-31"
ok = ok and all(float(f[a]) <= float(f[b]) + 1e-12 for f in fan for a, b in zip(q, q[1:]))
ok = ok and all(float(a["p50"]) <= float(b["p50"]) + 1e-12 for a, b in zip(fan, fan[1:]))
dec = fan[11]
ok = ok and dec["month_end"] == "2026-12-31" and int(dec["variants"]) == len(rows)
ok = ok and abs(float(dec["p50"]) - statistics.median(float(r["disbursed_2026-12-31"]) for r in rows)) < 2e-6
print("ok" if ok else fan)
PY
)
expect "fan of the month-end disbursement" ok "$fan"

# One at a time with a parameter constant over the solved variants (its low end infeasible,
# its high end the baseline): it gets a coefficient of 0, the others are still fitted.
sed -e 's/design = "lhs";/design = "oat";/' -e 's/min = 300.0; max = 1200.0;/min = 300.0; max = 900.0;/' \
  -e "s|base = \"water-filling.cfg\";|base = \"$fixtures/water-filling.cfg\";|" "$fixtures/sweep-water-filling.cfg" > "$tmp/oat0.cfg"
"$bin" sweep "$tmp/oat0.cfg" -o "$tmp/oat0" --charts none >/dev/null; expect "oat with a constant column" 0 $?
expect "constant column" "0.000000" "$(awk -F, '$1=="min_coverage" && $2=="policy.envelope" {print $3}' "$tmp/oat0/sensitivity.csv")"

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
out=$("$bin" sweep "$sweep" -o "$tmp/resume" --resume --charts none); expect "resume" 0 $?
expect "resume count (Vietnamese by default)" "water filling: 60 biến thể (20 lấy từ nhật ký), 46 giải được, 14 không khả thi, 0 lỗi, kết quả tại $tmp/resume" "$out"
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
# Workers die with their sweep: a sweep killed with SIGKILL cannot pass it on, and its
# workers once ran on for the rest of the sweep.
sed -e 's/variants = 4000;/variants = 20000;/' "$tmp/big.cfg" > "$tmp/long.cfg"
"$bin" sweep "$tmp/long.cfg" -o "$tmp/orphans" --jobs 2 --charts none >/dev/null 2>&1 &
pid=$! workers=""
for _ in $(seq 100); do
  workers=$(pgrep -P $pid | tr '\n' ' ')
  [ "$(wc -w <<<"$workers")" -ge 2 ] && break
  sleep 0.05
done
kill -9 $pid; wait $pid 2>/dev/null
expect "two workers seen" 2 "$(wc -w <<<"$workers")"
alive=""
for _ in $(seq 20); do
  alive=""
  for w in $workers; do case "$(ps -o stat= -p "$w" 2>/dev/null)" in "" | Z*) ;; *) alive="$alive $w" ;; esac; done
  [ -z "$alive" ] && break
  sleep 0.1
done
expect "no worker outlives a sweep killed with SIGKILL" "" "$alive"
[ -n "$alive" ] && kill -9 $alive 2>/dev/null

# A journal in the folder: a plain sweep refuses it (exit 64) saying what it is, --resume
# refuses a damaged or another sweep's journal (exit 65) and neither says "rerun with
# --resume"; --restart discards it and says so; the two options exclude each other.
mkdir -p "$tmp/foreign"
printf '# fiscalsim sweep journal: fingerprint 0123456789abcdef variants 4000\nvariant,status,failure,min_coverage,units_under_need,gini,city_balance,transfers\n' \
  > "$tmp/foreign/sweep-part-77.csv"
err=$("$bin" sweep "$sweep" -o "$tmp/foreign" --charts none 2>&1 >/dev/null); code=$?
expect "another sweep's journal: exit" 64 $code
fp=$(cd "$tmp" && "$bin" sweep "$sweep" -o s1b --shard 1/3 >/dev/null && head -1 s1b/sweep-shard-1-of-3.csv | awk '{print $6}')
expect "another sweep's journal: message" "fiscalsim: $tmp/foreign/sweep-part-77.csv:1: the journal of another sweep (fingerprint 0123456789abcdef, 4000 variants; this sweep: $fp, 60 variants: other inputs or another design): the sweep does not start over it; discard it with --restart, or write to another folder (-o)" "$err"
expect "another sweep's journal: kept" "sweep-part-77.csv" "$(cd "$tmp/foreign" && echo *)"
err=$("$bin" sweep "$sweep" -o "$tmp/foreign" --charts none --resume 2>&1 >/dev/null); code=$?
expect "another sweep's journal, --resume: exit" 65 $code
expect "another sweep's journal, --resume: message" "fiscalsim: $tmp/foreign/sweep-part-77.csv:1: the journal of another sweep (fingerprint 0123456789abcdef, 4000 variants; this sweep: $fp, 60 variants: other inputs or another design): it cannot be resumed; discard it with --restart, or write to another folder (-o)" "$err"
"$bin" sweep "$sweep" -o "$tmp/foreign" --resume --restart >/dev/null 2>&1; expect "--resume with --restart" 64 $?
err=$("$bin" sweep "$sweep" -o "$tmp/foreign" --charts none --restart 2>&1 >/dev/null); code=$?
expect "--restart: exit" 0 $code
expect "--restart: says so" "fiscalsim: $tmp/foreign: --restart: discarded the journal of an earlier sweep there (1 file)" "$err"
expect "--restart: the outputs, no journal" "sensitivity.csv sweep.csv sweep.json" "$(cd "$tmp/foreign" && echo *)"
mkdir -p "$tmp/same" && cp "$tmp/s2/sweep-shard-2-of-3.csv" "$tmp/same/sweep-part-1.csv"
err=$("$bin" sweep "$sweep" -o "$tmp/same" --charts none 2>&1 >/dev/null); code=$?
expect "this sweep's journal: exit" 64 $code
expect "this sweep's journal: message" "fiscalsim: $tmp/same: this folder holds the journal of an unfinished run of this sweep (20 of 60 variants done, 1 file): continue it with --resume, or discard it with --restart" "$err"
sed -i '10s/.*/11,0,0,0.5,oops/' "$tmp/same/sweep-part-1.csv"
byte=$(head -9 "$tmp/same/sweep-part-1.csv" | wc -c)
err=$("$bin" sweep "$sweep" -o "$tmp/same" --charts none --resume 2>&1 >/dev/null); code=$?
expect "damaged journal, --resume: exit" 65 $code
expect "damaged journal, --resume: line and byte" "fiscalsim: $tmp/same/sweep-part-1.csv:10: damaged line in the sweep journal (at byte $byte): it cannot be resumed; discard it with --restart, or write to another folder (-o)" "$err"
# The shards of one sweep share a folder: each has its own journal files.
"$bin" sweep "$sweep" -o "$tmp/shared" --shard 1/3 >/dev/null && "$bin" sweep "$sweep" -o "$tmp/shared" --shard 2/3 >/dev/null &&
  "$bin" sweep "$sweep" -o "$tmp/shared" --shard 3/3 >/dev/null
expect "shards in one folder" 0 $?
expect "shards in one folder: files" "sweep-shard-1-of-3.csv sweep-shard-2-of-3.csv sweep-shard-3-of-3.csv" "$(cd "$tmp/shared" && echo *)"

# --shard K/N: 1 <= K <= N <= 10^6, digits only (strtoull once read 1/99999999999999999999
# as shard 1 of 18446744073709551615).
for s in 1/99999999999999999999 99999999999999999999/1 0/2 3/2 1/1000001 -1/2 " 1/2" +1/2 1/2x 1/ /2 1//2 1/2/3 ""; do
  err=$("$bin" sweep "$sweep" -o "$tmp/shardbad" --shard "$s" 2>&1 >/dev/null); code=$?
  expect "--shard \"$s\": exit" 64 $code
  expect "--shard \"$s\": message" "fiscalsim: --shard takes K/N, the K-th of N parts (1 <= K <= N <= 1000000), got \"$s\"" "$(head -1 <<<"$err")"
done
"$bin" sweep "$sweep" -o "$tmp/shardmax" --shard 1000000/1000000 --charts none >/dev/null; expect "--shard 1000000/1000000" 0 $?
expect "sweep --help names --restart" yes "$("$bin" sweep --help --lang en | grep -q -- '--restart  *discard the journal' && echo yes)"

# More than 10^7 variants: refused when loaded, by sweep as by check (a grid of 1000^4
# values once ran out of memory, exit 70, and said "rerun with --resume").
vals=$(seq -s ', ' 600 1599 | sed 's/\([0-9]\+\)/\1.0/g')
{ echo "base = \"$fixtures/water-filling.cfg\";"; echo "sweep = { design = \"grid\"; parameters = ("
  for k in policy.envelope city.revenue city.need city.central_transfers; do echo "{ key = \"$k\"; values = [ $vals ]; },"; done
  echo "); };"; } | sed -z 's/},\n); };/} ); };/' > "$tmp/grid4.cfg"
err=$("$bin" sweep "$tmp/grid4.cfg" -o "$tmp/grid4" 2>&1 >/dev/null); code=$?
expect "1000^4 grid: exit" 65 $code
expect "1000^4 grid: message" "fiscalsim: $tmp/grid4.cfg:2: sweep.parameters: a grid of 1000 × 1000 × 1000 × 1000 values makes 1000000000000 variants, more than the 10000000 a sweep can run: give fewer values, or draw a sample (design = \"lhs\")" "$err"
expect "1000^4 grid: nothing written" "" "$(ls "$tmp/grid4" 2>/dev/null)"
# 2^64 variants wrapped to 0 in a size_t: the sweep then dereferenced a null design.
(cd "$tests" && "$bin" sweep bad-input/sweep-grid-wraps.cfg -o "$tmp/wraps" >/dev/null 2>&1); expect "grid of 2^64 variants: sweep" 65 $?

# A variant that fails is counted and explained: sweep.json has a count per reason and
# the first message; the summary says how many failed.
cat > "$tmp/fail.cfg" <<CFG
base = "$fixtures/water-filling.cfg";
sweep = { design = "grid"; parameters = ( { key = "population"; values = [ 0.0001, 0.5, 1.0, 0.0002 ]; },
  { key = "policy.envelope"; values = [ 900.0, 1000.0 ]; } ); };
CFG
out=$("$bin" sweep "$tmp/fail.cfg" -o "$tmp/fail" --charts none --lang en 2>"$tmp/fail.err"); expect "failed variants: exit" 0 $?
expect "failed variants: summary" "water filling: 8 variants (0 from the journal), 4 solved, 0 infeasible, 4 failed, outputs in $tmp/fail" "$out"
first="variant 1: $tmp/fail.cfg:2: population: unit \"A\": population 1000 × 0.0001 is 0.1, but a unit's population must be a positive integer up to 10^15"
expect "failed variants: warning" "fiscalsim: warning: 4 variants failed (invalid_variant), the first: $first" "$(cat "$tmp/fail.err")"
expect "failed variants: sweep.json" "4|invalid_variant|4|1|$first" \
  "$(python3 -c 'import json, sys; j = json.load(open(sys.argv[1])); f = j["failures"]
print("|".join(str(x) for x in [j["failed"], len(f) == 1 and f[0]["reason"], f[0]["variants"], f[0]["first_variant"], f[0]["message"]]))' \
  "$tmp/fail/sweep.json")"
expect "failed variants: sweep.csv" "failed failed solved solved solved solved failed failed" \
  "$(tail -n +2 "$tmp/fail/sweep.csv" | cut -d, -f4 | tr '\n' ' ' | sed 's/ $//')"
"$bin" sweep "$tmp/fail.cfg" -o "$tmp/fail-charts" --charts pdf --lang en >/dev/null 2>&1
expect "failed variants: the charts' subtitle says so" yes \
  "$(has_text "$(pdftotext -f 2 -l 2 "$tmp/fail-charts/sweep-pack.pdf" - 2>/dev/null)" "8 variants: 4 solved, 0 infeasible, 4 failed")"
expect "failed variants: the cover says so" yes \
  "$(has_text "$(pdftotext -f 1 -l 1 "$tmp/fail-charts/sweep-pack.pdf" - 2>/dev/null)" "4 variants failed; see sweep.csv.")"

# A normal reaching past its key's range is truncated to it, not clipped: every value
# inside, none piled up at the end.
cat > "$tmp/normal.cfg" <<CFG
base = "$fixtures/water-filling.cfg";
sweep = { design = "lhs"; variants = 400; parameters = ( { key = "policy.priority"; dist = "normal"; mean = 0.9; sd = 0.3; } ); };
CFG
"$bin" sweep "$tmp/normal.cfg" -o "$tmp/normal" --charts none >/dev/null; expect "truncated normal" 0 $?
expect "truncated normal: inside, not piled up at 1" "ok" "$(python3 - "$tmp/normal/sweep.csv" <<'PY'
import csv, sys
v = [float(r["policy.priority"]) for r in csv.DictReader(open(sys.argv[1], encoding="utf-8-sig"))]
print("ok" if len(v) == 400 and min(v) >= 0 and max(v) <= 1 and v.count(1.0) <= 1 and sum(x > 0.95 for x in v) > 20 else (min(v), max(v), v.count(1.0)))
PY
)"

# One at a time, a truncated normal's ends are its 5% and 95% quantiles (SciPy's truncnorm).
sed 's/design = "lhs"; variants = 400;/design = "oat";/' "$tmp/normal.cfg" > "$tmp/normal-oat.cfg"
"$bin" sweep "$tmp/normal-oat.cfg" -o "$tmp/normal-oat" --charts none >/dev/null; expect "truncated normal, oat" 0 $?
expect "truncated normal, oat: the ends" "ok" "$(/usr/bin/python3 - "$tmp/normal-oat/sweep.csv" <<'PY'
import csv, sys
from scipy.stats import truncnorm
v = [float(r["policy.priority"]) for r in csv.DictReader(open(sys.argv[1], encoding="utf-8-sig"))]
want = truncnorm.ppf([0.05, 0.95], (0 - 0.9) / 0.3, (1 - 0.9) / 0.3, loc=0.9, scale=0.3)
print("ok" if len(v) == 3 and abs(v[1] - want[0]) < 1e-6 and abs(v[2] - want[1]) < 1e-6 else (v, list(want)))
PY
)"

# The range of each key a sweep can vary is the loader's own: at each end a sweep and
# the loader both accept the value, just past it both refuse it.
expect "ranges of the sweep = ranges of the loader" "ok" "$(python3 - "$bin" "$fixtures/../../scenarios/haiphong-2026.cfg" "$tmp/ranges" <<'PY'
import os, re, subprocess, sys
binary, base, work = sys.argv[1:]
os.makedirs(work, exist_ok=True)
keys = [  # key, the reform that sets it ({v}), where the loader reports it, money
    ("policy.envelope", "policy = {{ envelope = {v}; }};", "policy.envelope:", True),
    ("policy.hold_harmless", "policy = {{ hold_harmless = {v}; }};", "policy.hold_harmless:", False),
    ("policy.priority", "policy = {{ priority = {v}; }};", "policy.priority:", False),
    ("policy.coverage_min", "policy = {{ coverage_min = {v}; }};", "policy.coverage_min:", False),
    ("policy.cap", "policy = {{ cap = {v}; }};", "policy.cap:", False),
    ("city.revenue", "city = {{ revenue = {v}; }};", "city.revenue:", True),
    ("city.need", "city = {{ need = {v}; }};", "city.need:", True),
    ("city.central_transfers", "city = {{ central_transfers = {v}; }};", "city.central_transfers:", True),
    ("city.reserve_rate", "city = {{ reserve_rate = {v}; }};", "city.reserve_rate:", False),
    ("norms.recurrent.per_capita", 'norms = ( {{ id = "recurrent"; per_capita = {v}; }} );', "per_capita:", False),
    ("norms.investment.per_km2", 'norms = ( {{ id = "investment"; per_km2 = {v}; }} );', "per_km2:", False),
    ("norms.other.fixed", 'norms = ( {{ id = "other"; fixed = {v}; }} );', "fixed:", False),
    ("sources.lu_small.central", 'sources = ( {{ id = "lu_small"; central = {v}; }} );', "central", False),
    ("disbursement.capacity.without_pmb", "disbursement = {{ capacity = {{ without_pmb = {v}; }}; }};", "without_pmb:", False),
    ("disbursement.capacity.staff_elasticity", "disbursement = {{ capacity = {{ staff_elasticity = {v}; }}; }};",
     "staff_elasticity:", False),
    ("disbursement.cash.opening", "disbursement = {{ cash = {{ opening = {v}; }}; }};", "opening:", True),
]
def check(text, name):
    path = os.path.join(work, name + ".cfg")
    open(path, "w").write(f'base = "{base}";\n{text}\n')
    return subprocess.run([binary, "check", path], capture_output=True, text=True).stderr
def literal(v, money):
    return f"{int(v)}L" if money else repr(float(v))
bad = []
for key, reform, where, money in keys:
    sweep = 'sweep = {{ design = "grid"; parameters = ( {{ key = "{k}"; values = [ {v} ]; }} ); }};'
    err = check(sweep.format(k=key, v="-1e300"), "probe")
    m = re.search(r"values\.\[0\]: must be between (\S+) and (\S+) \(", err)
    if not m:
        bad.append(f"{key}: no range in {err!r}")
        continue
    lo, hi = float(m.group(1)), float(m.group(2))
    step = lambda v: 1 if money else max(1e-9, abs(v) * 1e-9)
    for v, inside in ((lo, True), (hi, True), (lo - step(lo), False), (hi + step(hi), False)):
        in_sweep = "values.[0]:" not in check(sweep.format(k=key, v=literal(v, False)), "sweep")
        loader = check(reform.format(v=literal(v, money)), "loader")
        in_loader = not any(where in line and "under the norms" not in line and ": warning: " not in line
                            for line in loader.splitlines())
        if in_sweep != inside or in_loader != inside:
            bad.append(f"{key} = {v}: sweep {'accepts' if in_sweep else 'refuses'}, "
                       f"loader {'accepts' if in_loader else 'refuses'}")
print("ok" if not bad else "; ".join(bad))
PY
)"

# Charts, drawn from the tables just written. Golden script (relative paths, so that it
# is stable; --update rewrites it).
cd "$tmp"
"$bin" sweep "$fixtures/sweep-water-filling.cfg" -o wf --charts png,svg,pdf >/dev/null; expect "sweep with charts" 0 $?
if [ "$update" = "--update" ]; then cp "$(without_plots wf/sweep-charts.gp)" "$tests/golden/sweep-water-filling-charts.gp"; fi
expect_same_file "golden sweep chart script" "$tests/golden/sweep-water-filling-charts.gp" "$(without_plots wf/sweep-charts.gp)"
expect "the driver loads the chart scripts" "sweep_cover sweep_scatter sweep_tornado" \
  "$(grep -o "^load plots.'/sweep_[a-z]*" wf/sweep-charts.gp | sed "s|.*/||" | sort -u | xargs)"
for c in sweep_tornado sweep_scatter; do
  expect "lhs: $c.png" "PNG image data" "$(file -b wf/$c.png | cut -d, -f1)"
  expect "lhs: $c.svg" "SVG" "$(grep -q '<svg' wf/$c.svg && echo SVG)"
done
expect "lhs: pack pages (cover and two charts)" 3 "$(pages wf/sweep-pack.pdf)"
# The cover: the lowest coverage's range over the solved variants is sweep.csv's, and
# the parameters are named by their effect; no variant-1 column outside one at a time.
cover=$(pdftotext -f 1 -l 1 wf/sweep-pack.pdf - 2>/dev/null)
range=$(python3 -c "
import csv,sys; r=[float(x['min_coverage']) for x in csv.DictReader(open(sys.argv[1], encoding='utf-8-sig')) if x['status'] == 'solved']
r.sort(); n=len(r); m=r[n//2] if n % 2 else (r[n//2-1]+r[n//2])/2
f=lambda v: ('%.2f' % (100 * v)).replace('.', ',') + '%'
print(f(r[0]), 'đến', f(r[-1]), '(trung vị', f(m) + ').')" wf/sweep.csv)
expect "cover: the lowest coverage's range" yes "$(has_text "$cover" "Tỷ lệ đáp ứng thấp nhất dao động từ $range")"
expect "cover: the variants" yes "$(has_text "$cover" "Đợt quét chạy 60 biến thể của kịch bản theo thiết kế siêu khối Latin (LHS): 46 giải được, 14 không khả thi.")"
expect "cover: the most influential parameter first" yes \
  "$(has_text "$(tr '\n' ' ' <<<"$cover")" "Các tham số ảnh hưởng nhiều nhất đến tỷ lệ đáp ứng thấp nhất: Tổng mức phân bổ cho cấp xã (SRC = 1,00)")"
expect "cover: no variant-1 column outside one at a time" "" "$(has_text "$cover" "Biến thể 1")"
text=$(pdftotext wf/sweep-pack.pdf - 2>/dev/null)
for t in "Độ nhạy của các kết quả theo từng tham số" "Tỷ lệ đáp ứng nhu cầu chi thấp nhất theo các tham số ảnh hưởng nhiều nhất" \
         "Tỷ lệ đáp ứng nhu cầu chi thấp nhất" "Tổng bổ sung cân đối cho cấp xã" "Hệ số hồi quy chuẩn hóa (SRC)" \
         "Tổng mức phân bổ cho cấp xã" "(policy.envelope), tỷ đồng" "Biến thể không khả thi (14)" "không khả thi"; do
  expect "lhs pack text: $t" yes "$(has_text "$text" "$t")"
done
for p in 1 2 3; do
  expect "lhs page $p: scenario, design, variants" yes \
    "$(has_text "$(pdftotext -f $p -l $p wf/sweep-pack.pdf - 2>/dev/null)" "Kịch bản: water filling · Thiết kế: siêu khối Latin (LHS) · 60 biến thể: 46 giải được, 14 không khả thi")"
done
expect "no temporary files" "" "$(ls wf | grep -E '\.tmp' || true)"
"$bin" sweep "$fixtures/sweep-water-filling.cfg" -o wf-en --charts pdf --lang en >/dev/null; expect "english" 0 $?
expect "english: the pack only" "sensitivity.csv sweep-charts.gp sweep-pack.pdf sweep.csv sweep.json" "$(cd wf-en && echo *)"
text=$(pdftotext wf-en/sweep-pack.pdf - 2>/dev/null)
for t in "Sensitivity of the results to each parameter" "Lowest coverage of need against the most influential parameters" \
         "Scenario: water filling · Design: Latin hypercube (LHS) · 60 variants: 46 solved, 14 infeasible" \
         "Total balancing transfers to the communes" "(policy.envelope), billion VND" "Infeasible variants (14)"; do
  expect "english pack text: $t" yes "$(has_text "$text" "$t")"
done

# One at a time: the classic tornado, each end against the baseline; its infeasible
# end (an envelope of 300) marked.
"$bin" sweep "$tmp/oat.cfg" -o oat-charts --charts png,svg,pdf >/dev/null; expect "oat with charts" 0 $?
for c in sweep_tornado sweep_scatter; do
  expect "oat: $c.png" "PNG image data" "$(file -b oat-charts/$c.png | cut -d, -f1)"
  expect "oat: $c.svg" "SVG" "$(grep -q '<svg' oat-charts/$c.svg && echo SVG)"
done
expect "oat: pack pages" 3 "$(pages oat-charts/sweep-pack.pdf)"
cover=$(pdftotext -f 1 -l 1 -layout oat-charts/sweep-pack.pdf - 2>/dev/null)
expect "oat cover: variant 1 is the baseline" yes "$(has_text "$cover" "Biến thể 1")"
expect "oat cover: the parameter with the widest gap" yes \
  "$(has_text "$(pdftotext -f 1 -l 1 oat-charts/sweep-pack.pdf - | tr '\n' ' ')" "Tham số làm tỷ lệ đáp ứng thấp nhất thay đổi nhiều nhất là Tổng mức phân bổ cho cấp xã: từ không khả thi ở mức thấp đến")"
text=$(pdftotext oat-charts/sweep-pack.pdf - 2>/dev/null)
for t in "Biểu đồ tornado: kết quả khi từng tham số ở mức thấp và mức cao" "từng tham số một (OAT)" \
         "5 biến thể: 4 giải được, 1 không khả thi" "0,3 → 1,2 tỷ đồng" "Tham số ở mức thấp" "Tham số ở mức cao" \
         "Không khả thi ở mức đó" "cơ sở: 50,0%" "80,0%"; do
  expect "oat pack text: $t" yes "$(has_text "$text" "$t")"
done
expect "oat: the baseline at 50%" yes "$(grep -qE 'panel_base\[1\] = 50$' oat-charts/sweep-charts.gp && echo yes)"
"$bin" sweep "$tmp/oat.cfg" -o oat-en --charts pdf --lang en >/dev/null
text=$(pdftotext oat-en/sweep-pack.pdf - 2>/dev/null)
for t in "Tornado chart: the results with each parameter at its low and high end" "one at a time (OAT)" "Infeasible at that end"; do
  expect "oat english text: $t" yes "$(has_text "$text" "$t")"
done
expect "sobol: the total index" yes "$(has_text "$(pdftotext sobol/sweep-pack.pdf - 2>/dev/null)" "Chỉ số Sobol tổng (ST), khoảng tin cậy 95%")"

# No charts: with --charts none, for a shard; merge draws what the sweep drew.
"$bin" sweep "$fixtures/sweep-water-filling.cfg" -o nocharts --charts none >/dev/null; expect "charts none" 0 $?
expect "charts none: the tables only" "sensitivity.csv sweep.csv sweep.json" "$(cd nocharts && echo *)"
expect "a shard draws no charts" "sweep-shard-1-of-3.csv" "$(cd s1 && echo *)"
expect "merge draws the charts" "sweep-charts.gp sweep-pack.pdf sweep_scatter.png sweep_tornado.png" "$(cd merged && echo *.gp *.pdf *.png)"
expect "merge draws the sweep's charts" "" "$(diff <(sed "s|$tmp/j1||" j1/sweep-charts.gp) <(sed "s|$tmp/merged||" merged/sweep-charts.gp))"
"$bin" merge "$sweep" s1/sweep-shard-1-of-3.csv s2/sweep-shard-2-of-3.csv s3/sweep-shard-3-of-3.csv -o merged-en --charts pdf \
  --lang en >/dev/null
expect "merge --lang en" yes "$(has_text "$(pdftotext merged-en/sweep-pack.pdf - 2>/dev/null)" "Sensitivity of the results to each parameter")"
"$bin" sweep "$sweep" -o bad --charts gif >/dev/null 2>&1; expect "--charts gif" 64 $?
"$bin" merge "$sweep" s1/sweep-shard-1-of-3.csv --lang fr >/dev/null 2>&1; expect "merge --lang fr" 64 $?

# A province's scenario (upper_level = "province"): its level is named a province on
# the sweep's pages, the parameter city.revenue too.
cat > province.cfg <<CFG
base = "$fixtures/water-filling.cfg";
upper_level = "province";
sweep = { design = "oat"; parameters = ( { key = "city.revenue"; min = 100.0; max = 2000.0; } ); };
CFG
"$bin" sweep province.cfg -o province --charts pdf >/dev/null; expect "province sweep" 0 $?
text=$(pdftotext province/sweep-pack.pdf - 2>/dev/null)
expect "province: the balance" yes "$(has_text "$text" "Cân đối ngân sách tỉnh")"
expect "province: the parameter" yes "$(has_text "$text" "Thu ngân sách tỉnh")"
expect "province: no city" "" "$(has_text "$text" "thành phố")"

# User text is quoted in the script: a scenario name with quotes runs nothing.
cat > quoted.cfg <<CFG
base = "$fixtures/water-filling.cfg";
name = "O'Brien \" system(\"touch pwned\") \"";
sweep = { variants = 10; parameters = ( { key = "policy.envelope"; min = 600.0; max = 1200.0; } ); };
CFG
"$bin" sweep quoted.cfg -o quoted --charts png >/dev/null; expect "quoted name" 0 $?
expect "quoted name: quote doubled" yes "$(grep -qF "scenario = 'O''Brien" quoted/sweep-charts.gp && echo yes)"
expect "quoted name: nothing run" "" "$(ls pwned 2>/dev/null)"

# gnuplot missing: exit 69, nothing written (the journal stays for --resume), the
# message says what to do.
err=$(PATH=/nonexistent "$bin" sweep "$sweep" -o missing 2>&1 >/dev/null); code=$?
expect "missing gnuplot exit" 69 $code
expect "missing gnuplot message" "fiscalsim: gnuplot is not installed: nothing was written; install the Debian packages gnuplot-nox and fonts-dejavu-core, or leave the charts out with --charts none
fiscalsim: nothing was written: missing is as it was
fiscalsim: finished variants are kept in missing: rerun with --resume" "$err"
expect "no tables without gnuplot" "" "$(ls missing | grep -v '^sweep-part-' || true)"

# The disbursement fan (sweep_fan): drawn for the sweep with dates above, as a PNG, an
# SVG and a third page of the pack, in both languages; a sweep without dates draws none,
# even over a sweep_disbursement.csv left by an earlier sweep.
expect "fan: sweep_fan.png" "PNG image data" "$(file -b disb/sweep_fan.png | cut -d, -f1)"
expect "fan: pack pages" 4 "$(pages disb/sweep-pack.pdf)"
expect "fan: the cover's forecast" yes "$(has_text "$(pdftotext -f 1 -l 1 disb/sweep-pack.pdf - | tr '\n' ' ')" "Giải ngân dự báo đến hạn 31/01/2027: trung vị")"
expect "fan: merge draws it too" "PNG image data" "$(file -b dm/sweep_fan.png | cut -d, -f1)"
text=$(pdftotext -f 4 -l 4 disb/sweep-pack.pdf - 2>/dev/null)
for t in "Tỷ lệ giải ngân kế hoạch vốn đầu tư công dự báo qua các biến thể" \
         "Kịch bản: Hải Phòng 2026 · Thiết kế: siêu khối Latin (LHS) · 24 biến thể: 24 giải được, 0 không khả thi" \
         "90% biến thể ở giữa (phân vị 5–95)" "50% biến thể ở giữa (phân vị 25–75)" "Trung vị, cuối mỗi tháng" \
         "Đến hạn 31/01/2027: trung vị" "30/06/2026: " "31/12/2026: "; do
  expect "fan page text: $t" yes "$(has_text "$text" "$t")"
done
"$bin" sweep "$tmp/disb.cfg" -o fan-en --charts png,svg,pdf --lang en >/dev/null; expect "fan english" 0 $?
expect "fan english: sweep_fan.png" "PNG image data" "$(file -b fan-en/sweep_fan.png | cut -d, -f1)"
expect "fan english: sweep_fan.svg" "SVG" "$(grep -q '<svg' fan-en/sweep_fan.svg && echo SVG)"
text=$(pdftotext -f 4 -l 4 fan-en/sweep-pack.pdf - 2>/dev/null)
for t in "Forecast disbursement of the public investment plan across the variants" \
         "Middle 90% of the variants (5th–95th percentile)" "Median, at each month end" "By the deadline, 31 Jan 2027: median"; do
  expect "fan english text: $t" yes "$(has_text "$text" "$t")"
done
sed '/dates = /d' "$tmp/disb.cfg" > nodates.cfg
mkdir -p nodates && cp disb/sweep_disbursement.csv nodates/
"$bin" sweep nodates.cfg -o nodates --charts png,svg,pdf >/dev/null; expect "no dates" 0 $?
expect "no dates: no fan" "" "$(cd nodates && ls | grep sweep_fan)"
expect "no dates: one page fewer" "$(($(pages disb/sweep-pack.pdf) - 1))" "$(pages nodates/sweep-pack.pdf)"
finish sweep
