#!/usr/bin/python3
"""The analyst's way without fiscalsim, part 2: solve an exported fiscalsim LP (free MPS)
with PuLP and CBC in-process. Prints the objective and the time of read and solve.
usage: solve_pulp.py MODEL.mps (min|max)"""
import sys
import tempfile
import time

import pulp

t0 = time.perf_counter()
# GLPK's free MPS has an empty NAME line and two entries on some COLUMNS/RHS lines;
# PuLP's reader takes one entry a line and a named problem.
lines, section = [], None
for line in open(sys.argv[1], encoding="utf-8"):
    if line.startswith("*"):
        continue
    t = line.split()
    if not line.startswith(" "):
        section = t[0] if t else section
        lines.append("NAME model" if t == ["NAME"] else line.rstrip())
    elif section in ("COLUMNS", "RHS", "RANGES") and len(t) == 5:
        lines += [f" {t[0]} {t[1]} {t[2]}", f" {t[0]} {t[3]} {t[4]}"]
    else:
        lines.append(line.rstrip())
mps = tempfile.NamedTemporaryFile("w", suffix=".mps", delete=False)
mps.write("\n".join(lines) + "\n")
mps.close()
names, model = pulp.LpProblem.fromMPS(mps.name, sense=pulp.LpMaximize if sys.argv[2] == "max" else
                                      pulp.LpMinimize)
t1 = time.perf_counter()
status = model.solve(pulp.COIN_CMD(path="/usr/bin/cbc", msg=False))  # Debian: cbc from coinor-cbc
t2 = time.perf_counter()
print(f"pulp-cbc objective {pulp.value(model.objective):.9g} read_s {t1 - t0:.4f} solve_s {t2 - t1:.4f} "
      f"status {pulp.LpStatus[status]}")
