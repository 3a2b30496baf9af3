#!/usr/bin/env bash
# Runs one CLI case and compares its exit code and stderr with the expected file.
# usage: run_cli_case.sh FISCALSIM CASE.cfg [--update]
# The expected file is CASE.expected: first line "exit N", then the exact stderr.
# The command runs from the case's parent folder so that paths in messages are stable.
set -u
bin=$1 case=$2 update=${3:-}
dir=$(dirname "$case") name=$(basename "$case" .cfg)
expected="$dir/$name.expected"
cd "$dir/.." || exit 1
rel="$(basename "$dir")/$name.cfg"
err=$("$bin" check "$rel" 2>&1 >/dev/null)
code=$?
actual=$(printf 'exit %d\n%s' "$code" "$err")
if [ "$update" = "--update" ]; then
  printf '%s\n' "$actual" > "$expected"
  exit 0
fi
if [ "$actual" != "$(cat "$expected")" ]; then
  echo "FAIL $name"; diff <(cat "$expected") <(printf '%s\n' "$actual")
  exit 1
fi
