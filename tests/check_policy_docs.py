#!/usr/bin/python3
"""The figures of docs/policy-questions.md are what the engine computes: reruns each
reform of scenarios/reforms/ and checks that its figures appear in the document.
usage: check_policy_docs.py FISCALSIM REPO_DIR"""
import csv
import json
import subprocess
import sys
import tempfile

fiscalsim, repo = sys.argv[1], sys.argv[2]
doc = open(f"{repo}/docs/policy-questions.md", encoding="utf-8").read()
base = f"{repo}/scenarios/haiphong-2026.cfg"
failures = 0


def money(v):
    return f"{v:,}"


def expect(label, text):
    global failures
    if text not in doc:
        failures += 1
        print(f"FAIL {label}: \"{text}\" is not in docs/policy-questions.md")


def compare(name, tmp):
    out = f"{tmp}/{name}"
    run = subprocess.run([fiscalsim, "compare", base, f"{repo}/scenarios/reforms/{name}.cfg", "-o", out,
                          "--charts", "none"], capture_output=True, text=True)
    return run, out


def table(path):
    return list(csv.DictReader(open(path, encoding="utf-8-sig")))


with tempfile.TemporaryDirectory() as tmp:
    for name in ["a-one-regime", "b-landuse-commune-0", "b-landuse-commune-30", "d-priority-50", "d-priority-0"]:
        run, out = compare(name, tmp)
        if run.returncode != 0:
            failures += 1
            print(f"FAIL {name}: exit {run.returncode}: {run.stderr}")
            continue
        j = json.load(open(f"{out}/compare.json"))
        expect(name, f"{j['winners']} winners, {j['losers']} losers" if j["winners"] or j["losers"] else
               "0 winners, 0 losers")
        change = j["transfer"]["change"]
        if change:
            expect(name, money(abs(change)))
        if j.get("city_balance", {}).get("change"):
            expect(name, money(abs(j["city_balance"]["change"])))
        before, after = j["min_coverage"]["before"], j["min_coverage"]["after"]
        if round(after, 4) != round(before, 4):
            expect(name, f"{after:.4f}")
        elif round(after, 5) != round(before, 5):
            expect(name, f"{after:.5f}")
    run, _ = compare("b-landuse-commune-50", tmp)
    if run.returncode != 1:
        failures += 1
        print(f"FAIL b-landuse-commune-50: exit {run.returncode}, expected 1 (infeasible)")
    else:
        relaxed = [l for l in run.stderr.splitlines() if "hold-harmless" in l][0]
        amount = relaxed.split(": ")[-1].split(" ")[0]
        units = relaxed.split("(")[1].split(" ")[0]
        expect("b-landuse-commune-50", f"{amount} in all, at {units} units")
    for name, out in [("baseline", f"{tmp}/base-run"), ("c-delegate-all", f"{tmp}/c-run")]:
        scenario = base if name == "baseline" else f"{repo}/scenarios/reforms/{name}.cfg"
        subprocess.run([fiscalsim, "run", scenario, "-o", out, "--charts", "none"], check=True, capture_output=True)
    b, c = (json.load(open(f"{tmp}/{d}/summary.json"))["disbursement"] for d in ("base-run", "c-run"))
    bl, cl = b["at_last_deadline"]["lower"], c["at_last_deadline"]["lower"]
    expect("c deadline", f"{100 * cl['forecast_share']:.2f}% instead of {100 * bl['forecast_share']:.2f}%")
    expect("c undisbursed", f"{money(cl['plan'] - cl['simulated'])} undisbursed instead of "
           f"{money(bl['plan'] - bl['simulated'])}")
    fit = [r for r in table(f"{tmp}/c-run/disbursement_fit.csv")
           if r["series"] == "" and r["date"] == "2026-05-20" and r["plan"] == "lower"]
    expect("c 20 May", f"{100 * float(fit[0]['model_share']):.1f}% of its plan instead of the 28.5% observed")
    months = [{r["month"]: r for r in table(f"{tmp}/{d}/disbursement_months.csv")}["2026-06"] for d in ("c-run", "base-run")]
    expect("c June", f"{money(int(months[0]['lower_simulated']))} instead of\n{money(int(months[1]['lower_simulated']))}")
    pmb = sum(int(r["plan"]) for r in table(f"{tmp}/c-run/disbursement_units.csv")[1:] if r["has_pmb"] == "1")
    expect("c boards", money(pmb))
    if c["units_at_risk"] != b["units_at_risk"]:
        failures += 1
        print(f"FAIL c risk: {c['units_at_risk']} units at risk against {b['units_at_risk']} in the baseline")
    expect("c risk", f"all\n{c['units_at_risk']} units are flagged at high risk")

    # (e) the stability period: exit 1 in the violation year, figures from period.csv.
    out = f"{tmp}/period"
    run = subprocess.run([fiscalsim, "run", f"{repo}/scenarios/reforms/period-2026-2030.cfg", "-o", out,
                          "--charts", "none"], capture_output=True, text=True)
    years = table(f"{out}/period.csv")
    failed = [y for y in years if y["status"] == "infeasible"]
    if run.returncode != 1 or not failed:
        failures += 1
        print(f"FAIL period: exit {run.returncode}, expected 1 with an infeasible year")
    else:
        expect("period year", f"{failed[0]['year']} violates the stability rules")
        y1 = years[1]
        expect("period 2027 envelope", money(int(y1["envelope"])))
        expect("period 2027 transfers", f"{money(int(y1['transfer']))} (up {money(int(y1['transfer_change']))})")
        expect("period 2027 coverage", f"{float(y1['min_coverage']):.4f}")
        expect("period balance", f"from {money(int(years[0]['city_balance']))} to {money(int(y1['city_balance']))}")
        relaxed = [l for l in run.stderr.splitlines() if "the envelope:" in l][0]
        expect("period relaxation", relaxed.split(": ")[-1].split(" ")[0] + " more than the")

    # ... and at 7% a year 2027 already fails.
    text = open(f"{repo}/scenarios/reforms/period-2026-2030.cfg", encoding="utf-8").read()
    text = text.replace('base = "../haiphong-2026.cfg";', f'base = "{repo}/scenarios/haiphong-2026.cfg";')
    open(f"{tmp}/p7.cfg", "w", encoding="utf-8").write(text.replace("envelope_growth = 0.06;", "envelope_growth = 0.07;"))
    run = subprocess.run([fiscalsim, "run", f"{tmp}/p7.cfg", "-o", f"{tmp}/p7", "--charts", "none"],
                         capture_output=True, text=True)
    relaxed = [l for l in run.stderr.splitlines() if "the envelope:" in l]
    if run.returncode != 1 or not relaxed or "2027:" not in relaxed[0]:
        failures += 1
        print(f"FAIL period at 7%: exit {run.returncode}: {run.stderr}")
    else:
        expect("period at 7%", f"by {relaxed[0].split(': ')[-1].split(' ')[0]})")

print(f"policy docs: {'ok' if not failures else f'{failures} figures differ'}")
sys.exit(1 if failures else 0)
