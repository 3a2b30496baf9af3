#!/usr/bin/python3
"""Warm-started sweep variants against independent solves. A Latin-hypercube sweep of the
default scenario (its variants solved in blocks, each warm-started from its neighbour)
is checked on a sample of variants: each is solved again alone, cold, as a sweep of one
variant (a grid of one value per parameter, read back as sweep.csv prints it: 6
decimals), and must agree on the status and within 1e-6 (relative, plus half a unit of
the printed last digit) on the two objectives, the minimum coverage and the total
transfers. The other figures belong to one optimal allocation (where the optimum is not
unique another solve may pick another), and the city balance, a small difference of
large amounts, moves by a few units with the parameters' seventh decimal.
Then another solver: the LPs of the first 40 variants as the sweep solved them
(--export-lps) go through bench/sweep_scipy.py (SciPy's HiGHS), which must agree on every
status and on the total transfers within 5e-6 (the LP's optimum against the sum of the
units' transfers rounded to whole money).
usage: check_sweep_independent.py FISCALSIM PROJECT_DIR"""
import csv
import json
import os
import subprocess
import sys
import tempfile

binary, project = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
base = os.path.join(project, "scenarios", "haiphong-2026.cfg")
params = [("policy.envelope", 27900000.0, 29300000.0), ("revenue.lu_commune", 0.7, 1.3),
          ("policy.hold_harmless", 0.8, 0.95), ("norms.recurrent.per_capita", 2.3, 2.7)]
failed = passed = 0


def sweep(directory, body, *options):
    os.makedirs(directory, exist_ok=True)
    path = os.path.join(directory, "sweep.cfg")
    with open(path, "w", encoding="utf-8") as f:
        f.write(f'base = "{base}";\nsweep = {{\n{body}\n}};\n')
    subprocess.run([binary, "sweep", path, "-o", directory, "--charts", "none", "--jobs", "2", *options], check=True,
                   stdout=subprocess.DEVNULL)
    with open(os.path.join(directory, "sweep.csv"), encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))


def close(a, b, digits):
    return abs(float(a) - float(b)) <= 1e-6 * abs(float(b)) + 0.5 * 10.0 ** -digits


with tempfile.TemporaryDirectory() as tmp:
    listed = ",\n".join(f'    {{ key = "{k}"; min = {lo}; max = {hi}; }}' for k, lo, hi in params)
    lps = os.path.join(tmp, "lps.jsonl")
    rows = sweep(os.path.join(tmp, "all"), f'  design = "lhs";\n  variants = 400;\n  seed = 11;\n'
                                           f'  parameters = (\n{listed}\n  );', "--export-lps", lps)
    solved = [r for r in rows if r["status"] == "solved"]
    infeasible = [r for r in rows if r["status"] == "infeasible"]
    sample = solved[::len(solved) // 16][:16] + infeasible[:4]
    for r in sample:
        one = ",\n".join(f'    {{ key = "{k}"; values = [ {r[k]} ]; }}' for k, _, _ in params)
        alone = sweep(os.path.join(tmp, "v" + r["variant"]), f'  design = "grid";\n  parameters = (\n{one}\n  );')[0]
        # The one-variant sweep reads the parameters as printed (6 decimals): compare at that input.
        ok = alone["status"] == r["status"]
        if ok and r["status"] == "solved":
            ok = close(alone["min_coverage"], r["min_coverage"], 6) and close(alone["transfers"], r["transfers"], 0)
        if ok:
            passed += 1
        else:
            failed += 1
            print(f"FAIL variant {r['variant']}: sweep {r} alone {alone}")
    highs = os.path.join(tmp, "highs.csv")
    subprocess.run([sys.executable, os.path.join(project, "bench", "sweep_scipy.py"), lps, "--limit", "40",
                    "--out", highs], check=True, stdout=subprocess.DEVNULL)
    with open(lps, encoding="utf-8") as f:
        scale = float(json.loads(f.readline())["money_scale"])
    with open(highs, encoding="utf-8") as f:
        for h in csv.DictReader(f):
            r = rows[int(h["variant"]) - 1]
            ok = h["status"] == r["status"]
            if ok and r["status"] == "solved":
                ok = abs(float(h["objective_1"]) * scale - float(r["transfers"])) <= 5e-6 * float(r["transfers"])
            if ok:
                passed += 1
            else:
                failed += 1
                print(f"FAIL HiGHS on variant {h['variant']}: {h} against {r}")
print(f"sweep-independent: {passed} passed, {failed} failed")
sys.exit(1 if failed or passed < 60 else 0)
