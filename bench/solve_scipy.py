#!/usr/bin/python3
"""The analyst's way without fiscalsim, part 1: solve an exported fiscalsim LP (free MPS)
with SciPy's HiGHS in-process. Prints the objective and the time of read and solve.
usage: solve_scipy.py MODEL.mps (min|max)"""
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "tests"))
from scipy.optimize import Bounds, LinearConstraint, milp  # noqa: E402

from highs_resolve import read_mps  # noqa: E402

t0 = time.perf_counter()
c, A, lo_r, hi_r, lo_c, hi_c, integrality = read_mps(sys.argv[1])
sign = -1.0 if sys.argv[2] == "max" else 1.0
t1 = time.perf_counter()
res = milp(sign * c, constraints=LinearConstraint(A, lo_r, hi_r), bounds=Bounds(lo_c, hi_c),
           integrality=integrality, options={"presolve": False})
t2 = time.perf_counter()
print(f"scipy-highs objective {sign * res.fun if res.success else float('nan'):.9g} read_s {t1 - t0:.4f} "
      f"solve_s {t2 - t1:.4f} status {res.status}")
