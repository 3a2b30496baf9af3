# expect.sh: the assertions of the shell tests (sourced, not run). Makes a temporary
# folder $tmp removed on exit, counts passed and failed checks, and ends with the
# "N passed, N failed" line and the matching exit status.

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0 passed=0

# expect NAME WANT GOT: the two strings are equal.
expect() {
  if [ "$2" = "$3" ]; then passed=$((passed + 1)); else
    failed=$((failed + 1)); printf 'FAIL %s\n  want: %s\n  got:  %s\n' "$1" "$2" "$3"; fi
}

# expect_same_file NAME GOLDEN ACTUAL: the files are byte for byte equal.
expect_same_file() {
  if cmp -s "$2" "$3"; then passed=$((passed + 1)); else
    failed=$((failed + 1)); echo "FAIL $1"; diff "$2" "$3" | head -20; fi
}

# pages PDF: the number of pages of a PDF (pdfinfo).
pages() { pdfinfo "$1" | awk '/^Pages:/{print $2}'; }

# has_text TEXT PART: prints "yes" when TEXT contains PART (a fixed string).
has_text() { grep -qF "$2" <<<"$1" && echo yes; }

# finish LABEL: prints the closing count and exits non-zero when a check failed.
finish() {
  echo "$1: $passed passed, $failed failed"
  [ "$failed" = 0 ]
  exit
}

# without_plots SCRIPT: a copy of a chart driver (SCRIPT.golden, its path printed) with
# the chart scripts' folder, which depends on the machine, written PLOTS.
without_plots() { sed "s|^if (!exists(\"plots\")) plots = '.*'\$|if (!exists(\"plots\")) plots = 'PLOTS'|" "$1" > "$1.golden"; echo "$1.golden"; }
