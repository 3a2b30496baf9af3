#!/usr/bin/python3
"""The backtest figures of docs/haiphong-data.md are what the engine computes: reruns
`fiscalsim backtest` on the default scenario's history and checks that every figure of
the document's table (and the sentences after it) appears in the document.
usage: check_backtest_docs.py FISCALSIM REPO_DIR"""
import csv
import json
import subprocess
import sys
import tempfile

fiscalsim, repo = sys.argv[1], sys.argv[2]
doc = open(f"{repo}/docs/haiphong-data.md", encoding="utf-8").read()
failures = 0


def expect(label, text):
    global failures
    if text not in doc:
        failures += 1
        print(f"FAIL {label}: \"{text}\" is not in docs/haiphong-data.md")


def pp(v):
    return "–" if v is None else f"{100 * v:.2f}"


with tempfile.TemporaryDirectory() as tmp:
    run = subprocess.run([fiscalsim, "backtest", f"{repo}/scenarios/haiphong-2026.cfg", "-o", tmp, "--charts", "none"],
                         capture_output=True, text=True)
    if run.returncode != 0:
        print(f"FAIL backtest: exit {run.returncode}: {run.stderr}")
        sys.exit(1)
    d = json.load(open(f"{tmp}/backtest.json"))
    expect("years", f"leaves each of the {d['years']} plan years out")
    for c in d["cutoff_order"]:
        v = d["cutoffs"][c]
        a, b = v["dec31"], v["jan31"]
        expect(f"row {c}", f"| {c} | {a['points']} | {pp(a['model'])} | {pp(a['naive_last_year'])} | "
               f"{pp(a['naive_mean_curve'])} | {pp(a['model_all'])} ({a['model_points']}) | {b['points']} | "
               f"{pp(b['model'])} | {pp(b['naive_last_year'])} | {pp(b['naive_mean_curve'])} | "
               f"{pp(b['model_all'])} ({b['model_points']}) | {100 * v['band']['inside_band']:.1f}% of "
               f"{v['band']['points']} |")
    expect("coverage", f"Over all cutoffs {100 * d['band']['inside_band']:.1f}% of {d['band']['points']} points")
    expect("width", f"band is {pp(d['cutoffs']['08-31']['dec31']['median_band_width'])} points wide")
    # The mean of the other years' final figures at the 31 January points where both
    # naive forecasts exist (31 August cutoff).
    rows = list(csv.DictReader(open(f"{tmp}/backtest.csv", encoding="utf-8-sig")))
    points = list(csv.DictReader(open(f"{tmp}/backtest_points.csv", encoding="utf-8-sig")))
    finals = {}
    for p in points:
        if p["plan"] == "whole" and p["date"] == f"{int(p['plan_year']) + 1}-01-31":
            finals[(p["series"], int(p["plan_year"]))] = float(p["share"])
    errors = []
    for r in rows:
        y = int(r["plan_year"])
        if r["cutoff"] != "08-31" or r["plan"] != "whole" or r["date"] != f"{y + 1}-01-31":
            continue
        if not r["naive_last_year"] or not r["naive_mean_curve"]:
            continue
        others = [v for (s, yy), v in finals.items() if s == r["series"] and yy != y]
        errors.append(abs(sum(others) / len(others) - float(r["actual"])))
    expect("mean of finals", f"misses the four points by {100 * sum(errors) / len(errors):.2f} on average")
    if len(errors) != 4:
        failures += 1
        print(f"FAIL mean of finals: {len(errors)} points, the document says four")

print(f"backtest docs: {'ok' if not failures else f'{failures} figures differ'}")
sys.exit(1 if failures else 0)
