#!/usr/bin/env python3
"""Re-solves the engine's exported LP with glpsol and compares the objective.

usage: check_resolve.py FISCALSIM SCENARIO [--exact | --highs]

Runs `fiscalsim run SCENARIO --export-lp`, then re-solves the exported CPLEX LP with
glpsol (`--exact`: GLPK's rational-arithmetic simplex for LPs) or with HiGHS through
SciPy (`--highs`: a solver independent of GLPK), and checks that the optimum equals the
engine's primary objective (summary.json, lp.primary_objective) within 1e-6 relative.
Exit 0 on agreement, 1 otherwise.
"""
import json
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))


def glpsol_objective(lp_path, exact):
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "sol.txt")
        cmd = ["glpsol", "--lp", lp_path, "-o", out]
        if exact:
            cmd.insert(1, "--exact")
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        text = open(out, encoding="utf-8").read()
    m = re.search(r"Objective:\s+\S+\s+=\s+(\S+)", text)
    if not m:
        raise SystemExit(f"no objective in glpsol output for {lp_path}:\n{text[:500]}")
    return float(m.group(1))


def main():
    if len(sys.argv) < 3:
        raise SystemExit(__doc__)
    binary, scenario = sys.argv[1], sys.argv[2]
    exact = "--exact" in sys.argv[3:]
    highs = "--highs" in sys.argv[3:]
    with tempfile.TemporaryDirectory() as tmp:
        lp = os.path.join(tmp, "model.lp")
        subprocess.run([binary, "run", scenario, "-o", tmp, "--charts", "none", "--export-lp", lp], check=True,
                       stdout=subprocess.DEVNULL)
        summary = json.load(open(os.path.join(tmp, "summary.json"), encoding="utf-8"))
        engine = summary["lp"]["primary_objective"]
        if highs:
            from highs_resolve import highs_objective
            other = highs_objective(lp)
        else:
            other = glpsol_objective(lp, exact)
    rel = abs(engine - other) / max(1.0, abs(other))
    solver = "HiGHS" if highs else "glpsol --exact" if exact else "glpsol"
    print(f"{os.path.basename(scenario)}: engine {engine:.12g}, {solver} "
          f"{other:.12g}, relative difference {rel:.3g}")
    return 0 if rel <= 1e-6 else 1


if __name__ == "__main__":
    sys.exit(main())
