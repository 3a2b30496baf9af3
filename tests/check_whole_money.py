#!/usr/bin/env python3
"""check_whole_money.py: the whole-money guarantees (docs/model.md, "Money") on random
small scenarios, run through the CLI like a user would.

For each scenario the check writes a scenario file, runs `fiscalsim run`, and asserts
from the outputs and its own knowledge of the inputs:
  - the run never exits 70 (a feasible model always has an answer in whole money);
  - every collection's central, city and commune parts add up to it exactly, each
    within one money unit of its real value (fixed shares);
  - own revenue + transfer + targeted = allocation for every unit, and the envelope
    adds up exactly (exact) or is not exceeded (max);
  - every lower limit holds at its ceiling and the cap at its floor, and no allocation
    falls more than one money unit below the common coverage level, unless
    summary.json lists that requirement of that unit under whole_money.gaps with the
    exact shortfall;
  - the gaps' shortfalls, tier by tier (transfer sign; lower limits and cap; coverage
    level), are the least any whole allocation has: independent integer programs
    (scipy's HiGHS MILP), except where a group's chosen share holds own revenue up
    (counted, not re-solved).

Usage: check_whole_money.py FISCALSIM COUNT SEED
"""
import json
import math
import os
import random
import subprocess
import sys
import tempfile

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp

EPS = 1e-6


def ceiling(v):
    return math.ceil(v - EPS)


def flooring(v):
    return math.floor(v + EPS)


def scenario(rng, index):
    """A random small scenario: its text and what the check needs to know of it."""
    # A third are tiny: many units, amounts of a few money units, where rounding is
    # most of each allocation and the whole-money stage is tested hardest.
    tiny = rng.random() < 0.35
    n = rng.randint(2, 30) if tiny else rng.randint(1, 7)
    fee_central = rng.choice([0.0, 0.1, 0.3, 0.15])
    vat_central = rng.choice([0.1, 0.2, 0.33])
    vat_share = round(rng.uniform(0, 1 - vat_central), rng.choice([2, 4]))
    chosen = rng.random() < 0.3
    scope = rng.choice(["unit", "unit", "group"])
    per_capita = rng.choice([0.5, 1.0, 2.7, 20.0, 0.37])
    fixed = rng.choice([1.0, 3.3, 100.0, 20000.0])
    if tiny:
        per_capita, fixed = rng.choice([1.0, 0.5, 1.3]), rng.choice([0.0, 0.3, 1.0])
    units = []
    for u in range(n):
        unit = {
            "name": f"U{u}",
            "class": rng.choice(["I", "II", "III"]),
            "population": rng.choice([1, 3, 7, 1000, 10000, rng.randint(1, 50000)]),
            "area": round(rng.uniform(0.5, 60), 2),
            "fees": rng.choice([0, 13, rng.randint(0, 20000), rng.randint(0, 500)]),
            "vat": rng.choice([0, 259, rng.randint(0, 30000)]),
            "last_year": rng.choice([0, rng.randint(1, 200000)]),
            "targeted": rng.choice([0, 0, 0, rng.randint(1, 500)]),
        }
        if tiny:
            unit.update(population=rng.randint(1, 4), fees=rng.choice([0, 0, 13, 7, 3]), vat=rng.choice([0, 1, 5]),
                        last_year=rng.choice([0, rng.randint(1, 9)]), targeted=rng.choice([0, 0, 0, 1]))
        units.append(unit)
    objectives = rng.choice([["max_min_coverage"], ["min_transfers"], ["max_min_coverage", "min_transfers"],
                             ["min_deviation"], ["min_transfers", "max_min_coverage"]])
    policy = {"objective": objectives}
    mode = rng.choice(["exact", "max", "none", "none_without"])
    need_guess = sum(per_capita * u["population"] + fixed for u in units)
    if mode != "none_without":
        policy["envelope"] = int(rng.uniform(0.3, 1.5) * need_guess) + rng.randint(0, 50)
        policy["envelope_mode"] = mode
    if rng.random() < 0.4:
        policy["hold_harmless"] = rng.choice([0.68, 0.9, 0.333, 0.5])
    if rng.random() < 0.3:
        policy["per_capita_floor"] = {rng.choice(["I", "II", "III"]): rng.choice([0.013, 0.3, 1.7, 11.3])}
    if rng.random() < 0.3:
        policy["coverage_min"] = rng.choice([0.1, 0.37, 0.5, 0.77])
    if rng.random() < 0.3 or mode in ("none", "none_without"):
        policy["cap"] = max(policy.get("coverage_min", 0), rng.choice([1.0, 1.3, 2.0, 1.07]))
    if rng.random() < 0.25:
        policy["nonneg_transfers"] = False
    if all(u["last_year"] == 0 for u in units) and "hold_harmless" in policy:
        units[0]["last_year"] = 1000
    return {"index": index, "units": units, "fee_central": fee_central, "vat_central": vat_central,
            "vat_share": vat_share, "chosen": chosen, "scope": scope, "per_capita": per_capita, "fixed": fixed, "policy": policy}


def scenario_text(sc):
    lines = [f'name = "whole money {sc["index"]}"; year = 2026;', "units = { list = ("]
    rows = []
    for u in sc["units"]:
        rows.append(f'  {{ name = "{u["name"]}"; kind = "commune"; class = "{u["class"]}"; regime = "X"; '
                    f'population = {u["population"]}; area_km2 = {u["area"]}; rev_fees = {u["fees"]}; '
                    f'rev_vat = {u["vat"]}; last_year = {u["last_year"]}; targeted = {u["targeted"]}; }}')
    lines.append(",\n".join(rows))
    lines.append("); };")
    if sc["chosen"]:
        hi = round(1 - sc["vat_central"], 4)
        rule = f'{{ min = 0.0; max = {hi}; scope = "{sc["scope"]}"; }}'
    else:
        rule = f'{{ commune = {sc["vat_share"]}; }}'
    lines.append(f'sources = ( {{ id = "fees"; type = "commune"; central = {sc["fee_central"]}; }},')
    lines.append(f'            {{ id = "vat"; type = "shared"; central = {sc["vat_central"]}; shares = ( {rule} ); }} );')
    lines.append(f'norms = ( {{ id = "base"; per_capita = {sc["per_capita"]}; fixed = {sc["fixed"]}; }} );')
    p = sc["policy"]
    items = ['objective = [' + ", ".join(f'"{o}"' for o in p["objective"]) + ']']
    for key in ("envelope", "hold_harmless", "coverage_min", "cap"):
        if key in p:
            items.append(f"{key} = {p[key]}")
    if "envelope_mode" in p:
        items.append(f'envelope_mode = "{p["envelope_mode"]}"')
    if "per_capita_floor" in p:
        cls, v = next(iter(p["per_capita_floor"].items()))
        items.append(f"per_capita_floor = {{ {cls} = {v}; }}")
    if "nonneg_transfers" in p:
        items.append("nonneg_transfers = false")
    lines.append("policy = { " + "; ".join(items) + "; };")
    return "\n".join(lines) + "\n"


def read_csv(path):
    with open(path, encoding="utf-8-sig") as f:
        head = f.readline().rstrip("\n").split(",")
        return [dict(zip(head, line.rstrip("\n").split(","))) for line in f]


class Checker:
    def __init__(self):
        self.failures = []
        self.checks = 0
        self.gaps = 0
        self.gap_scenarios = 0
        self.group_gaps = 0

    def expect(self, ok, sc, what):
        self.checks += 1
        if not ok:
            self.failures.append(f"scenario {sc['index']}: {what}")

    def lower_limits(self, sc, unit, need):
        """The unit's lower limits as the model states them (real), by kind."""
        p = sc["policy"]
        out = {}
        if "hold_harmless" in p and unit["last_year"] > 0:
            out["hold_harmless"] = p["hold_harmless"] * unit["last_year"]
        if "per_capita_floor" in p:
            cls, v = next(iter(p["per_capita_floor"].items()))
            if unit["class"] == cls:
                out["per_capita_floor"] = v * unit["population"]
        if "coverage_min" in p:
            out["coverage_min"] = p["coverage_min"] * need
        return out

    def own_least(self, sc, unit):
        """The least whole own revenue the engine may give the unit: each collection's
        commune part at its floor, a unit-scope chosen share at its least (0); None
        when a group's chosen share decides it."""
        fees = math.floor((1 - sc["fee_central"]) * unit["fees"] + 1e-9)
        if not sc["chosen"]:
            return fees + math.floor(sc["vat_share"] * unit["vat"] + 1e-9)
        return fees if sc["scope"] == "unit" else None

    def least_gaps(self, sc, tiers):
        """The least shortfalls, tier after tier (transfer sign; lower limits and cap;
        coverage level), of any whole allocation: integer programs by scipy's HiGHS.
        `tiers` holds per unit (nonneg least or None, lower, upper, level or None)."""
        n = len(tiers)
        # Columns: a, then one shortfall per unit and tier: s1 (sign), s2 (lower), e2 (cap), s3 (level).
        cols = 5 * n
        a = lambda u: u
        s1, s2, e2, s3 = (lambda u, k=k: (k + 1) * n + u for k in range(4))
        rows, lo, hi = [], [], []

        def row(coefs, l, h):
            r = np.zeros(cols)
            for c, v in coefs:
                r[c] += v
            rows.append(r), lo.append(l), hi.append(h)

        for u, (nn, low, high, lev) in enumerate(tiers):
            if nn is not None:
                row([(a(u), 1), (s1(u), 1)], nn, np.inf)
            row([(a(u), 1), (s2(u), 1)], low, np.inf)
            row([(a(u), 1), (e2(u), -1)], -np.inf, high)
            if lev is not None:
                row([(a(u), 1), (s3(u), 1)], lev, np.inf)
        p = sc["policy"]
        if p.get("envelope_mode") in ("exact", "max"):
            env = p["envelope"]
            row([(a(u), 1) for u in range(n)], env if p["envelope_mode"] == "exact" else -np.inf, env)
        lb = np.concatenate([np.full(n, -np.inf), np.zeros(4 * n)])
        bounds = Bounds(lb, np.full(cols, np.inf))
        best = []
        for group in ([s1], [s2, e2], [s3]):
            c = np.zeros(cols)
            for f in group:
                for u in range(n):
                    c[f(u)] = 1
            res = milp(c=c, integrality=np.ones(cols), bounds=bounds,
                       constraints=[LinearConstraint(np.array(rows), np.array(lo), np.array(hi))])
            if res.status != 0:
                return None
            value = round(res.fun)
            best.append(value)
            rows.append(c), lo.append(-np.inf), hi.append(value)
        return best

    def check(self, sc, out, rc, stderr):
        self.expect(rc in (0, 1), sc, f"exit {rc}: {stderr.strip()}")
        if rc != 0:
            return
        summary = json.load(open(os.path.join(out, "summary.json"), encoding="utf-8"))
        alloc = read_csv(os.path.join(out, "allocation.csv"))
        split = read_csv(os.path.join(out, "revenue_split.csv"))
        gaps = {(g["unit"], g["requirement"]): g for g in summary["whole_money"]["gaps"]}
        self.gaps += len(gaps)
        self.gap_scenarios += bool(gaps)
        p = sc["policy"]
        by_name = {u["name"]: u for u in sc["units"]}
        total = 0
        tiers = []
        wm_level = summary["whole_money"]["coverage_level"]
        for row in alloc:
            unit = by_name[row["unit"]]
            own, transfer, a, need = (int(row[k]) for k in ("own_revenue", "transfer", "allocation", "need"))
            total += a
            self.expect(own + transfer + unit["targeted"] == a, sc, f"{row['unit']}: own + transfer + targeted != allocation")
            if p.get("nonneg_transfers", True):
                self.expect(transfer >= 0 or (row["unit"], "nonneg_transfers") in gaps, sc,
                            f"{row['unit']}: negative transfer {transfer}")
            limits = self.lower_limits(sc, unit, need)
            low = max([ceiling(v) for v in limits.values()], default=0)
            high = flooring(p["cap"] * need) if "cap" in p else 10**18
            least = self.own_least(sc, unit)
            nn = None if not p.get("nonneg_transfers", True) else None if least is None else least + unit["targeted"]
            lev = ceiling(wm_level * need - 1) if wm_level is not None else None
            tiers.append((nn, low, high, lev))
            if p.get("nonneg_transfers", True) and least is None:
                tiers[-1] = "group"
            for kind, v in limits.items():
                short = ceiling(v) - a
                gap = gaps.get((row["unit"], kind))
                self.expect(short <= 0 or (gap and gap["shortfall"] == short), sc,
                            f"{row['unit']}: {kind} {v} needs {ceiling(v)}, got {a}, gap {gap}")
            if "cap" in p:
                over = a - high
                gap = gaps.get((row["unit"], "cap"))
                self.expect(over <= 0 or (gap and gap["shortfall"] == over), sc, f"{row['unit']}: cap {high}, got {a}")
            if p["objective"][0] == "max_min_coverage":
                # The engine's level is the LP column's, which later stages may move by
                # their slack (1e-9 of the objective, in coverage: 1e-9 * need in money).
                level = summary["objective"]["max_min_coverage"] * need
                gap = gaps.get((row["unit"], "coverage_level"))
                if gap:
                    self.expect(abs(gap["required"] - level) <= 2e-9 * need + 1e-9 * level and
                                gap["shortfall"] == ceiling(gap["required"] - 1) - a > 0, sc,
                                f"{row['unit']}: level {level:.6f}, gap {gap}")
                else:
                    self.expect(ceiling(level - 1 - 2e-9 * need) <= a, sc,
                                f"{row['unit']}: level {level:.6f} more than one unit above {a}")
        if p.get("envelope_mode") == "exact":
            self.expect(total == p["envelope"], sc, f"allocations {total} != envelope {p['envelope']}")
        elif p.get("envelope_mode") == "max":
            self.expect(total <= p["envelope"], sc, f"allocations {total} > envelope {p['envelope']}")
        self.expect(summary["totals"]["allocation"] == total, sc, "totals.allocation is not the sum")
        if gaps:
            self.check_least(sc, gaps, tiers)
        self.check_split(sc, split, alloc)

    def check_least(self, sc, gaps, tiers):
        """The gaps' shortfalls, tier by tier, are the least any whole allocation has."""
        if "group" in tiers:
            # A group's share is common to its units and stays the optimiser's: with
            # transfers held non-negative it bounds the allocations from below, by
            # amounts this check cannot know without the share.
            self.group_gaps += 1
            return
        names = [f"U{u}" for u in range(len(tiers))]
        short = {}
        for (unit, kind), g in gaps.items():
            u = names.index(unit)
            tier = {"nonneg_transfers": 0, "cap": 2, "coverage_level": 3}.get(kind, 1)
            key = (u, tier)
            short[key] = max(short.get(key, 0), g["shortfall"])
        engine = [sum(v for (u, t), v in short.items() if t == 0),
                  sum(v for (u, t), v in short.items() if t in (1, 2)),
                  sum(v for (u, t), v in short.items() if t == 3)]
        best = self.least_gaps(sc, tiers)
        self.expect(best == engine, sc, f"shortfalls by tier {engine}, the least possible {best}: gaps {list(gaps.values())}")

    def check_split(self, sc, split, alloc):
        revenue = {"fees": sum(u["fees"] for u in sc["units"]), "vat": sum(u["vat"] for u in sc["units"])}
        central = {"fees": sc["fee_central"], "vat": sc["vat_central"]}
        for row in split:
            s = row["source"]
            parts = [int(row[k]) for k in ("central", "city", "commune")]
            self.expect(sum(parts) == int(row["collected"]) == revenue[s], sc, f"{s}: parts {parts} != {revenue[s]}")
            self.expect(abs(parts[0] - central[s] * revenue[s]) < len(sc["units"]) + 1e-6, sc,
                        f"{s}: central {parts[0]} far from {central[s] * revenue[s]}")
        own = sum(int(r["own_revenue"]) for r in alloc)
        self.expect(own == sum(int(r["commune"]) for r in split), sc, "own revenue is not the commune parts' sum")


def main():
    binary, count, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    rng = random.Random(seed)
    checker = Checker()
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(count):
            sc = scenario(rng, i)
            path = os.path.join(tmp, f"s{i}.cfg")
            with open(path, "w", encoding="utf-8") as f:
                f.write(scenario_text(sc))
            out = os.path.join(tmp, f"o{i}")
            proc = subprocess.run([binary, "run", path, "-o", out, "--charts", "none"], capture_output=True, text=True)
            n = len(checker.failures)
            checker.check(sc, out, proc.returncode, proc.stderr)
            if len(checker.failures) > n:
                print(scenario_text(sc))
            subprocess.run(["rm", "-rf", out])
    for f in checker.failures[:30]:
        print("FAIL", f)
    print(f"whole money: {count} scenarios, {checker.checks} checks, {checker.gaps} gaps in "
          f"{checker.gap_scenarios} scenarios ({checker.group_gaps} under a group's share, not re-solved), "
          f"{len(checker.failures)} failed")
    sys.exit(1 if checker.failures else 0)


if __name__ == "__main__":
    main()
