#!/usr/bin/python3
"""The analyst's sweep without fiscalsim, part 2: solve every variant LP exported by
`fiscalsim sweep SCENARIO --export-lps FILE.jsonl` with PuLP and CBC in one Python loop,
stage by stage as fiscalsim does (each later stage holds the earlier stage's optimum up
to stage_slack * max(1, |v|)). The JSON is parsed first, untimed; building each variant's
LpProblem and solving it (CBC: a process per stage) are timed. CBC is slow: use --limit.
Prints one line: pulp-cbc variants N solved S infeasible I [failed F] loop_s T variants_per_s R.
--out writes variant,status,objective_0,objective_1 (stage objectives in LP units).
usage: sweep_pulp.py FILE.jsonl [--limit K] [--out RESULTS.csv]"""

import pulp

from sweep_loop import run  # bench/sweep_loop.py, next to this script

SOLVER = pulp.COIN_CMD(path="/usr/bin/cbc", msg=False)  # Debian: cbc from coinor-cbc
# CBC 2.10 writes its solution with 8 significant digits (%15.8g), so a held optimum may be
# off by up to 5e-8 relative, more than fiscalsim's stage_slack (1e-9): the hold then cuts the
# optimum off and the next stage is infeasible. The slack is at least 1e-7 relative here.
CBC_SLACK = 1e-7


def build(d):
    """The variant's LpProblem (no objective yet) and its columns."""
    prob = pulp.LpProblem(f"variant_{d['variant']}")
    x = [pulp.LpVariable(f"x{j}", lo, hi, pulp.LpInteger if integer else pulp.LpContinuous)
         for j, (lo, hi, integer) in enumerate(zip(d["col_lo"], d["col_hi"], d["integer"]))]
    rows = [[] for _ in range(d["rows"])]
    for i, j, a in zip(d["ia"], d["ja"], d["ar"]):
        rows[i].append((x[j], a))
    for terms, lo, hi in zip(rows, d["row_lo"], d["row_hi"]):
        expr = pulp.LpAffineExpression(terms)
        if lo is not None and lo == hi:
            prob += expr == lo
            continue
        if lo is not None:
            prob += expr >= lo
        if hi is not None:
            prob += expr <= hi
    return prob, x


def solve(d):
    """Returns (status, stage objective values) of one variant."""
    (prob, x), values = build(d), []
    for k, stage in enumerate(d["stages"]):
        if k > 0:  # hold the previous stage's optimum
            slack = max(d["stage_slack"], CBC_SLACK) * max(1.0, abs(values[-1]))
            if d["stages"][k - 1]["maximise"]:
                prob += prob.objective >= values[-1] - slack
            else:
                prob += prob.objective <= values[-1] + slack
        prob.sense = pulp.LpMaximize if stage["maximise"] else pulp.LpMinimize
        prob.setObjective(pulp.LpAffineExpression((x[j], c) for j, c in enumerate(stage["c"]) if c != 0))
        status = prob.solve(SOLVER)
        if status == pulp.LpStatusInfeasible and k == 0:
            return "infeasible", values
        if status != pulp.LpStatusOptimal:
            return "failed", values
        values.append(pulp.value(prob.objective))
    return "solved", values


def main():
    run("pulp-cbc", "Sweep the exported LPs with PuLP and CBC.", solve)


if __name__ == "__main__":
    main()
