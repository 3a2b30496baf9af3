#!/usr/bin/env bash
# Charts: the gnuplot script of a fixture equals its golden copy; `run` draws valid
# PNG/SVG files and a 4-page council pack whose text has the Vietnamese titles (and the
# English ones with --lang en); `plot` redraws from the tables alone; with gnuplot
# missing the tables are still written and the message says what to install.
# usage: check_charts.sh FISCALSIM TESTS_DIR [--update]
set -u
bin=$1 tests=$2 update=${3:-}
. "$(dirname "$0")/expect.sh"
cd "$tmp"

# Golden script (paths are relative to this folder, so they are stable).
"$bin" run "$tests/fixtures/water-filling.cfg" -o out --charts none >/dev/null; expect "run without charts" 0 $?
expect "no charts drawn" "allocation.csv revenue_split.csv summary.json" "$(cd out && echo *)"
"$bin" plot out --charts png,svg,pdf >/dev/null; expect "plot" 0 $?
if [ "$update" = "--update" ]; then cp out/charts.gp "$tests/golden/water-filling-charts.gp"; fi
expect_same_file "golden chart script" "$tests/golden/water-filling-charts.gp" out/charts.gp
for c in coverage per_capita revenue_split lorenz; do
  expect "$c.png" "PNG image data" "$(file -b out/$c.png | cut -d, -f1)"
  expect "$c.svg" "SVG" "$(grep -q '<svg' out/$c.svg && echo SVG)"
done
expect "pack pages" "4" "$(pdfinfo out/council-pack.pdf | awk '/^Pages:/{print $2}')"
text=$(pdftotext out/council-pack.pdf - 2>/dev/null)
for title in "Tỷ lệ đáp ứng nhu cầu chi theo đơn vị" "Đường Lorenz của phân bổ bình quân đầu người" "water filling"; do
  expect "pack text: $title" "yes" "$(grep -qF "$title" <<<"$text" && echo yes)"
done
expect "no temporary files" "" "$(ls out | grep -E '\.tmp' || true)"

# English labels.
"$bin" plot out --charts pdf --lang en >/dev/null
expect "english title" "yes" "$(pdftotext out/council-pack.pdf - | grep -qF "Coverage of need by unit" && echo yes)"

# gnuplot missing: tables written, exit 69, the message says what to install.
err=$(PATH=/nonexistent "$bin" run "$tests/fixtures/water-filling.cfg" -o missing 2>&1 >/dev/null); code=$?
expect "missing gnuplot exit" 69 $code
expect "missing gnuplot message" "fiscalsim: gnuplot is not installed: the tables are written; install the Debian packages gnuplot-nox and fonts-dejavu-core, then run: fiscalsim plot missing
fiscalsim: the tables and summary.json are in missing; charts there, if any, are from an earlier run" "$err"
expect "tables written without gnuplot" "allocation.csv charts.gp revenue_split.csv summary.json" "$(cd missing && echo *)"

finish charts
