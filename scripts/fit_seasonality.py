#!/usr/bin/env python3
"""Fits the seasonal pace of disbursement (the 13 monthly weights of
`disbursement.seasonality.months` and the year-end rush factor) to a series of dated
shares: by default the national series of the default scenario's history table.

The model is the engine's (docs/model.md, "Disbursement"): each plan year j has its
own pace α_j, completion q_j and year-end timing ρ_j, and
    share(t) = q_j · h(x(t)),  h = x^α until the rush, then closing the rest as z^ρ,
with x(t) the effort from 1 January over the effort of the whole plan year (1 January
to 31 January of the next year), each day weighing its month's pace, × tet_factor for
tet_days after Tết (the built-in table's dates) and × the rush factor from rush_from
December. The weights are found by least squares with every year's (α, q, ρ), with a
weak pull of the months towards their neighbours (the pace changes smoothly) and of
each year's α and ρ towards 1. Only the shape matters: the weights are scaled so that
their mean is 1 before rounding.

    /usr/bin/python3 scripts/fit_seasonality.py [TABLE] [--series national] [--without YEAR]

prints the weights and the rush factor (and the fit's root mean square error, with
the current built-in weights for comparison). --without leaves a plan year out.
Needs numpy and scipy (Debian: python3-scipy).
"""
import argparse
import csv
import datetime as dt
import math
import os
import sys

import numpy as np
from scipy.optimize import least_squares

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_tet_table import tet  # noqa: E402

DEFAULT_MONTHS = [0.838, 0.766, 0.730, 0.943, 1.044, 1.176, 0.907, 0.820, 1.044, 0.901, 0.982, 0.883, 1.967]
DEFAULT_RUSH = 11.64
TET_DAYS, TET_FACTOR, RUSH_FROM = 14, 0.3, 25


def read_series(path, series):
    lines = (line for line in open(path, encoding="utf-8-sig") if not line.startswith("#"))
    years = {}
    for row in csv.DictReader(lines):
        if row["series"] != series or row["plan"] != "whole" or not row["share"]:
            continue
        years.setdefault(int(row["year"]), []).append((dt.date.fromisoformat(row["date"]), float(row["share"])))
    return {y: sorted(p) for y, p in years.items()}


def progress(year, months, rush):
    """x at the end of each day from 1 January of `year` to 31 January next, and x_R."""
    tets = [dt.date(y, *tet(y)) for y in (year, year + 1)]
    day, end, total, cum = dt.date(year, 1, 1), dt.date(year + 1, 1, 31), 0.0, {}
    rush_start = dt.date(year, 12, RUSH_FROM)
    before_rush = 0.0
    while day <= end:
        w = months[12] if (day.year == year + 1 and day.month == 1) else months[day.month - 1]
        if day.month == 12 and day.day >= RUSH_FROM:
            w *= rush
        for t in tets:
            if t <= day < t + dt.timedelta(days=TET_DAYS):
                w *= TET_FACTOR
        if day < rush_start:
            before_rush += w
        total += w
        cum[day] = total
        day += dt.timedelta(days=1)
    return {d: v / total for d, v in cum.items()}, before_rush / total


def share(x, x_rush, alpha, rho, q):
    if x <= x_rush:
        return q * x ** alpha
    hr = x_rush ** alpha
    z = (x - x_rush) / (1 - x_rush)
    return q * (hr + (1 - hr) * z ** rho)


def residuals(p, data, fit_shape):
    if fit_shape:
        months, rush, k = np.exp(p[:13]), math.exp(p[13]), 14
    else:
        months, rush, k = DEFAULT_MONTHS, DEFAULT_RUSH, 0
    out = []
    for year, points in data.items():
        a, b, r = p[k], p[k + 1], p[k + 2]
        k += 3
        x, x_rush = progress(year, months, rush)
        q = 1 / (1 + math.exp(-b))
        out += [share(x[d], x_rush, math.exp(a), math.exp(r), q) - s for d, s in points]
        out += [0.02 * a, 0.02 * r]  # a weak pull of α and ρ towards 1
    if fit_shape:
        out += [0.05 * (p[i] - p[i - 1]) for i in range(1, 12)]  # smooth months
        out.append(p[:13].sum())  # the scale is free: mean log weight 0
    return np.array(out)


def fit(data, fit_shape):
    start = ([math.log(v) for v in DEFAULT_MONTHS] + [math.log(DEFAULT_RUSH)]) if fit_shape else []
    for _ in data:
        start += [0.0, 2.5, 0.0]
    sol = least_squares(residuals, np.array(start), args=(data, fit_shape))
    n = sum(len(p) for p in data.values())
    fitted = [r for r in residuals(sol.x, data, fit_shape)]
    # The data residuals come first in each year's block, before its two pulls.
    errors, k = [], 0
    for points in data.values():
        errors += fitted[k:k + len(points)]
        k += len(points) + 2
    rms = math.sqrt(sum(e * e for e in errors) / n)
    return sol.x, rms


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument("table", nargs="?", default=os.path.join(here, "..", "scenarios", "data", "haiphong-disbursement.csv"))
    ap.add_argument("--series", default="national")
    ap.add_argument("--without", type=int, action="append", default=[])
    args = ap.parse_args()
    data = {y: p for y, p in read_series(args.table, args.series).items() if y not in args.without and len(p) >= 2}
    if not data:
        sys.exit("fit_seasonality: no plan year with two points or more")
    _, rms_default = fit(data, False)
    p, rms = fit(data, True)
    months = np.exp(p[:13])
    months /= months.mean()
    print(f"# {len(data)} plan years ({min(data)}-{max(data)}), {sum(len(v) for v in data.values())} points")
    print(f"# root mean square error: {100 * rms_default:.2f} pp with the built-in weights, {100 * rms:.2f} pp fitted")
    print("months = [ " + ", ".join(f"{v:.3f}" for v in months) + " ];")
    print(f"rush_factor = {math.exp(p[13]):.2f};")


if __name__ == "__main__":
    main()
