#!/usr/bin/env bash
# Outputs nothing can mix, truncate or redirect (output_set.h, atomic_file.h):
# export targets that are not regular files are written in place (a FIFO, a link to
# /proc/self/fd/1 as /dev/stdout is, a character device stay what they are); a link planted where an output goes is replaced, its
# target untouched; a folder path too long for the files is refused (64) and a long one
# that fits gets every file under its own name; concurrent runs into one folder leave
# one run's complete set; a run killed at any moment leaves the old set or the new one,
# never a mix, and the next run cleans up after it; an interrupted commit is completed
# by the next command; a truncated chart (file-size limit) is a write error (74); a
# malformed summary.json is bad input to `plot` (65).
# usage: check_output_safety.sh FISCALSIM TESTS_DIR
set -u
bin=$1 tests=$2
source "$(dirname "$0")/expect.sh"
cd "$tmp"
fx="$tests/fixtures"

# Export targets that are not regular files are written in place.
# A link to /proc/self/fd/1, as /dev/stdout is (a private one: a bug here must not
# replace the machine's own).
ln -s /proc/self/fd/1 stdout-link
"$bin" run "$fx/water-filling.cfg" -o o --charts none --export-lp stdout-link | cat > stdout.lp
expect "export to a link to stdout" 0 "${PIPESTATUS[0]}"
expect "the LP went to stdout" yes "$(grep -q '^Subject To' stdout.lp && echo yes)"
expect "the link is still a link" yes "$([ -L stdout-link ] && echo yes)"
# A character device: as root a private copy of /dev/null (a bug here must not replace
# the machine's own), else /dev/null itself (/dev is not writable then).
null=/dev/null
if [ "$(id -u)" = 0 ] && mknod "$tmp/null" c 1 3 2>/dev/null; then null=$tmp/null; fi
"$bin" run "$fx/water-filling.cfg" -o o --charts none --export-lp "$null" >/dev/null; expect "export to a character device" 0 $?
expect "the character device is still one" yes "$([ -c "$null" ] && echo yes)"
mkfifo fifo
cat fifo > from-fifo.lp & reader=$!
"$bin" run "$fx/water-filling.cfg" -o o --charts none --export-lp fifo >/dev/null; expect "export to a FIFO" 0 $?
wait $reader
expect "the FIFO is still a FIFO" yes "$([ -p fifo ] && echo yes)"
expect "the LP went through the FIFO" yes "$(grep -q '^Subject To' from-fifo.lp && echo yes)"
echo "keep me" > victim
ln -s victim link.lp
"$bin" run "$fx/water-filling.cfg" -o o --charts none --export-lp model.lp >/dev/null
expect "a regular export target is written" yes "$(grep -q '^Subject To' model.lp && echo yes)"
expect "no temporary file beside the export" "" "$(ls -A | grep -E 'fiscalsim|\.tmp' || true)"

# A link planted where an output goes is replaced by the new file; its target is untouched.
mkdir planted && ln -s ../victim planted/allocation.csv
"$bin" run "$fx/water-filling.cfg" -o planted --charts none >/dev/null; expect "run over a planted link" 0 $?
expect "the link's target untouched" "keep me" "$(cat victim)"
expect "allocation.csv is a regular file now" yes "$([ -f planted/allocation.csv ] && [ ! -L planted/allocation.csv ] && echo yes)"

# Path lengths: one that leaves no room for the files is refused; a long one that fits
# gets every file under its own name.
long=$tmp
while [ ${#long} -lt 4000 ]; do long=$long/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa; done
err=$("$bin" run "$fx/water-filling.cfg" -o "$long" --charts none 2>&1 >/dev/null); code=$?
expect "too long a folder: exit" 64 $code
expect "too long a folder: message" yes "$(has_text "$err" "the output folder's path is ${#long} bytes long: at most")"
mid=$tmp
while [ ${#mid} -lt 500 ]; do mid=$mid/bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb; done
"$bin" run "$fx/water-filling.cfg" -o "$mid" --charts png >/dev/null; expect "a 500-byte folder" 0 $?
expect "a 500-byte folder: every file by its name" \
  "allocation.csv charts.gp coverage.png lorenz.png per_capita.png revenue_split.csv revenue_split.png shares.csv summary.json" \
  "$(cd "$mid" && ls -A | tr '\n' ' ' | sed 's/ $//')"

# Concurrent runs of two scenarios into one folder: one run's complete set each time.
consistent() { # DIR: summary.json and allocation.csv come from the same scenario
  python3 - "$1" <<'PY'
import csv, json, sys
d = sys.argv[1]
s = json.load(open(f"{d}/summary.json", encoding="utf-8"))
units = [r["unit"] for r in csv.DictReader(open(f"{d}/allocation.csv", encoding="utf-8-sig"))]
print("yes" if len(units) == s["units"] and s["totals"]["allocation"] ==
      sum(int(r["allocation"]) for r in csv.DictReader(open(f"{d}/allocation.csv", encoding="utf-8-sig"))) else "no")
PY
}
for trial in 1 2 3; do
  pids=()
  for k in 1 2 3 4 5 6 7 8 9 10; do
    if [ $((k % 2)) = 0 ]; then s="$fx/water-filling.cfg"; else s="$tests/../scenarios/haiphong-2026.cfg"; fi
    "$bin" run "$s" -o shared --charts none >/dev/null 2>&1 & pids+=($!)
  done
  fails=0
  for p in "${pids[@]}"; do wait "$p" || fails=$((fails + 1)); done
  expect "concurrent runs $trial: all succeed" 0 $fails
  expect "concurrent runs $trial: one run's set" yes "$(consistent shared)"
  expect "concurrent runs $trial: nothing staged left" "" "$(ls -A shared | grep fiscalsim || true)"
done

# kill -9 at any moment of a run with charts: the folder holds the old set or the new
# one (completed by the next command when the kill fell inside the renames), never
# tables of one and charts of the other; the next run cleans up.
pack_scenario() { pdftotext "$1/council-pack.pdf" - 2>/dev/null | grep -c "$2"; }
"$bin" run "$tests/../scenarios/haiphong-2026.cfg" -o killed --charts pdf >/dev/null; expect "the run killed below runs" 0 $?
"$bin" run "$fx/water-filling.cfg" -o killed --charts pdf >/dev/null
for delay in 0.01 0.03 0.05 0.07 0.09 0.11 0.13 0.15 0.17 0.19 0.25; do
  "$bin" run "$tests/../scenarios/haiphong-2026.cfg" -o killed --charts pdf >/dev/null 2>&1 & p=$!
  sleep "$delay"; kill -9 $p 2>/dev/null; wait $p 2>/dev/null
  # Killed inside the renames (a fraction of a millisecond, wider under load): the intent
  # file is there, and the next command writing to the folder completes the set first.
  if [ -e killed/.fiscalsim-commit ]; then "$bin" plot killed --charts none >/dev/null; fi
  name=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['scenario'])" killed/summary.json)
  expect "killed after ${delay}s: tables consistent" yes "$(consistent killed)"
  expect "killed after ${delay}s: the pack is the summary's" yes "$([ "$(pack_scenario killed "$name")" -gt 0 ] && echo yes)"
  "$bin" run "$fx/water-filling.cfg" -o killed --charts pdf >/dev/null
  expect "killed after ${delay}s: the next run cleans up" "" "$(ls -A killed | grep fiscalsim || true)"
done

# An interrupted commit (the intent written, some files not yet moved) is completed
# by the next command writing to the folder.
"$bin" run "$fx/water-filling.cfg" -o half --charts none >/dev/null
mkdir half/.fiscalsim-stage-abc123 && echo "staged" > half/.fiscalsim-stage-abc123/note.txt
echo ".fiscalsim-stage-abc123" > half/.fiscalsim-commit
mkdir half/.fiscalsim-stage-dead99 && echo "left over" > half/.fiscalsim-stage-dead99/allocation.csv
"$bin" plot half --charts png >/dev/null; expect "plot over an interrupted commit" 0 $?
expect "the interrupted commit completed" "staged" "$(cat half/note.txt 2>/dev/null)"
expect "intent and staging folders gone" "" "$(ls -A half | grep fiscalsim || true)"

# A chart cut short by a file-size limit is a write error, and nothing is written.
err=$( (ulimit -f 60; "$bin" run "$fx/water-filling.cfg" -o cut --charts png 2>&1 >/dev/null) ); code=$?
expect "cut chart exit" 74 $code
expect "cut chart message" "fiscalsim: cannot write the charts: cut/coverage.png was cut short (a full disk or a file-size limit)
fiscalsim: nothing was written: cut is as it was" "$err"
expect "cut chart: nothing written" "" "$(ls -A cut)"

# plot on a malformed summary.json is bad input (65), named by file and line.
"$bin" run "$fx/water-filling.cfg" -o bad --charts none >/dev/null
printf '{"status": "optimal",\n  "units": ,\n}\n' > bad/summary.json
err=$("$bin" plot bad 2>&1 >/dev/null); code=$?
expect "malformed summary exit" 65 $code
expect "malformed summary message" yes "$(has_text "$err" "bad/summary.json:2: not a valid JSON summary:")"

finish output-safety
