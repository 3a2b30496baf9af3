#!/usr/bin/env bash
# compare: a scenario against itself changes nothing; a hand-computed 3-unit reform
# (equal coverage -> hold-harmless lifts A to 400, see the fixtures) gives the exact
# winners and losers table; units that differ are named. The golden chart script of a
# one-key reform (water-filling -> overlay-hold); valid charts, pack pages with and
# without disbursement; XLSX; disbursement compared only when both scenarios have it;
# --dates, --lang, --format; gnuplot missing.
# usage: check_compare.sh FISCALSIM ROOT [--update]
set -u
bin=$1 root=$2 update=${3:-}
. "$(dirname "$0")/expect.sh"
fx=$root/tests/fixtures
nobom() { sed '1s/^\xEF\xBB\xBF//' "$1"; }

"$bin" compare "$root/scenarios/haiphong-2026.cfg" "$root/scenarios/haiphong-2026.cfg" -o "$tmp/self" --charts none \
  >/dev/null
expect "self compare exit" 0 $?
expect "self: every unit unchanged" "114 unchanged" "$(tail -n +2 "$tmp/self/compare.csv" | awk -F, '{print $NF}' | sort | uniq -c | awk '{print $1, $2}')"
expect "self: no change in any group" "0" "$(tail -n +2 "$tmp/self/compare_groups.csv" | awk -F, '{s += ($9 < 0 ? -$9 : $9) + $5 + $6} END {print s}')"
expect "self: totals" "0 0 0 0" "$(python3 -c "
import json,sys; c=json.load(open(sys.argv[1]))
print(c['winners'], c['losers'], c['allocation']['change'], c['city_balance']['change'])" "$tmp/self/compare.json")"
expect "self: no disbursement change" "0" "$(tail -n +2 "$tmp/self/compare_disbursement.csv" | awk -F, '{s += ($7 < 0 ? -$7 : $7) + ($3 != $4)} END {print s}')"

"$bin" compare "$fx/equal-coverage.cfg" "$fx/water-filling.cfg" -o "$tmp/three" >/dev/null
expect "three-unit exit" 0 $?
expect "three-unit table" "unit,kind,class,regime,allocation_before,allocation_after,change,coverage_before,coverage_after,per_capita_before,per_capita_after,per_capita_change,outcome
A,commune,II,X,150,400,250,0.750000,2.000000,0.150000,0.400000,0.250000,winner
B,ward,I,X,450,300,-150,0.750000,0.500000,0.150000,0.100000,-0.050000,loser
C,commune,II,X,300,200,-100,0.750000,0.500000,0.150000,0.100000,-0.050000,loser" "$(nobom "$tmp/three/compare.csv")"
expect "three-unit groups" "dimension,value,label,units,winners,losers,allocation_before,allocation_after,change
kind,commune,Xã,2,1,1,450,600,150
kind,ward,Phường,1,0,1,450,300,-150
class,I,loại I,1,0,1,450,300,-150
class,II,loại II,2,1,1,450,600,150
regime,X,X,3,1,2,900,900,0" "$(nobom "$tmp/three/compare_groups.csv")"
expect "three-unit: no disbursement outputs" "" "$(ls "$tmp/three" | grep disbursement || true)"
expect "three-unit: pack pages (cover + 3 charts)" "4" "$(pages "$tmp/three/compare-pack.pdf")"

err=$("$bin" compare "$fx/equal-coverage.cfg" "$fx/legal-formula.cfg" -o "$tmp/bad" 2>&1 >/dev/null); code=$?
expect "different units exit" 65 $code
expect "different units message" "fiscalsim: $fx/legal-formula.cfg: unit \"A\" of the baseline is not in the reform" "$(head -1 <<<"$err")"

# A reform that changes one key (hold-harmless 1 -> 0.5): A 400 -> 200, B and C share
# the rest at coverage 0.7. Golden chart script (relative paths, so it is stable);
# valid charts in every format; the Vietnamese and English labels.
cd "$tmp"
"$bin" compare "$fx/water-filling.cfg" "$fx/overlay-hold.cfg" -o hold --charts png,svg,pdf --format csv,xlsx >/dev/null
expect "one-key reform exit" 0 $?
expect "one-key reform: allocations" "A 400 200 -200 loser|B 300 420 120 winner|C 200 280 80 winner|" \
  "$(tail -n +2 hold/compare.csv | awk -F, '{printf "%s %s %s %s %s|", $1, $5, $6, $7, $NF}')"
if [ "$update" = "--update" ]; then cp "$(without_plots hold/compare-charts.gp)" "$root/tests/golden/compare-hold-charts.gp"; fi
expect_same_file "golden compare chart script" "$root/tests/golden/compare-hold-charts.gp" "$(without_plots hold/compare-charts.gp)"
expect "the driver loads the chart scripts" "compare_cover compare_groups compare_scatter compare_units" \
  "$(grep -o "^load plots.'/compare_[a-z]*" hold/compare-charts.gp | sed "s|.*/||" | sort -u | xargs)"
for c in compare_groups compare_units compare_scatter; do
  expect "$c.png" "PNG image data" "$(file -b hold/$c.png | cut -d, -f1)"
  expect "$c.svg" "SVG" "$(grep -q '<svg' hold/$c.svg && echo SVG)"
done
expect "no disbursement chart without disbursement" "" "$(ls hold | grep -E '^compare_disbursement' || true)"
expect "pack pages without disbursement" "4" "$(pages hold/compare-pack.pdf)"
text=$(pdftotext hold/compare-pack.pdf - 2>/dev/null)
for t in "So sánh hai phương án phân bổ ngân sách" "Đơn vị được tăng và bị giảm phân bổ theo nhóm" \
         "Thay đổi phân bổ của từng đơn vị" "Tỷ lệ đáp ứng nhu cầu chi: trước và sau" \
         "Phương án cải cách: water filling, half hold-harmless" "tỷ đồng"; do
  expect "pack text: $t" "yes" "$(grep -qF "$t" <<<"$text" && echo yes)"
done
# The cover: its figures are compare.json's, and its summary says what changed.
cover=$(pdftotext -f 1 -l 1 -layout hold/compare-pack.pdf - 2>/dev/null)
expect "cover counts" "yes" "$(has_text "$cover" "3 đơn vị: 2 được tăng, 1 bị giảm, 0 không đổi")"
expect "cover summary: winners and losers" "yes" \
  "$(has_text "$cover" "Phương án cải cách tăng phân bổ cho 2 đơn vị và giảm cho 1 đơn vị; 0 đơn vị không đổi.")"
expect "cover summary: the largest loss and gain" "yes" \
  "$(has_text "$cover" "Giảm nhiều nhất là A (-0,200 tỷ đồng), tăng nhiều nhất là B (+0,120 tỷ đồng).")"
expect "cover summary: the total is unchanged" "yes" \
  "$(has_text "$cover" "Tổng phân bổ cho cấp xã giữ nguyên: 0,900 tỷ đồng.")"
for row in $(python3 -c "
import json,sys; c=json.load(open(sys.argv[1])); m=c['min_coverage']
f=lambda v: ('%.2f' % (100 * v)).replace('.', ',') + '%'
print(f(m['before']), f(m['after']))" hold/compare.json); do
  expect "cover: lowest coverage $row from compare.json" "yes" "$(has_text "$cover" "$row")"
done
# One unit: every chart drawn (a labels plot of a single undefined row crashes gnuplot 5.4).
cat > one-base.cfg <<'CFG'
name = "one"; year = 2026;
units = { list = ( { name = "A"; kind = "commune"; class = "II"; regime = "X"; population = 1000; area_km2 = 10.0; } ); };
sources = ();
norms = ( { id = "base"; per_capita = 0.2; } );
policy = { envelope = 150; };
CFG
printf 'base = "one-base.cfg";\nname = "one, more";\npolicy = { envelope = 200; };\n' > one-reform.cfg
"$bin" compare one-base.cfg one-reform.cfg -o one --charts png,pdf >/dev/null
expect "one unit: compare with charts" 0 $?
expect "one unit: the pack" "4" "$(pages one/compare-pack.pdf)"
# A restyled copy of plots/ draws the charts: --plots.
cp -r "$root/plots" myplots
sed -i "s/^w_cmp_pack_title = .*/w_cmp_pack_title = 'Hai phương án, so sánh'/" myplots/words/vi.gp
"$bin" compare "$fx/water-filling.cfg" "$fx/overlay-hold.cfg" -o restyled --charts pdf --plots myplots >/dev/null
expect "--plots exit" 0 $?
expect "--plots: the copy's words" "yes" "$(has_text "$(pdftotext -f 1 -l 1 restyled/compare-pack.pdf - 2>/dev/null)" "Hai phương án, so sánh")"
expect "no temporary files" "" "$(ls hold | grep -E '\.tmp' || true)"
expect "xlsx" "Microsoft Excel 2007+" "$(file -b hold/compare.xlsx)"
expect "xlsx sheets" "So sánh|So sánh theo nhóm|Tỷ lệ phân chia" "$(python3 -c "
import re,sys,zipfile; w=zipfile.ZipFile(sys.argv[1]).read('xl/workbook.xml').decode()
print(*re.findall(r'<sheet name=\"([^\"]+)\"', w), sep='|')" hold/compare.xlsx)"

"$bin" compare "$fx/water-filling.cfg" "$fx/overlay-hold.cfg" -o hold-en --lang en --charts pdf >/dev/null
expect "english exit" 0 $?
expect "english group labels" "Commune|Ward|class I|class II|X|" \
  "$(tail -n +2 hold-en/compare_groups.csv | awk -F, '{printf "%s|", $3}')"
text=$(pdftotext hold-en/compare-pack.pdf - 2>/dev/null)
for t in "Comparison of two budget allocation scenarios" "Winners and losers of allocation by group" \
         "Change in allocation by unit" "Coverage of need: before and after" "billion VND"; do
  expect "english pack text: $t" "yes" "$(grep -qF "$t" <<<"$text" && echo yes)"
done

# Disbursement in both: a scenario against itself changes nothing at any date; the
# default dates; four more columns per unit; the disbursement chart (5 pages).
"$bin" compare "$fx/disbursement-cash.cfg" "$fx/disbursement-cash.cfg" -o disb --charts png,svg,pdf --format csv,xlsx \
  >/dev/null
expect "disbursement self exit" 0 $?
expect "disbursement: default dates" "2026-06-30 2026-09-30 2026-12-31 2027-12-31" \
  "$(tail -n +2 disb/compare_disbursement.csv | awk -F, '$2 == "whole" {print $1}' | xargs)"
expect "disbursement: parts" "whole lower city" "$(tail -n +2 disb/compare_disbursement.csv | awk -F, 'NR <= 3 {print $2}' | xargs)"
expect "disbursement: zero change everywhere" "12 0" \
  "$(tail -n +2 disb/compare_disbursement.csv | awk -F, '{c += ($7 != 0) + ($3 != $4) + ($5 != $6)} END {print NR, c}')"
expect "disbursement: unit columns" "disbursement_plan_before,disbursement_plan_after,completion_before,completion_after,outcome" \
  "$(nobom disb/compare.csv | head -1 | cut -d, -f13-)"
expect "disbursement: units' plans unchanged" "A 525 525|B 375 375|C 250 250|" \
  "$(tail -n +2 disb/compare.csv | awk -F, '{printf "%s %s %s|", $1, $13, $14}')"
expect "disbursement: daily table" "date,whole_before,whole_after,lower_before,lower_after,city_before,city_after" \
  "$(nobom disb/compare_disbursement_daily.csv | head -1)"
expect "disbursement: json dates" "4 0" "$(python3 -c "
import json,sys; d=json.load(open(sys.argv[1]))['disbursement']['dates']
print(len(d), sum(abs(e[p]['change']) for e in d for p in ('whole','lower','city')))" disb/compare.json)"
expect "compare_disbursement.png" "PNG image data" "$(file -b disb/compare_disbursement.png | cut -d, -f1)"
expect "compare_disbursement.svg" "SVG" "$(grep -q '<svg' disb/compare_disbursement.svg && echo SVG)"
expect "pack pages with disbursement" "5" "$(pages disb/compare-pack.pdf)"
expect "disbursement pack text" "yes" \
  "$(pdftotext disb/compare-pack.pdf - | grep -qF "Dự báo giải ngân toàn bộ kế hoạch vốn đầu tư: trước và sau" && echo yes)"
expect "xlsx sheets with disbursement" "So sánh|So sánh theo nhóm|Tỷ lệ phân chia|So sánh giải ngân|So sánh giải ngân theo ngày" "$(python3 -c "
import re,sys,zipfile; w=zipfile.ZipFile(sys.argv[1]).read('xl/workbook.xml').decode()
print(*re.findall(r'<sheet name=\"([^\"]+)\"', w), sep='|')" disb/compare.xlsx)"

# Chosen dates: sorted, each once; a bad date or one outside the forecasts is a usage error.
"$bin" compare "$fx/disbursement-cash.cfg" "$fx/disbursement-cash.cfg" -o dates --charts none \
  --dates 2027-03-31,2026-05-20,2026-05-20 >/dev/null
expect "dates exit" 0 $?
expect "dates rows" "2026-05-20 2027-03-31" "$(tail -n +2 dates/compare_disbursement.csv | awk -F, '$2 == "whole" {print $1}' | xargs)"
err=$("$bin" compare "$fx/disbursement-cash.cfg" "$fx/disbursement-cash.cfg" -o dates2 --dates 2026-05-20,2026-02-30 2>&1 >/dev/null); code=$?
expect "bad date exit" 64 $code
expect "bad date message" "fiscalsim: --dates: \"2026-02-30\" is not a date (YYYY-MM-DD)" "$(head -1 <<<"$err")"
err=$("$bin" compare "$fx/disbursement-cash.cfg" "$fx/disbursement-cash.cfg" -o dates2 --dates 2028-01-01 2>&1 >/dev/null); code=$?
expect "date outside the forecasts exit" 64 $code
expect "date outside the forecasts message" "fiscalsim: --dates: 2028-01-01 is outside the disbursement forecasts; both run from 2026-01-01 to 2027-12-31" "$err"
expect "no output on a usage error" "no" "$([ -e dates2 ] && echo yes || echo no)"

# Disbursement in one scenario only: ignored, nothing said about it.
out=$("$bin" compare "$fx/water-filling.cfg" "$fx/disbursement-cash.cfg" -o one --charts pdf); code=$?
expect "one with disbursement exit" 0 $code
expect "one with disbursement: nothing said" "" "$(grep -i "disbursement of" <<<"$out" || true)"
expect "one with disbursement: one line" "1" "$(wc -l <<<"$out")"
expect "one with disbursement: no columns, no tables" "outcome|" \
  "$(nobom one/compare.csv | head -1 | cut -d, -f13-)|$(ls one | grep disbursement || true)"
expect "one with disbursement: json" "False" "$(python3 -c "
import json,sys; print('disbursement' in json.load(open(sys.argv[1])))" one/compare.json)"
expect "one with disbursement: pages" "4" "$(pages one/compare-pack.pdf)"

# --format: XLSX alone has no CSV tables to draw from: no charts by default, and
# asking for them is a usage error.
"$bin" compare "$fx/water-filling.cfg" "$fx/overlay-hold.cfg" -o xlsx-only --format xlsx >/dev/null
expect "xlsx only exit" 0 $?
expect "xlsx only files" "compare.json compare.xlsx" "$(cd xlsx-only && echo *)"
err=$("$bin" compare "$fx/water-filling.cfg" "$fx/overlay-hold.cfg" -o x --format xlsx --charts png 2>&1 >/dev/null); code=$?
expect "xlsx only with charts exit" 64 $code
expect "xlsx only with charts message" "fiscalsim: --charts needs the CSV tables: use --format csv,xlsx" "$(head -1 <<<"$err")"
err=$("$bin" compare "$fx/water-filling.cfg" "$fx/overlay-hold.cfg" --format pdf 2>&1 >/dev/null); code=$?
expect "bad format exit" 64 $code

# gnuplot missing: exit 69, nothing written, the message says what to do.
err=$(PATH=/nonexistent "$bin" compare "$fx/water-filling.cfg" "$fx/overlay-hold.cfg" -o missing 2>&1 >/dev/null); code=$?
expect "missing gnuplot exit" 69 $code
expect "missing gnuplot message" "fiscalsim: gnuplot is not installed: nothing was written; install the Debian packages gnuplot-nox and fonts-dejavu-core, or leave the charts out with --charts none
fiscalsim: nothing was written: missing is as it was" "$err"
expect "nothing written without gnuplot" "" "$(ls -A missing)"

finish compare
