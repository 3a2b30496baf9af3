#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan) and runs each for SECONDS seconds
# (default 60) from the seed corpus: the real scenarios, the fixtures, the bad inputs and
# the tables for the loaders, a workbook for the workbook reader; the sweep sections for the sweep designs; the fixtures that
# stand alone for the whole pipeline (load, solve, whole money, tables). Exits non-zero when a fuzzer finds a crash, a leak or a sanitizer error.
# usage: tests/fuzz/run.sh [SECONDS]
set -eu
cd "$(dirname "$0")/../.."
seconds=${1:-60}
build=build-fuzz
CC=clang cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Debug -DFISCALSIM_FUZZ=ON -DFISCALSIM_STATIC_DEPS=OFF >/dev/null
cmake --build "$build" -j"$(nproc)" --target fuzz_scenario fuzz_table fuzz_xlsx fuzz_sweep_design fuzz_pipeline >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work" /dev/shm/fiscalsim-fuzz-*' EXIT
mkdir -p "$work/scenario" "$work/table" "$work/xlsx" "$work/sweep_design" "$work/pipeline"
cp scenarios/*.cfg tests/fixtures/*.cfg tests/bad-input/*.cfg "$work/scenario/"
cp scenarios/data/*.csv tests/bad-input/*.csv "$work/table/"
cp tests/fuzz/seeds/*.xlsx "$work/xlsx/"
# The whole pipeline starts from the fixtures that stand alone (no base, no table).
for f in tests/fixtures/*.cfg; do grep -qE '^(base|.*table) *=' "$f" || cp "$f" "$work/pipeline/"; done
for f in tests/fixtures/sweep-*.cfg tests/bad-input/sweep-*.cfg bench/sweep-*.cfg; do
  sed -n '/^sweep = {/,/^};/p' "$f" | sed '1d;$d' > "$work/sweep_design/$(basename "$f" .cfg).txt"
done
export LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp"
for target in scenario table xlsx sweep_design pipeline; do
  echo "fuzz_$target: $seconds s"
  "$build/tests/fuzz_$target" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 "$work/$target" 2>&1 | grep -E '^(stat::number_of_executed_units|==|SUMMARY|INFO: fuzzing)|ERROR' || true
  # libFuzzer's exit status is lost in the pipe above: a crash leaves a crash-* file.
  if ls crash-* leak-* timeout-* oom-* >/dev/null 2>&1; then echo "fuzz_$target found a problem:"; ls crash-* leak-* timeout-* oom-* 2>/dev/null; exit 1; fi
done
