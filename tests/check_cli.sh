#!/usr/bin/env bash
# Command-line behaviour: help, version, usage errors and their exit codes, explain
# output (golden), XLSX output, and that a failed run leaves earlier outputs untouched.
# usage: check_cli.sh FISCALSIM TESTS_DIR
set -u
bin=$1 tests=$2
. "$(dirname "$0")/expect.sh"
"$bin" --help >/dev/null; expect "help exit" 0 $?
# Help in the language of --lang, Vietnamese by default: each command's synopsis, a
# one-line purpose and an example in the overview; its options and example on its own.
expect "help in Vietnamese" "cách dùng: fiscalsim LỆNH [ĐỐI SỐ]" "$("$bin" --help | head -1)"
expect "help in English" "usage: fiscalsim COMMAND [ARGS]" "$("$bin" --help --lang en | head -1)"
for cmd in run check explain compare sweep merge backtest template plot; do
  expect "$cmd in the overview, with an example" "1 1" \
    "$("$bin" --help | grep -c "^  $cmd ") $("$bin" --help | grep -c "^      ví dụ: fiscalsim $cmd ")"
  vi=$("$bin" $cmd --help); code=$?
  expect "$cmd --help exit" 0 $code
  expect "$cmd --help: purpose" "fiscalsim $cmd: " "$(head -1 <<<"$vi" | cut -c1-$((${#cmd} + 12)))"
  expect "$cmd --help: one line of purpose" "" "$(sed -n 2p <<<"$vi")"
  expect "$cmd --help: example" "yes" "$(grep -qx "  fiscalsim $cmd .*" <<<"$(sed -n '/^ví dụ:$/,$p' <<<"$vi")" && echo yes)"
  expect "$cmd --help --lang en: example" "yes" \
    "$("$bin" $cmd --help --lang en | grep -qx "example:" && echo yes)"
done
expect "a purpose fits a line (100 characters)" "" "$("$bin" --help | python3 -c "
import sys; lines = sys.stdin.read().splitlines()
print(*[l for l in lines if l.startswith('      ') and not l.lstrip().startswith(('ví dụ', '[')) and len(l) > 100], sep='\n')")"
expect "version" "fiscalsim 0.1.0" "$("$bin" --version)"
"$bin" 2>/dev/null; expect "no command" 64 $?
expect "unknown command" "fiscalsim: unknown command \"frobnicate\"" "$("$bin" frobnicate 2>&1 | head -1)"
"$bin" run 2>/dev/null; expect "run without scenario" 64 $?
"$bin" run "$tests/fixtures/equal-coverage.cfg" --format pdf 2>/dev/null; expect "bad format" 64 $?
"$bin" run "$tests/fixtures/equal-coverage.cfg" --bogus 2>/dev/null; expect "unknown option" 64 $?
out=$("$bin" explain "$tests/fixtures/equal-coverage.cfg" Z 2>&1); code=$?
expect "explain unknown unit exit" 64 $code
expect "explain unknown unit text" "fiscalsim: $tests/fixtures/equal-coverage.cfg: no unit named \"Z\"; the closest: \"A\", \"B\", \"C\"" "$out"

# explain: a unit named as a person types it (case, marks, đ, Unicode form, the kind's
# prefix aside); two units that differ by a mark only are an ambiguity, never a guess.
default=$tests/../scenarios/haiphong-2026.cfg
nfd=$(python3 -c 'import unicodedata; print(unicodedata.normalize("NFD", "Phường Lê Chân"))')
for spelling in "bach long vi|Đặc khu Bạch Long Vĩ" "Bạch Long Vĩ|Đặc khu Bạch Long Vĩ" "phường lê chân|Phường Lê Chân" \
                "$nfd|Phường Lê Chân" "Phường Thủy Nguyên|Phường Thuỷ Nguyên" "THUY NGUYEN|Phường Thuỷ Nguyên" \
                "Xã Cẩm Giàng|Xã Cẩm Giàng"; do
  got=$("$bin" explain "$default" "${spelling%%|*}" 2>&1 | head -1 | sed 's/ (.*//')
  expect "explain finds \"${spelling%%|*}\"" "${spelling#*|}" "$got"
done
out=$("$bin" explain "$default" "cam giang" 2>&1); code=$?
expect "explain ambiguous exit" 64 $code
expect "explain ambiguous text" "fiscalsim: $default: \"cam giang\" names 2 units: \"Xã Cẩm Giang\", \"Xã Cẩm Giàng\"; give the full name" "$out"

# explain: golden text
"$bin" explain "$tests/fixtures/water-filling.cfg" A --lang en > "$tmp/explain.txt"; expect "explain exit" 0 $?
expect_same_file "explain golden" "$tests/golden/explain-water-filling-A.txt" "$tmp/explain.txt"
# In Vietnamese (the default) and in English, on the default scenario: the limit in one
# sentence with its numbers, last year and the change, the lowest coverage, the rank.
"$bin" explain "$default" "Bạch Long Vĩ" > "$tmp/explain-vi.txt"; expect "explain vi exit" 0 $?
expect_same_file "explain golden vi" "$tests/golden/explain-haiphong-bach-long-vi.vi.txt" "$tmp/explain-vi.txt"
expect "explain vi: hold-harmless sentence" "  - được bảo đảm tối thiểu 90% dự toán năm trước (47.030): 42.327 triệu đồng" \
  "$(grep -F '  - ' "$tmp/explain-vi.txt")"
expect "explain vi: the unit's disbursement risk" "  mức nguy cơ                                 nguy cơ cao (khả năng không đạt 95% kế hoạch: 59%)" \
  "$(tail -1 "$tmp/explain-vi.txt")"
"$bin" explain "$default" "Phường Lê Chân" --lang en > "$tmp/explain-en.txt"; expect "explain en exit" 0 $?
expect_same_file "explain golden en" "$tests/golden/explain-haiphong-le-chan.en.txt" "$tmp/explain-en.txt"
expect "explain json" "42327 47030 -4703 hold_harmless 1 1033 high" "$("$bin" explain "$default" "bach long vi" --format json | python3 -c "
import json,sys; d=json.load(sys.stdin)
print(d['allocation'], d['last_year'], d['change'], d['binding'][0]['limit'], d['rank_in_kind']['coverage_rank'], d['disbursement']['plan'], d['disbursement']['risk'])")"
"$bin" explain "$default" "Bạch Long Vĩ" --lang fr 2>/dev/null; expect "explain --lang fr" 64 $?

# XLSX: a zip holding the two sheets.
"$bin" run "$tests/fixtures/equal-coverage.cfg" -o "$tmp/x" --charts none --format csv,xlsx >/dev/null; expect "xlsx run" 0 $?
sheets=$(python3 -c "import zipfile,sys; z=zipfile.ZipFile(sys.argv[1]); print(sorted(n for n in z.namelist() if n.startswith('xl/worksheets/sheet')))" "$tmp/x/allocation.xlsx")
expect "xlsx sheets" "['xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml', 'xl/worksheets/sheet3.xml', 'xl/worksheets/sheet4.xml']" "$sheets"
# For people: titles in the run's language (Vietnamese by default, English with --lang
# en), words for codes, the header frozen, whole numbers grouped, shares as percentages,
# and a first sheet of key figures.
expect "xlsx for people" "Số liệu chính|Phân bổ|Nguồn thu|Tỷ lệ phân chia; Đơn vị,Loại hình,Xã; frozen; #,##0 0.00%; Tổng phân bổ 900" "$(python3 - "$tmp/x/allocation.xlsx" <<'PY'
import re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
sheets = re.findall(r'<sheet name="([^"]+)"', z.read('xl/workbook.xml').decode())
strings = re.findall(r'<t[^>]*>([^<]*)</t>', z.read('xl/sharedStrings.xml').decode())
alloc = z.read('xl/worksheets/sheet2.xml').decode()
styles = z.read('xl/styles.xml').decode()
first = z.read('xl/worksheets/sheet1.xml').decode()
total = re.search(r'<c r="B6"[^>]*><v>([^<]+)</v>', first)
print('|'.join(sheets) + '; ' + ','.join(s for s in strings if s in ('Đơn vị', 'Loại hình', 'Xã')) + '; '
      + ('frozen' if 'state="frozen"' in alloc else 'not frozen') + '; '
      + ' '.join(f for f in ('#,##0', '0.00%') if f'formatCode="{f}"' in styles) + '; '
      + strings[strings.index('Tổng phân bổ')] + ' ' + (total.group(1) if total else '?'))
PY
)"
"$bin" run "$tests/fixtures/equal-coverage.cfg" -o "$tmp/xe" --charts none --format csv,xlsx --lang en >/dev/null
expect "xlsx in English" "Key figures|Allocation|Revenue sources|Sharing ratios" "$(python3 -c "
import re,sys,zipfile; print(*re.findall(r'<sheet name=\"([^\"]+)\"', zipfile.ZipFile(sys.argv[1]).read('xl/workbook.xml').decode()), sep='|')" "$tmp/xe/allocation.xlsx")"

# A failed run (invalid input) leaves the previous outputs as they were, and no temporary files.
"$bin" run "$tests/fixtures/equal-coverage.cfg" -o "$tmp/keep" --charts none >/dev/null
before=$(cd "$tmp/keep" && sha256sum * | sha256sum)
"$bin" run "$tests/bad-input/negative-population.cfg" -o "$tmp/keep" --charts none >/dev/null 2>&1; expect "invalid exit" 65 $?
expect "outputs kept" "$before" "$(cd "$tmp/keep" && sha256sum * | sha256sum)"
expect "no temporary files" "allocation.csv revenue_split.csv shares.csv summary.json" "$(cd "$tmp/keep" && echo *)"

# An infeasible policy: exit 1, the relaxation on stderr and in summary.json; the tables
# of the earlier run stay as they were.
tables=$(cd "$tmp/keep" && sha256sum allocation.csv revenue_split.csv)
err=$("$bin" run "$tests/fixtures/infeasible-hold-harmless.cfg" -o "$tmp/keep" --charts none 2>&1 >/dev/null); expect "infeasible exit" 1 $?
f="$tests/fixtures/infeasible-hold-harmless.cfg"
expect "infeasible message" "fiscalsim: $f: policy: no allocation satisfies every requirement of the policy (infeasible)
fiscalsim: $f: policy: the smallest change that makes it feasible relaxes 200 million VND in all:
fiscalsim: $f: policy:   hold-harmless (1 unit held at it): 200 million VND
fiscalsim: $f: policy:     to restore feasibility: lower policy.hold_harmless, or give the communes at least 200 million VND more (policy.envelope)" "$err"
# A city that cannot pay the envelope: the envelope gives way, and the message says it is
# the city's balance, with the two inputs that restore it.
printf 'base = "%s";\nname = "poor city";\ncity = { revenue = 30000000L; };\n' "$tests/../scenarios/haiphong-2026.cfg" > "$tmp/poor.cfg"
err=$("$bin" run "$tmp/poor.cfg" -o "$tmp/poor" --charts none 2>&1 >/dev/null); expect "poor city exit" 1 $?
expect "poor city remedy" "fiscalsim: $tmp/poor.cfg: policy:     to restore feasibility: the city cannot pay the envelope: it is 9,253,658 million VND too large for the city's balance; lower policy.envelope or raise the city's revenue (city.revenue) by at least that" "$(sed -n 4p <<<"$err")"
expect "tables kept" "$tables" "$(cd "$tmp/keep" && sha256sum allocation.csv revenue_split.csv)"
expect "infeasible summary" "infeasible 200 hold_harmless A 200" "$(python3 -c "
import json,sys; s=json.load(open(sys.argv[1])); r=s['relaxation']; i=r['items'][0]
print(s['status'], r['total'], i['requirement'], i['unit'], i['amount'])" "$tmp/keep/summary.json")"

# An unwritable output folder is an I/O error (74), reported, not crashed on.
mkdir -p "$tmp/ro" && chmod 555 "$tmp/ro"
if [ "$(id -u)" != 0 ]; then
  "$bin" run "$tests/fixtures/equal-coverage.cfg" -o "$tmp/ro" --charts none >/dev/null 2>&1; expect "unwritable" 74 $?
fi
"$bin" run "$tests/fixtures/equal-coverage.cfg" -o /dev/null/x >/dev/null 2>&1; expect "output under a file" 74 $?

# A full disk (here: a file-size limit) is an I/O error; earlier outputs stay as they were.
"$bin" run "$tests/../scenarios/haiphong-2026.cfg" -o "$tmp/full" --charts none >/dev/null
before=$(cd "$tmp/full" && sha256sum * | sha256sum)
# fiscalsim ignores SIGXFSZ itself: the limit is a write error, not a kill.
err=$( (ulimit -f 8; "$bin" run "$tests/../scenarios/haiphong-2026.cfg" -o "$tmp/full" --charts none 2>&1 >/dev/null) ); code=$?
expect "full disk exit" 74 $code
expect "full disk message" "fiscalsim: $tmp/full/allocation.csv: cannot write: File too large
fiscalsim: nothing was written: $tmp/full is as it was" "$err"
expect "full disk outputs kept" "$before" "$(cd "$tmp/full" && sha256sum * | sha256sum)"
expect "full disk no temporary files" "allocation.csv disbursement.csv disbursement_daily.csv disbursement_fit.csv disbursement_months.csv disbursement_units.csv revenue_split.csv shares.csv summary.json" "$(cd "$tmp/full" && ls -A | tr '\n' ' ' | sed 's/ $//')"

# policy.mip_time_limit bounds the whole solve: the run stops at it and writes the best
# allocation found, marked as such.
"$bin" run "$tests/fixtures/mip-time-limit.cfg" -o "$tmp/limit" --charts none >/dev/null 2>&1; expect "time limit exit" 0 $?
expect "time limit status" feasible_time_limit "$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['status'])" "$tmp/limit/summary.json")"

# An absurdly large scenario is refused at once, not parsed for minutes.
head -c 70000000 /dev/zero | tr '\0' '#' > "$tmp/huge.cfg"
err=$("$bin" check "$tmp/huge.cfg" 2>&1); code=$?
expect "huge scenario exit" 65 $code
expect "huge scenario message" "fiscalsim: $tmp/huge.cfg: scenario file larger than 64 MiB
fiscalsim: 1 error in $tmp/huge.cfg" "$err"

# A scenario saved by a Windows editor (byte-order mark, CRLF line ends) reads as usual.
printf '\357\273\277' > "$tmp/windows.cfg"
sed 's/$/\r/' "$tests/fixtures/equal-coverage.cfg" >> "$tmp/windows.cfg"
"$bin" run "$tmp/windows.cfg" -o "$tmp/win" --charts none >/dev/null; expect "BOM and CRLF scenario" 0 $?
expect "BOM and CRLF result" "A,commune,II,X,1000,10.000000,200,50,100,150,0.750000,0.150000" \
  "$(sed -n 2p "$tmp/win/allocation.csv")"

# Disbursement errors found only when solving: nothing is written, earlier outputs stay.
"$bin" run "$tests/fixtures/disbursement-flat.cfg" -o "$tmp/disb" --charts none >/dev/null; expect "disbursement run" 0 $?
before=$(cd "$tmp/disb" && sha256sum * | sha256sum)
sed 's/whole = 1000; lower = 1000;/whole = 1000; lower = 50;/' "$tests/fixtures/disbursement-flat.cfg" > "$tmp/small-plan.cfg"
err=$("$bin" run "$tmp/small-plan.cfg" -o "$tmp/disb" --charts none 2>&1 >/dev/null); code=$?
expect "lower plan too small exit" 65 $code
expect "lower plan too small message" "fiscalsim: $tmp/small-plan.cfg:19: disbursement.plans.[0].lower: the units' own investment money and targeted transfers (100) exceed the lower-level plan (50)" "$err"
sed 's/cash = { opening = 5000; revenue = 0; recurrent = 0; };/cash = { opening = 100; revenue = 1200; recurrent = 2400; };/' "$tests/fixtures/disbursement-flat.cfg" > "$tmp/no-cash.cfg"
err=$("$bin" run "$tmp/no-cash.cfg" -o "$tmp/disb" --charts none 2>&1 >/dev/null); code=$?
expect "cash exhausted exit" 1 $code
expect "cash exhausted message" "fiscalsim: $tmp/no-cash.cfg:31: disbursement.cash: recurrent spending alone leaves 100 less than the minimum balance in 2026-02: no investment can be paid; raise the opening balance or revenue" "$err"
expect "disbursement outputs kept" "$before" "$(cd "$tmp/disb" && sha256sum * | sha256sum)"

# A reform shows what it changes in its baseline and where each value comes from.
out=$(cd "$tests/fixtures" && "$bin" check overlay-hold.cfg); expect "overlay check exit" 0 $?
expect "overlay check output" 'overlay-hold.cfg: ok: "water filling, half hold-harmless", 3 units, 1 sources, 1 need components, total need 1200 million VND
overlay-hold.cfg builds on ./water-filling.cfg and changes 2 keys:
  name = "water filling, half hold-harmless" (overlay-hold.cfg:5; was "water filling" at ./water-filling.cfg:3)
  policy.hold_harmless = 0.5 (overlay-hold.cfg:6; was 1 at ./water-filling.cfg:17)
every other value is the baseline'"'"'s' "$out"

# A stability period: one row per year; a violation exits 1, names the year and writes
# the years before it.
"$bin" run "$tests/fixtures/period-violation.cfg" -o "$tmp/period" --charts none >/dev/null 2>"$tmp/period.err"
expect "stability violation exit" 1 $?
expect "stability violation message" "fiscalsim: $tests/fixtures/period-violation.cfg:18: period: 2027: the stability rules are violated: with the sharing ratios of 2026 and balancing transfers not below 2026's, no allocation meets the policy" "$(head -1 "$tmp/period.err")"
expect "stability violation table" "2026,solved,900,1200,150,750,900,0.750000,3,,0
2027,infeasible,,,,,,,,,
2028,not_run,,,,,,,,," "$(tail -n +2 "$tmp/period/period.csv")"

# XLSX alone: no charts by default (they are drawn from the CSV tables); asking for them is a usage error.
# A syntax error's cause, for the causes the bad-input fixtures do not show.
syntax_cause() { printf '%b\n' "$1" > "$tmp/syntax.cfg"; "$bin" check "$tmp/syntax.cfg" 2>&1 | grep ':1: \|:2: ' | grep 'syntax error' | sed "s|$tmp/||"; }
expect "syntax: comma before )" "fiscalsim: syntax.cfg:1: syntax error: a list or array does not end with a comma: remove the one before )" "$(syntax_cause 'a = (1, 2,);')"
expect "syntax: wrong closer" "fiscalsim: syntax.cfg:1: syntax error: the ] on line 1 closes the ( opened on line 1, which needs ) (the settings were not checked: correct the syntax first)" "$(syntax_cause 'a = (1, 2]);')"
expect "syntax: closes nothing" "fiscalsim: syntax.cfg:1: syntax error: the } on line 1 closes nothing that is open (the settings were not checked: correct the syntax first)" "$(syntax_cause 'a = 1; };')"
expect "syntax: not a key" "fiscalsim: syntax.cfg:1: syntax error: \"2a\" cannot be a key: a key starts with a letter and holds only letters, digits, - and _ (the settings were not checked: correct the syntax first)" "$(syntax_cause '2a = 1;')"
expect "syntax: byte-order mark inside" "fiscalsim: syntax.cfg:2: syntax error: a byte-order mark (U+FEFF) inside the file: was another file pasted in? Remove it" "$(syntax_cause 'a = 1;\n\xef\xbb\xbfb = 2;')"

# What run prints follows --lang: Vietnamese numbers and dates by default, English ones
# with --lang en (the figures are the same).
out_vi=$("$bin" run "$default" -o "$tmp/lang-vi" --charts none)
out_en=$("$bin" run "$default" -o "$tmp/lang-en" --charts none --lang en)
expect "run report vi" "giải ngân 2026: dự báo đến 31/01/2027: toàn bộ kế hoạch 94,0% [77,0; 100,0], cấp xã 93,5% [74,1; 100,0] (khoảng 90%)" "$(echo "$out_vi" | grep '^giải ngân')"
expect "run report en" "disbursement 2026: forecast by 31 Jan 2027: whole plan 94.0% [77.0, 100.0], lower level 93.5% [74.1, 100.0] (90% band)" "$(echo "$out_en" | grep '^disbursement')"
expect "run report vi summary" "Hải Phòng 2026: tối ưu, tỷ lệ đáp ứng nhu cầu chi thấp nhất 0,9920, 100/114 đơn vị được phân bổ dưới nhu cầu chi, kết quả tại $tmp/lang-vi" "$(echo "$out_vi" | head -1)"
cmp_vi=$("$bin" compare "$default" "$tests/../scenarios/reforms/b-landuse-commune-30.cfg" -o "$tmp/cmp-vi" --charts none)
expect "compare report vi: a date" "  31/01/2027: 94,0% → 94,0%; 36.473.653 → 36.474.361 (708)" "$(echo "$cmp_vi" | tail -1)"
expect "compare report vi: shares of wards" "tỷ lệ phân chia thay đổi, Phường: Tiền sử dụng đất: đất xen kẹt 40% → (không có)" "$(echo "$cmp_vi" | grep 'Phường:')"

# Dates in a workbook are real dates, shown as the run's language writes them; years are
# not grouped (the observed points' years). The daily sheet's first date is the first row of disbursement_daily.csv.
for lang in vi en; do
  "$bin" run "$default" -o "$tmp/xd-$lang" --charts none --format csv,xlsx --lang $lang >/dev/null
  expect "xlsx dates $lang run" 0 $?
done
xlsx_dates() { python3 - "$1" <<'PY'
import csv, datetime, re, sys, zipfile
d = sys.argv[1]; z = zipfile.ZipFile(d + '/allocation.xlsx')
names = re.findall(r'<sheet name="([^"]+)"', z.read('xl/workbook.xml').decode())
styles = z.read('xl/styles.xml').decode()
fmts = dict(re.findall(r'numFmtId="(\d+)" formatCode="([^"]+)"', styles))
xfs = re.findall(r'<xf [^>]*numFmtId="(\d+)"', styles.split('<cellXfs')[1])
daily = z.read('xl/worksheets/sheet%d.xml' % (names.index(d.endswith('vi') and 'Giải ngân theo ngày' or 'Disbursement by day') + 1)).decode()
s, v = re.search(r'<c r="A2" s="(\d+)"><v>([^<]+)</v>', daily).groups()
first = next(csv.DictReader(open(d + '/disbursement_daily.csv', encoding='utf-8-sig')))['date']
serial = (datetime.date.fromisoformat(first) - datetime.date(1899, 12, 30)).days
years = set(fmts.get(xfs[int(c)], xfs[int(c)]) for c in re.findall(r'<c r="B\d+" s="(\d+)"><v>20\d\d</v>', z.read('xl/worksheets/sheet%d.xml' % len(names)).decode()))
print(fmts.get(xfs[int(s)]), int(float(v)) == serial, sorted(years))
PY
}
expect "xlsx dates vi" "dd/mm/yyyy True ['0']" "$(xlsx_dates "$tmp/xd-vi")"
expect "xlsx dates en" "d mmm yyyy True ['0']" "$(xlsx_dates "$tmp/xd-en")"
"$bin" run "$tests/fixtures/water-filling.cfg" -o "$tmp/xlsx-only" --format xlsx >/dev/null; expect "xlsx only" 0 $?
expect "xlsx only files" "allocation.xlsx summary.json" "$(cd "$tmp/xlsx-only" && echo *)"
"$bin" run "$tests/fixtures/water-filling.cfg" -o "$tmp/xlsx-only" --format xlsx --charts png >/dev/null 2>&1
expect "xlsx with charts" 64 $?

# backtest: what it refuses, and the table it writes for a small history.
err=$("$bin" backtest "$tests/fixtures/water-filling.cfg" -o "$tmp/bt" 2>&1); expect "backtest without disbursement exit" 65 $?
expect "backtest without disbursement message" "fiscalsim: $tests/fixtures/water-filling.cfg: disbursement: the scenario has no disbursement section: there is nothing to backtest" "$err"
err=$("$bin" backtest "$tests/fixtures/disbursement-cash.cfg" -o "$tmp/bt" 2>&1); expect "backtest without points exit" 65 $?
expect "backtest without points message" "fiscalsim: $tests/fixtures/disbursement-cash.cfg:29: disbursement.observed: no observed points: there is nothing to backtest" "$err"
err=$("$bin" backtest "$tests/fixtures/disbursement-flat.cfg" --cutoffs 08-31,06-30 2>&1 | head -1); expect "backtest cutoffs order" 'fiscalsim: --cutoffs: "06-30" does not come after the cutoff before it' "$err"
err=$("$bin" backtest "$tests/fixtures/disbursement-flat.cfg" --cutoffs 02-29 2>&1 | head -1); expect "backtest cutoff of a leap day" 'fiscalsim: --cutoffs: "02-29" is not a day of the year (MM-DD)' "$err"
cat > "$tmp/history.cfg" <<CFG
base = "$tests/fixtures/disbursement-flat.cfg";
disbursement = { observed = (
  { year = 2024; date = "2024-06-30"; plan = "whole"; share = 0.40; },
  { year = 2024; date = "2025-01-31"; plan = "whole"; share = 0.91; },
  { year = 2025; date = "2025-06-30"; plan = "whole"; share = 0.44; },
  { year = 2025; date = "2026-01-31"; plan = "whole"; share = 0.93; },
  { year = 2026; date = "2026-06-30"; plan = "whole"; share = 0.45; }
); };
CFG
"$bin" backtest "$tmp/history.cfg" -o "$tmp/bt" --cutoffs 06-30 --charts none >/dev/null; expect "backtest exit" 0 $?
expect "backtest columns" "plan_year,cutoff,date,plan,actual,forecast,lo,hi,naive_last_year,naive_mean_curve" \
  "$(head -1 "$tmp/bt/backtest.csv" | sed 's/^\xef\xbb\xbf//' | cut -d, -f1-10)"
expect "backtest rows" "2024,06-30,2025-01-31,whole,0.910000
2025,06-30,2026-01-31,whole,0.930000" "$(tail -n +2 "$tmp/bt/backtest.csv" | cut -d, -f1-5)"
expect "backtest naive last year" "0.910000" "$(awk -F, '$1 == 2025 {print $9}' "$tmp/bt/backtest.csv")"
expect "backtest files" "backtest.csv backtest.json backtest_curves.csv backtest_points.csv" "$(cd "$tmp/bt" && echo *)"
before=$(cd "$tmp/bt" && sha256sum * | sha256sum)
"$bin" backtest "$tests/fixtures/disbursement-cash.cfg" -o "$tmp/bt" >/dev/null 2>&1
expect "backtest outputs kept" "$before" "$(cd "$tmp/bt" && sha256sum * | sha256sum)"

# check that teaches: numbers written the local way get their own message; whole money
# written with decimals says which whole amounts; a misspelt column is one error; what is
# valid but looks wrong is a warning on stderr, and the exit code stays 0.
mkdir -p "$tmp/teach" && cp -r "$tests/../scenarios/data" "$tmp/teach/"
default_cfg="$tests/../scenarios/haiphong-2026.cfg"
for case in "0,9|decimal comma: write 0.9, not 0,9" "28,777,335L|digit-group commas: write 28777335, not 28,777,335" \
            "27.338.468L|digit-group dots: write 27338468, not 27.338.468" \
            "1.234,5|digit groups and a decimal comma: write 1234.5, not 1.234,5"; do
  sed "s/envelope = 28777335L;/envelope = ${case%%|*};/" "$default_cfg" > "$tmp/teach/n.cfg"
  got=$("$bin" check "$tmp/teach/n.cfg" 2>&1 | head -1)
  expect "check: ${case%%|*}" "fiscalsim: $tmp/teach/n.cfg:78: envelope: syntax error: ${case#*|}" "$got"
done
sed "s/envelope = 28777335L;/envelope = 27338468.5;/" "$default_cfg" > "$tmp/teach/r.cfg"
expect "check: money with decimals" "fiscalsim: $tmp/teach/r.cfg:78: policy.envelope: expected an integer, got the real number 27338468.5: write 27338468 or 27338469
fiscalsim: 1 error in $tmp/teach/r.cfg" "$("$bin" check "$tmp/teach/r.cfg" 2>&1)"
grep -v '^#' "$tests/../scenarios/data/haiphong-2026-units.csv" | sed '1s/,population,/,populaton,/' > "$tmp/teach/data/u.csv"
sed 's|data/haiphong-2026-units.csv|data/u.csv|' "$default_cfg" > "$tmp/teach/u.cfg"
expect "check: a misspelt column is one error" "fiscalsim: $tmp/teach/data/u.csv:1: populaton: unknown column (did you mean \"population\"?)
fiscalsim: 1 error in $tmp/teach/u.cfg" "$("$bin" check "$tmp/teach/u.cfg" 2>&1)"
printf 'base = "%s";\nname = "w";\npolicy = { hold_harmless = 9.0; envelope = 28777335000L; };\nsources = ( { id = "pit"; shares = ( { regime = "HP"; min = 0.32; max = 0.37; step = 0.05; }, { regime = "HD"; min = 0.1; max = 0.4; step = 0.05; } ); } );\n' "$default_cfg" > "$tmp/teach/w.cfg"
err=$("$bin" check "$tmp/teach/w.cfg" 2>&1 >/dev/null); expect "check: warnings keep exit 0" 0 $?
expect "check: warnings" "fiscalsim: warning: $tmp/teach/w.cfg:4: sources.[8].shares.[0].step: only one multiple of 0.05 (0.35) lies between min 0.32 and max 0.37: the share is fixed, not chosen
fiscalsim: warning: $tmp/teach/w.cfg:3: policy.hold_harmless: hold-harmless of 900% of last year is above 150%: a share is written as 0.9 for 90%
fiscalsim: warning: $tmp/teach/w.cfg:3: policy.envelope: the envelope 28777335000 is 100000% of the units' total need 28777322 million VND: are its units those of the need?" "$err"

# A scenario with warnings is cloned for each variant of a sweep (and each year of a
# period): the clone carries no warnings of its own, so nothing is freed twice.
printf 'base = "%s";\nname = "w";\npolicy = { hold_harmless = 1.6; };\nsweep = { design = "lhs"; variants = 4; seed = 1; parameters = ( { key = "policy.priority"; min = 0.0; max = 1.0; } ); };\n' "$default_cfg" > "$tmp/teach/sw.cfg"
"$bin" sweep "$tmp/teach/sw.cfg" -o "$tmp/teach/swo" --charts none --jobs 1 >/dev/null 2>&1; expect "sweep of a scenario with warnings" 0 $?

# An infeasible sweep variant says why: the requirement that gives way first and by how
# much (as run says it), and sweep.json counts the variants by reason.
printf 'base = "%s";\nname = "r";\nsweep = { design = "grid"; parameters = ( { key = "city.revenue"; values = [ 40165094.0, 30000000.0 ]; }, { key = "policy.hold_harmless"; values = [ 0.9, 1.3 ]; } ); };\n' "$default_cfg" > "$tmp/teach/rs.cfg"
"$bin" sweep "$tmp/teach/rs.cfg" -o "$tmp/teach/rso" --charts none --jobs 2 --reasons >/dev/null 2>&1; expect "sweep reasons exit" 0 $?
expect "sweep reasons" "1 solved |2 infeasible hold_harmless 8097226|3 infeasible envelope 9253658|4 infeasible hold_harmless 17487793|{'hold_harmless': 2, 'envelope': 1}" "$(python3 - "$tmp/teach/rso" <<'PY'
import csv, json, sys
rows = list(csv.DictReader(open(sys.argv[1] + '/sweep.csv', encoding='utf-8-sig')))
print('|'.join('%s %s %s %s' % (r['variant'], r['status'], r['reason'], r['reason_amount']) for r in rows).replace('  ', ' ')
      + '|' + str(json.load(open(sys.argv[1] + '/sweep.json'))['infeasible_by_reason']))
PY
)"

finish cli
