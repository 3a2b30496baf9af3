#!/usr/bin/env bash
# Charts: the gnuplot script of a fixture equals its golden copy; `run` draws valid
# PNG/SVG files and a council pack (a cover, then a page per chart) whose text has the
# Vietnamese titles (and the English ones with --lang en), its cover the figures of
# summary.json; `plot` redraws from the tables alone; with gnuplot missing the tables
# are still written and the message says what to install. A run with a disbursement
# section adds the disbursement and risk charts (7 pages with the cover); its tables
# left in a folder by an earlier run are ignored. A run with a stability period
# adds the trajectory chart (one more page), with the infeasible year marked; a
# period.csv left by an earlier run is ignored.
# usage: check_charts.sh FISCALSIM TESTS_DIR [--update]
set -u
bin=$1 tests=$2 update=${3:-}
. "$(dirname "$0")/expect.sh"
# The cover's date is the day of SOURCE_DATE_EPOCH when it is set (1 December 2026).
export SOURCE_DATE_EPOCH=1796083200
cd "$tmp"

# A script without the folder of the chart scripts (plots/), which depends on where
# the sources are: the goldens hold the rest, the settings and data.

# Golden script (paths are relative to this folder, so they are stable).
"$bin" run "$tests/fixtures/water-filling.cfg" -o out --charts none >/dev/null; expect "run without charts" 0 $?
expect "no charts drawn" "allocation.csv revenue_split.csv shares.csv summary.json" "$(cd out && echo *)"
"$bin" plot out --charts png,svg,pdf >/dev/null; expect "plot" 0 $?
if [ "$update" = "--update" ]; then cp "$(without_plots out/charts.gp)" "$tests/golden/water-filling-charts.gp"; fi
expect_same_file "golden chart script" "$tests/golden/water-filling-charts.gp" "$(without_plots out/charts.gp)"
for c in coverage per_capita revenue_split lorenz; do
  expect "$c.png" "PNG image data" "$(file -b out/$c.png | cut -d, -f1)"
  expect "$c.svg" "SVG" "$(grep -q '<svg' out/$c.svg && echo SVG)"
done
expect "pack pages" "5" "$(pdfinfo out/council-pack.pdf | awk '/^Pages:/{print $2}')"
# A page per unit: run with a PDF writes communes.txt (each unit's explanation) and
# draws communes.pdf from it; plot redraws it; a run without a PDF writes neither.
expect "communes only with a pdf" "" "$(ls out | grep -E '^communes\.' || true)"
"$bin" run "$tests/fixtures/water-filling.cfg" -o comm --charts pdf >/dev/null; expect "run with communes" 0 $?
if [ "$update" = "--update" ]; then cp "$(without_plots comm/communes.gp)" "$tests/golden/water-filling-communes.gp"; fi
expect_same_file "golden communes script" "$tests/golden/water-filling-communes.gp" "$(without_plots comm/communes.gp)"
expect "communes.pdf pages" "3" "$(pages comm/communes.pdf)"
# Every letter of the default's commune pages from their fonts: none taken from a
# fallback (DejaVu Sans Mono lacked ả, ổ, ở, ... and cairo drew them in a math font).
"$bin" run "$tests/../scenarios/haiphong-2026.cfg" -o default-pages --charts pdf >/dev/null
expect "commune pages: their fonts only" "DejaVuSans NotoSansMono-Regular" \
  "$(pdffonts default-pages/communes.pdf | tail -n +3 | awk '{sub(/^[A-Z]+\+/, "", $1); print $1}' | sort -u | xargs)"
rm comm/communes.pdf
"$bin" plot comm --charts pdf >/dev/null; expect "plot redraws communes.pdf" "3" "$(pages comm/communes.pdf)"
text=$(pdftotext out/council-pack.pdf - 2>/dev/null)
for title in "Tỷ lệ đáp ứng nhu cầu chi theo đơn vị" "Đường Lorenz của phân bổ bình quân đầu người" "water filling"; do
  expect "pack text: $title" "yes" "$(grep -qF "$title" <<<"$text" && echo yes)"
done
expect "no temporary files" "" "$(ls out | grep -E '\.tmp' || true)"
expect "no disbursement charts without disbursement" "" "$(ls out | grep -E '^(disbursement|risk)\.(png|svg)$' || true)"

# The chart scripts are plots/, found next to the program; a restyled copy is used
# with --plots (here its Vietnamese title of the coverage chart), and a folder without
# chart scripts is refused.
expect "the script loads plots/" "yes" "$(grep -q "^load plots.'/coverage.gp'" out/charts.gp && echo yes)"
cp -r "$tests/../plots" restyled
sed -i "s|^w_coverage_title = .*|w_coverage_title = 'Mức đáp ứng (bản sửa)'|" restyled/words/vi.gp
"$bin" plot out --charts pdf --plots restyled >/dev/null; expect "plot --plots" 0 $?
expect "restyled title" "yes" "$(pdftotext out/council-pack.pdf - | grep -qF "Mức đáp ứng (bản sửa)" && echo yes)"
FISCALSIM_PLOTS="$PWD/restyled" "$bin" plot out --charts pdf >/dev/null
expect "FISCALSIM_PLOTS" "yes" "$(pdftotext out/council-pack.pdf - | grep -qF "Mức đáp ứng (bản sửa)" && echo yes)"
err=$("$bin" plot out --charts pdf --plots "$PWD/out" 2>&1); expect "--plots without scripts: exit" 64 $?
expect "--plots without scripts: message" "fiscalsim: $PWD/out: not a folder of chart scripts (it has no lib/common.gp): give the plots/ folder of fiscalsim or a copy of it" "$err"
"$bin" plot out --charts png,svg,pdf >/dev/null

# English labels.
"$bin" plot out --charts pdf --lang en >/dev/null
expect "english title" "yes" "$(pdftotext out/council-pack.pdf - | grep -qF "Coverage of need by unit" && echo yes)"

# Disbursement: two more charts and a 6-page pack; golden script (relative paths).
"$bin" run "$tests/fixtures/disbursement-cash.cfg" -o disb --charts png,svg,pdf >/dev/null
expect "run with disbursement" 0 $?
if [ "$update" = "--update" ]; then cp "$(without_plots disb/charts.gp)" "$tests/golden/disbursement-cash-charts.gp"; fi
expect_same_file "golden disbursement chart script" "$tests/golden/disbursement-cash-charts.gp" "$(without_plots disb/charts.gp)"
for c in coverage per_capita revenue_split lorenz disbursement risk; do
  expect "disbursement run: $c.png" "PNG image data" "$(file -b disb/$c.png | cut -d, -f1)"
  expect "disbursement run: $c.svg" "SVG" "$(grep -q '<svg' disb/$c.svg && echo SVG)"
done
expect "disbursement pack pages" "7" "$(pages disb/council-pack.pdf)"
text=$(pdftotext disb/council-pack.pdf - 2>/dev/null)
for title in "Giải ngân vốn đầu tư công: kế hoạch, mô phỏng, theo dòng tiền và số thực hiện" \
             "Đơn vị có nguy cơ không giải ngân hết vốn đúng hạn"; do
  expect "disbursement pack text: $title" "yes" "$(grep -qF "$title" <<<"$text" && echo yes)"
done
"$bin" plot disb --charts pdf --lang en >/dev/null
text=$(pdftotext disb/council-pack.pdf - 2>/dev/null)
for title in "Public investment disbursement: plan, simulated, scheduled under cash, and actuals" \
             "Units at risk of missing the disbursement deadline"; do
  expect "disbursement pack text: $title" "yes" "$(grep -qF "$title" <<<"$text" && echo yes)"
done

# No unit flagged: the risk page says so instead of drawing bars.
sed -i -E 's/,(watch|high),/,,/' disb/disbursement_units.csv
"$bin" plot disb --charts pdf --lang en >/dev/null; expect "plot without units at risk" 0 $?
expect "no unit at risk: pages" "7" "$(pages disb/council-pack.pdf)"
expect "no unit at risk: label" "yes" "$(pdftotext disb/council-pack.pdf - | grep -qF "No unit is at risk" && echo yes)"

# Stale disbursement tables: a later run without a disbursement section leaves them in
# the folder, but its summary.json has no "disbursement" object, so they are not drawn.
"$bin" run "$tests/fixtures/disbursement-cash.cfg" -o stale --charts none >/dev/null
"$bin" run "$tests/fixtures/water-filling.cfg" -o stale --charts none >/dev/null
expect "stale tables still there" "yes" "$([ -f stale/disbursement_daily.csv ] && echo yes)"
"$bin" plot stale --charts png,pdf >/dev/null; expect "plot over stale tables" 0 $?
expect "stale tables ignored: pages" "5" "$(pages stale/council-pack.pdf)"
expect "stale tables ignored: no new charts" "" "$(ls stale | grep -E '^(disbursement|risk)\.(png|svg)$' || true)"

# Stability period: one more chart and page (period-growth is a reform of water-filling:
# 6 pages with the cover); golden script (relative paths).
"$bin" run "$tests/fixtures/period-growth.cfg" -o period --charts png,svg,pdf >/dev/null
expect "run with a period" 0 $?
if [ "$update" = "--update" ]; then cp "$(without_plots period/charts.gp)" "$tests/golden/period-growth-charts.gp"; fi
expect_same_file "golden period chart script" "$tests/golden/period-growth-charts.gp" "$(without_plots period/charts.gp)"
for c in coverage per_capita revenue_split lorenz period; do
  expect "period run: $c.png" "PNG image data" "$(file -b period/$c.png | cut -d, -f1)"
  expect "period run: $c.svg" "SVG" "$(grep -q '<svg' period/$c.svg && echo SVG)"
done
expect "period run: no disbursement charts" "" "$(ls period | grep -E '^(disbursement|risk)\.(png|svg)$' || true)"
expect "period pack pages" "6" "$(pages period/council-pack.pdf)"
text=$(pdftotext period/council-pack.pdf - 2>/dev/null)
for title in "Diễn biến qua các năm của thời kỳ ổn định ngân sách 2026–2028" "Tỷ lệ đáp ứng nhu cầu chi thấp nhất" \
             "Tổng bổ sung cân đối cho cấp xã" "Số đơn vị được phân bổ dưới nhu cầu chi" "Nguồn thu cấp xã được hưởng"; do
  expect "period pack text: $title" "yes" "$(grep -qF "$title" <<<"$text" && echo yes)"
done
"$bin" plot period --charts pdf --lang en >/dev/null; expect "period plot in English" 0 $?
text=$(pdftotext period/council-pack.pdf - 2>/dev/null)
for title in "Year by year over the budget stability period 2026–2028" "Lowest coverage of need" \
             "Total balancing transfers to the communes" "Units allocated less than their need" "Communes' own revenue"; do
  expect "period pack text: $title" "yes" "$(grep -qF "$title" <<<"$text" && echo yes)"
done

# A stability violation: run exits 1 and draws nothing, plot draws the solved year and
# marks the infeasible one; the year not run is left out of the axis.
"$bin" run "$tests/fixtures/period-violation.cfg" -o violation --charts none >/dev/null 2>&1
expect "violation run" 1 $?
"$bin" plot violation --charts png,svg,pdf >/dev/null; expect "plot a violation" 0 $?
expect "violation: period.png" "PNG image data" "$(file -b violation/period.png | cut -d, -f1)"
expect "violation: period.svg" "SVG" "$(grep -q '<svg' violation/period.svg && echo SVG)"
expect "violation pack pages" "6" "$(pages violation/council-pack.pdf)"
expect "violation marked: the infeasible year" "2027" "$(sed -n '/^\$period_bad << EOD/,/^EOD/p' violation/charts.gp | sed '1d;$d')"
expect "violation marked under the stability rules" "yes" "$(grep -qx 'period_stability = 1' violation/charts.gp && echo yes)"
expect "year not run left out" "period_from = 2026 period_to = 2027" "$(grep -E '^period_(from|to) = ' violation/charts.gp | tr '\n' ' ' | sed 's/ $//')"
expect "violation label in the pack" "yes" "$(pdftotext violation/council-pack.pdf - | grep -qF "vi phạm ổn định" && echo yes)"
"$bin" plot violation --charts pdf --lang en >/dev/null
expect "violation marked in English" "yes" "$(pdftotext violation/council-pack.pdf - | grep -qF "stability violation" && echo yes)"
# A damaged period.csv is reported with its line and column.
sed -i 's/^2027,infeasible,/2027,broken,/' violation/period.csv
err=$("$bin" plot violation --charts pdf 2>&1 >/dev/null); code=$?
expect "damaged period.csv exit" 65 $code
expect "damaged period.csv message" \
  'fiscalsim: violation/period.csv:3: status: expected solved, infeasible or not_run, got "broken"' "$err"

# Stale period.csv: a later run without a period leaves it in the folder, but its
# summary.json has no "period" object, so it is not drawn.
"$bin" run "$tests/fixtures/period-growth.cfg" -o stale-period --charts none >/dev/null
"$bin" run "$tests/fixtures/water-filling.cfg" -o stale-period --charts none >/dev/null
expect "stale period.csv still there" "yes" "$([ -f stale-period/period.csv ] && echo yes)"
"$bin" plot stale-period --charts png,pdf >/dev/null; expect "plot over a stale period.csv" 0 $?
expect "stale period.csv ignored: pages" "5" "$(pages stale-period/council-pack.pdf)"
expect "stale period.csv ignored: no period chart" "" "$(ls stale-period | grep -E '^period\.(png|svg)$' || true)"

# The default scenario has disbursement data: 7 pages with the cover.
"$bin" run "$tests/../scenarios/haiphong-2026.cfg" -o default --charts pdf >/dev/null
expect "default run" 0 $?
expect "default pack pages" "7" "$(pages default/council-pack.pdf)"
# communes.pdf: one page per unit, in the order of allocation.csv, each with its name.
expect "communes.pdf: a page per unit" "114" "$(pages default/communes.pdf)"
expect "communes.pdf: each page names its unit" "114" "$(python3 - default <<'PY'
import csv, subprocess, sys
d = sys.argv[1]
units = [r['unit'] for r in csv.DictReader(open(d + '/allocation.csv', encoding='utf-8-sig'))]
text = subprocess.run(['pdftotext', d + '/communes.pdf', '-'], capture_output=True, text=True).stdout.split('\f')
print(sum(1 for k, u in enumerate(units) if k < len(text) and text[k].strip().startswith(u)))
PY
)"
# One unit's page, named as typed: commune.pdf; an unknown name is refused.
"$bin" plot default --unit "bach long vi" >/dev/null; expect "plot --unit" 0 $?
expect "plot --unit: one page" "1" "$(pages default/commune.pdf)"
expect "plot --unit: its unit" "Đặc khu Bạch Long Vĩ (đặc khu, loại III, vùng HP)" "$(pdftotext default/commune.pdf - | head -1)"
err=$("$bin" plot default --unit "Atlantis" 2>&1); expect "plot --unit unknown: exit" 64 $?
expect "plot --unit unknown: message" 'fiscalsim: default/communes.txt: no unit named "Atlantis"' "$err"
# The cover says summary.json's figures, in each language's number format: money in
# tỷ đồng with three decimals (exact), the lowest coverage in % with two.
cover_figures() { python3 - "$1" "$2" <<'PY'
import json, sys
d = json.load(open(sys.argv[1] + '/summary.json')); lang = sys.argv[2]
def number(x, decimals):
    text = '{:,.{}f}'.format(x, decimals)
    return text.translate(str.maketrans(',.', '.,')) if lang == 'vi' else text
t = d['totals']
figures = [number(t[k] / 1000, 3) for k in ('envelope', 'need', 'allocation', 'own_revenue', 'transfer')]
figures += [number(d['city']['balance'] / 1000, 3), number(100 * d['min_coverage'], 2) + '%',
            '%d / %d' % (d['units_under_need'], d['units'])]
print('\n'.join(figures))
PY
}
cover_text=$(pdftotext -f 1 -l 1 default/council-pack.pdf - 2>/dev/null)
while read -r figure; do
  expect "cover (vi) says $figure" "yes" "$(grep -qF -- "$figure" <<<"$cover_text" && echo yes)"
done <<<"$(cover_figures default vi)"
for words in "Phân bổ ngân sách cấp xã năm 2026" "Lập ngày 01/12/2026" "100 trên 114 đơn vị được phân bổ dưới nhu cầu chi" \
             "chế độ HP: Lệ phí trước bạ 40%, Thuế hộ kinh doanh 70%, Thuế thu nhập cá nhân 20%"; do
  expect "cover (vi): $words" "yes" "$(tr '\n' ' ' <<<"$cover_text" | tr -s ' ' | grep -qF -- "$words" && echo yes)"
done
"$bin" plot default --charts pdf --lang en >/dev/null
cover_text=$(pdftotext -f 1 -l 1 default/council-pack.pdf - 2>/dev/null)
while read -r figure; do
  expect "cover (en) says $figure" "yes" "$(grep -qF -- "$figure" <<<"$cover_text" && echo yes)"
done <<<"$(cover_figures default en)"
expect "cover (en): the date" "yes" "$(grep -qF "Drawn on 1 Dec 2026" <<<"$cover_text" && echo yes)"

# A cover has room for 6 lines of shares: ten groups give 6 lines and "… và 4 nhóm đơn
# vị khác (shares.csv)".
python3 - "$PWD/groups.cfg" <<'PY'
import sys
units = ',\n'.join('    { name = "U%d"; kind = "commune"; class = "II"; regime = "R%d"; population = 1000; area_km2 = 10.0; rev_pit = 100; }' % (k, k) for k in range(1, 11))
rules = ', '.join('{ regime = "R%d"; min = 0.1; max = 0.5; step = 0.1; }' % k for k in range(1, 11))
open(sys.argv[1], 'w').write('name = "groups"; year = 2026;\nunits = { list = (\n%s\n); };\n'
    'sources = ( { id = "pit"; name = "PIT"; type = "shared"; shares = ( %s ); } );\n'
    'norms = ( { id = "base"; per_capita = 0.2; } );\npolicy = { envelope = 2000; };\n' % (units, rules))
PY
"$bin" run groups.cfg -o groups --charts pdf >/dev/null; expect "ten share groups: run" 0 $?
cover_text=$(pdftotext -f 1 -l 1 groups/council-pack.pdf - 2>/dev/null)
expect "ten share groups: 6 lines" "6" "$(grep -c '^chế độ R[0-9]*: PIT' <<<"$cover_text")"
expect "ten share groups: the rest counted" "yes" "$(grep -qF '… và 4 nhóm đơn vị khác (shares.csv)' <<<"$cover_text" && echo yes)"

# The backtest's chart is plots/backtest.gp too: its driver loads it, and the pack says
# the cutoffs in the run's language.
"$bin" backtest "$tests/../scenarios/haiphong-2026.cfg" -o bt --charts png,pdf >/dev/null; expect "backtest charts" 0 $?
expect "backtest: the driver loads plots/backtest.gp" "2" "$(grep -c "^load plots.'/backtest.gp'" bt/backtest-charts.gp)"
expect "backtest: a panel per plan year" "15" "$(grep -o "^panel_count = [0-9]*" bt/backtest-charts.gp | grep -o '[0-9]*$')"
expect "backtest: vi cutoffs" "yes" "$(pdftotext bt/backtest-pack.pdf - | grep -qF 'Dự báo từ mốc 31/08' && echo yes)"
expect "backtest: backtest.png" "PNG image data" "$(file -b bt/backtest.png | cut -d, -f1)"
"$bin" backtest "$tests/../scenarios/haiphong-2026.cfg" -o bt --charts pdf --lang en >/dev/null
expect "backtest: en cutoffs" "yes" "$(pdftotext bt/backtest-pack.pdf - | grep -qF 'Forecast from 31 Aug' && echo yes)"

# At national scale (3,321 units of 34 provinces, upper_level = "province"): the pack
# is under 1 MB, titled with the scenario's name, its level named a province, the
# coverage chart aggregated with the lowest and highest units named.
"$bin" run "$tests/../scenarios/national/national-2026.cfg" -o nat --charts pdf >/dev/null; expect "national run" 0 $?
expect "national pack under 1 MB" yes "$([ "$(stat -c %s nat/council-pack.pdf)" -lt 1000000 ] && echo yes)"
expect "national: the level is a province" "upper_level = 'province'" "$(grep "^upper_level" nat/charts.gp)"
pack=$(pdftotext nat/council-pack.pdf - 2>/dev/null)
expect "national: titled by name" "yes" "$(has_text "$pack" "Toàn quốc 2026 (mô phỏng, 34 tỉnh): Phân chia từng nguồn thu giữa trung ương, tỉnh và cấp xã")"
expect "national: no slug" "" "$(has_text "$pack" "national-2026")"
expect "national: the provinces' level in the legend" "yes" "$(grep -qx "Tỉnh" <<<"$pack" && echo yes)"
lowest=$(python3 -c "
import csv,sys; r=[x for x in csv.DictReader(open(sys.argv[1], encoding='utf-8-sig'))]
print(min(r, key=lambda x: (float(x['coverage']), r.index(x)))['unit'])" nat/allocation.csv)
expect "national: the lowest unit named on the coverage chart" "yes" "$(has_text "$(pdftotext -f 2 -l 2 nat/council-pack.pdf -)" "$lowest")"

# gnuplot missing: exit 69, nothing written (tables and charts are one set), the
# message says what to install or how to leave the charts out.
err=$(PATH=/nonexistent "$bin" run "$tests/fixtures/water-filling.cfg" -o missing 2>&1 >/dev/null); code=$?
expect "missing gnuplot exit" 69 $code
expect "missing gnuplot message" "fiscalsim: gnuplot is not installed: nothing was written; install the Debian packages gnuplot-nox and fonts-dejavu-core, or leave the charts out with --charts none
fiscalsim: nothing was written: missing is as it was" "$err"
expect "nothing written without gnuplot" "" "$(ls -A missing)"

finish charts
