#!/usr/bin/env bash
# One call per province: runs fiscalsim on every scenario in DIR (each province a budget
# of its own, as `scripts/gen_national.py --per-province` writes them) on JOBS processes
# at once, each into OUT/<scenario name>/, then writes OUT/provinces.csv: per province its
# status (the exit code's meaning), lowest coverage, total transfers and units.
# usage: scripts/run_provinces.sh DIR OUT [JOBS]     (JOBS: default all cores)
set -euo pipefail
dir=$1 out=$2 jobs=${3:-$(nproc)}
bin=${FISCALSIM:-$(dirname "$0")/../build/fiscalsim}
mkdir -p "$out"
ls "$dir"/*.cfg | xargs -P "$jobs" -I{} sh -c \
  'name=$(basename "{}" .cfg); "$0" run "{}" -o "$1/$name" --charts none >/dev/null 2>"$1/$name.err"; echo $? >"$1/$name.rc"' \
  "$bin" "$out"
python3 - "$dir" "$out" <<'PY'
import glob, json, os, sys
src, out = sys.argv[1], sys.argv[2]
meaning = {0: "optimal", 1: "infeasible", 65: "invalid input", 70: "internal error", 74: "I/O error"}
lines, failed = ["province,status,min_coverage,transfers,units"], 0
for cfg in sorted(glob.glob(os.path.join(src, "*.cfg"))):
    name = os.path.basename(cfg)[:-4]
    rc = int(open(os.path.join(out, name + ".rc")).read())
    failed += rc != 0
    row = [name, meaning.get(rc, f"exit {rc}"), "", "", ""]
    if rc == 0:
        s = json.load(open(os.path.join(out, name, "summary.json")))
        row[2:] = [f"{s['min_coverage']:.6f}", str(s["totals"]["transfer"]), str(s["units"])]
    lines.append(",".join(row))
open(os.path.join(out, "provinces.csv"), "w").write("\n".join(lines) + "\n")
print(f"{len(lines) - 1} provinces, {failed} not optimal, table in {out}/provinces.csv")
sys.exit(1 if failed else 0)
PY
