#!/usr/bin/env python3
"""Random variants of a scenario, each re-solved by an independent solver (HiGHS).

usage: check_variants.py FISCALSIM SCENARIO COUNT SEED

For COUNT variants (reproducible from SEED): every revenue cell of the units table is
multiplied by a factor in [0.7, 1.3], every last_year by a factor in [0.85, 1.15], and
the envelope by a factor in [0.99, 1.015]. Each variant is run by the engine with its LP
exported, and the exported LP is re-solved by HiGHS (SciPy, see highs_resolve.py); the
two optima must agree within 1e-6 relative. Infeasible variants must be infeasible for
both. Prints one line per disagreement and a closing count; exit 1 if any disagree.
"""
import csv
import io
import json
import os
import random
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from highs_resolve import highs_objective  # noqa: E402


def read_table(path):
    with open(path, encoding="utf-8-sig") as f:
        lines = f.read().splitlines()
    comments = [l for l in lines if l.startswith("#")]
    body = [l for l in lines if not l.startswith("#")]
    rows = list(csv.reader(body))
    return comments, rows[0], rows[1:]


def write_table(path, comments, header, rows):
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows)
    with open(path, "w", encoding="utf-8") as f:
        f.write("".join(c + "\n" for c in comments) + out.getvalue())


def main():
    if len(sys.argv) != 5:
        raise SystemExit(__doc__)
    binary, scenario, count, seed = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    text = open(scenario, encoding="utf-8").read()
    table_name = re.search(r'table\s*=\s*"([^"]+)"', text).group(1)
    table = os.path.join(os.path.dirname(os.path.abspath(scenario)), table_name)
    comments, header, rows = read_table(table)
    rev_cols = [i for i, h in enumerate(header) if h.startswith("rev_")]
    ly_col = header.index("last_year") if "last_year" in header else None
    env = re.search(r"envelope\s*=\s*(\d+)L?\s*;", text)
    rng = random.Random(seed)
    disagreements = 0
    infeasible = 0
    with tempfile.TemporaryDirectory() as tmp:
        for v in range(count):
            new_rows = []
            for row in rows:
                row = list(row)
                for i in rev_cols:
                    if row[i]:
                        row[i] = str(int(round(int(row[i]) * rng.uniform(0.7, 1.3))))
                if ly_col is not None and row[ly_col]:
                    row[ly_col] = str(int(round(int(row[ly_col]) * rng.uniform(0.85, 1.15))))
                new_rows.append(row)
            vtable = os.path.join(tmp, "units.csv")
            write_table(vtable, comments, header, new_rows)
            vtext = text
            if env:
                e = int(int(env.group(1)) * rng.uniform(0.99, 1.015))
                vtext = vtext[:env.start(1)] + str(e) + vtext[env.end(1):]
            vtext = vtext.replace(f'"{table_name}"', f'"{vtable}"')
            # Other tables the scenario names (the disbursement history) stay where they are.
            vtext = re.sub(r'"(data/[^"]+)"', lambda m: '"' + os.path.join(os.path.dirname(os.path.abspath(scenario)), m.group(1)) + '"', vtext)
            vcfg = os.path.join(tmp, "variant.cfg")
            open(vcfg, "w", encoding="utf-8").write(vtext)
            lp = os.path.join(tmp, "variant.lp")
            out = os.path.join(tmp, "out")
            run = subprocess.run([binary, "run", vcfg, "-o", out, "--charts", "none", "--export-lp", lp],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
            if run.returncode == 1:
                infeasible += 1
                if highs_objective(lp) is not None:
                    disagreements += 1
                    print(f"variant {v}: engine says infeasible, HiGHS does not")
                continue
            if run.returncode != 0:
                disagreements += 1
                print(f"variant {v}: engine exit {run.returncode}: {run.stderr.strip()}")
                continue
            summary = json.load(open(os.path.join(out, "summary.json"), encoding="utf-8"))
            exact = highs_objective(lp)
            if exact is None:
                disagreements += 1
                print(f"variant {v}: HiGHS says infeasible, the engine does not")
                continue
            engine = summary["lp"]["primary_objective"]
            rel = abs(engine - exact) / max(1.0, abs(exact))
            if rel > 1e-6:
                disagreements += 1
                print(f"variant {v}: engine {engine:.12g}, HiGHS {exact:.12g}, relative {rel:.3g}")
            os.remove(lp)
    print(f"variants: {count - disagreements} passed, {disagreements} failed "
          f"({infeasible} infeasible in both)")
    return 1 if disagreements else 0


if __name__ == "__main__":
    sys.exit(main())
