#!/usr/bin/env bash
# compare: a scenario against itself changes nothing; a hand-computed 3-unit reform
# (equal coverage -> hold-harmless lifts A to 400, see the fixtures) gives the exact
# winners and losers table; units that differ are named.
# usage: check_compare.sh FISCALSIM ROOT
set -u
bin=$1 root=$2
. "$(dirname "$0")/expect.sh"
fx=$root/tests/fixtures

"$bin" compare "$root/scenarios/haiphong-2026.cfg" "$root/scenarios/haiphong-2026.cfg" -o "$tmp/self" >/dev/null
expect "self compare exit" 0 $?
expect "self: every unit unchanged" "114 unchanged" "$(tail -n +2 "$tmp/self/compare.csv" | awk -F, '{print $NF}' | sort | uniq -c | awk '{print $1, $2}')"
expect "self: no change in any group" "0" "$(tail -n +2 "$tmp/self/compare_groups.csv" | awk -F, '{s += ($8 < 0 ? -$8 : $8) + $4 + $5} END {print s}')"
expect "self: totals" "0 0 0 0" "$(python3 -c "
import json,sys; c=json.load(open(sys.argv[1]))
print(c['winners'], c['losers'], c['allocation']['change'], c['city_balance']['change'])" "$tmp/self/compare.json")"

"$bin" compare "$fx/equal-coverage.cfg" "$fx/water-filling.cfg" -o "$tmp/three" >/dev/null
expect "three-unit exit" 0 $?
expect "three-unit table" "unit,kind,class,regime,allocation_before,allocation_after,change,coverage_before,coverage_after,per_capita_before,per_capita_after,per_capita_change,outcome
A,commune,II,X,150,400,250,0.750000,2.000000,0.150000,0.400000,0.250000,winner
B,ward,I,X,450,300,-150,0.750000,0.500000,0.150000,0.100000,-0.050000,loser
C,commune,II,X,300,200,-100,0.750000,0.500000,0.150000,0.100000,-0.050000,loser" "$(sed '1s/^\xEF\xBB\xBF//' "$tmp/three/compare.csv")"
expect "three-unit groups" "dimension,value,units,winners,losers,allocation_before,allocation_after,change
kind,commune,2,1,1,450,600,150
kind,ward,1,0,1,450,300,-150
class,I,1,0,1,450,300,-150
class,II,2,1,1,450,600,150
regime,X,3,1,2,900,900,0" "$(sed '1s/^\xEF\xBB\xBF//' "$tmp/three/compare_groups.csv")"

err=$("$bin" compare "$fx/equal-coverage.cfg" "$fx/legal-formula.cfg" -o "$tmp/bad" 2>&1 >/dev/null); code=$?
expect "different units exit" 65 $code
expect "different units message" "fiscalsim: $fx/legal-formula.cfg: unit \"A\" of the baseline is not in the reform" "$(head -1 <<<"$err")"

finish compare
