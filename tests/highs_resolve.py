#!/usr/bin/env python3
"""Solves an exported fiscalsim LP with HiGHS (SciPy), a solver independent of GLPK.

highs_objective(lp_path) converts the CPLEX LP file to free MPS with glpsol (a format
conversion only: `--check` stops glpsol before any solving), reads the MPS, and solves
it with scipy.optimize.milp (HiGHS; integer columns honoured). The objective sense is
read from the LP file, which states it (MPS written by GLPK does not). Returns the
optimal objective value in LP units, or None when HiGHS finds the problem infeasible.

HiGHS's presolve is off: with it, the HiGHS of Debian's SciPy 1.10 returned 0.99182 as
"optimal" on the Hai Phong MIP, whose optimum is 0.991885 (GLPK's integer solution
attains the LP bound, and HiGHS itself confirms it with the integers fixed).
"""
import os
import subprocess
import tempfile

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import coo_matrix


def read_mps(path):
    rows, row_type, objective = {}, {}, None
    cols, integer, entries = {}, set(), []
    rhs, bounds = {}, {}
    section, in_int = None, False
    for line in open(path, encoding="utf-8"):
        if line.startswith("*") or not line.strip():
            continue
        if not line.startswith(" "):
            section = line.split()[0]
            continue
        f = line.split()
        if section == "ROWS":
            if f[0] == "N":
                objective = f[1]
            else:
                row_type[f[1]] = f[0]
                rows[f[1]] = len(rows)
        elif section == "COLUMNS":
            if len(f) == 3 and f[1] == "'MARKER'":
                in_int = f[2] == "'INTORG'"
                continue
            name = f[0]
            if name not in cols:
                cols[name] = len(cols)
                if in_int:
                    integer.add(name)
            for r, v in zip(f[1::2], f[2::2]):
                entries.append((r, name, float(v)))
        elif section == "RHS":
            for r, v in zip(f[1::2], f[2::2]):
                rhs[r] = float(v)
        elif section == "BOUNDS":
            kind, name = f[0], f[2]
            lo, hi = bounds.get(name, (0.0, np.inf))
            v = float(f[3]) if len(f) > 3 else 0.0
            if kind == "UP":
                hi = v
            elif kind == "LO":
                lo = v
            elif kind == "FX":
                lo = hi = v
            elif kind == "FR":
                lo, hi = -np.inf, np.inf
            elif kind == "MI":
                lo = -np.inf
            elif kind == "PL":
                hi = np.inf
            else:
                raise ValueError(f"unsupported bound {kind}")
            bounds[name] = (lo, hi)
        elif section == "RANGES":
            raise ValueError("RANGES are not produced by fiscalsim")
    c = np.zeros(len(cols))
    r_i, c_i, vals = [], [], []
    for r, name, v in entries:
        if r == objective:
            c[cols[name]] = v
        else:
            r_i.append(rows[r])
            c_i.append(cols[name])
            vals.append(v)
    A = coo_matrix((vals, (r_i, c_i)), shape=(len(rows), len(cols))).tocsr()
    lo_r = np.full(len(rows), -np.inf)
    hi_r = np.full(len(rows), np.inf)
    for r, k in rows.items():
        b = rhs.get(r, 0.0)
        if row_type[r] in ("E", "G"):
            lo_r[k] = b
        if row_type[r] in ("E", "L"):
            hi_r[k] = b
    lo_c = np.array([bounds.get(n, (0.0, np.inf))[0] for n in cols])
    hi_c = np.array([bounds.get(n, (0.0, np.inf))[1] for n in cols])
    integrality = np.array([1 if n in integer else 0 for n in cols])
    return c, A, lo_r, hi_r, lo_c, hi_c, integrality


def highs_objective(lp_path):
    maximise = "Maximize" in open(lp_path, encoding="utf-8").read(4096)
    with tempfile.TemporaryDirectory() as tmp:
        mps = os.path.join(tmp, "model.mps")
        subprocess.run(["glpsol", "--lp", lp_path, "--check", "--wfreemps", mps], check=True,
                       stdout=subprocess.DEVNULL)
        c, A, lo_r, hi_r, lo_c, hi_c, integrality = read_mps(mps)
    sign = -1.0 if maximise else 1.0
    res = milp(sign * c, constraints=LinearConstraint(A, lo_r, hi_r), bounds=Bounds(lo_c, hi_c),
               integrality=integrality, options={"mip_rel_gap": 1e-9, "presolve": False})
    if res.status == 2:
        return None
    if res.status != 0:
        raise RuntimeError(f"HiGHS: {res.message}")
    return sign * res.fun
