#!/usr/bin/env python3
"""Generates a synthetic but realistic scenario of any size: commune-level units of
several provinces in one pool, reproducible from a seed (standard library only).

The default is the national scale after the 2025 reform: 3,321 units (2,621 communes,
687 wards, 13 special zones) in 34 provinces, about 101 million people on 331,000 km².
Every figure is drawn from simple distributions around the Hai Phong default's norms
and revenue mix; nothing here is a published per-unit figure.

With --per-province it also writes each province as a budget of its own, for one call
per province: DIR/provinces/NAME-Pnn.cfg with its own units table and an envelope of 97%
of the province's need (the same units as the pooled scenario, split by province).

usage: gen_national.py [--units N] [--provinces P] [--seed S] [--name NAME] [--out DIR] [--per-province]
writes DIR/NAME.cfg and DIR/data/NAME-units.csv (default scenarios/national/national-2026)
"""
import argparse
import math
import os
import random

SOURCES = [  # id, name, type, central, in_balance, per-capita revenue (million VND), share rule
    ("lu_city", "Land-use fees: city projects", "shared", 0.2, False, 0.9, "{ commune = 0.0; }"),
    ("lu_commune", "Land-use fees: commune projects", "shared", 0.2, False, 0.3, "{ commune = 0.2; }"),
    ("land_rent", "Land rent", "city", 0.0, True, 0.15, None),
    ("non_ag_land_tax", "Non-agricultural land tax", "commune", 0.0, True, 0.012, None),
    ("fees_charges", "Fees and charges", "commune", 0.0, True, 0.04, None),
    ("registration_fee", "Registration fee", "shared", 0.0, True, 0.16, "choose 0.2 0.7"),
    ("household_business", "Household business tax", "shared", 0.0, True, 0.15, "choose 0.5 1.0"),
    ("pit", "Personal income tax", "shared", 0.0, True, 0.35, "choose 0.1 0.5"),
]
NORMS = dict(per_capita=2.51644, per_km2=635.898, dossiers=0.497728, staff_in_post=56.6555, schools=1292.23,
             health_stations=3876.9, hq_buildings=2827.37)
KIND_COEF = {"commune": 1.0, "ward": 1.1, "special_zone": 1.3}
CLASS_COEF = {"I": 1.1, "II": 1.0, "III": 1.2}


def split(total, parts, rng):
    """Splits an integer total into parts positive integers (sizes roughly equal)."""
    cuts = sorted(rng.sample(range(1, total), parts - 1))
    sizes = [b - a for a, b in zip([0] + cuts, cuts + [total])]
    # Even them out: provinces of very different size are fine, empty ones are not.
    return [max(1, s) for s in sizes]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--units", type=int, default=3321)
    ap.add_argument("--provinces", type=int, default=34)
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--name", default="national-2026")
    ap.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "scenarios", "national"))
    ap.add_argument("--per-province", action="store_true", help="also write one scenario per province")
    a = ap.parse_args()
    if a.units < a.provinces or a.provinces < 1:
        ap.error("need at least one unit per province")
    rng = random.Random(a.seed)
    n = a.units
    wards = round(n * 687 / 3321)
    zones = max(1, round(n * 13 / 3321)) if n >= 20 else 0
    kinds = ["ward"] * wards + ["special_zone"] * zones + ["commune"] * (n - wards - zones)
    rng.shuffle(kinds)
    sizes = split(n, a.provinces, rng) if a.provinces > 1 else [n]
    sizes[-1] += n - sum(sizes)
    province_of = [p for p, s in enumerate(sizes) for _ in range(s)][:n]
    rows, needs, last_total = [], [], 0
    for u in range(n):
        kind = kinds[u]
        ward = kind == "ward"
        pop = int(rng.lognormvariate(math.log(48000 if ward else 26000), 0.45))
        area = round(rng.lognormvariate(math.log(22 if ward else 95), 0.8), 2)
        cls = "I" if ward and rng.random() < 0.6 else ("III" if kind == "special_zone" else
                                                        ("I" if rng.random() < 0.2 else "II"))
        staff_quota = int(pop / 90) + 20
        staff = int(staff_quota * rng.uniform(0.82, 1.0))
        w = dict(dossiers=int(pop * rng.uniform(0.4, 0.8)), staff_in_post=staff, schools=max(1, int(pop / 3500)),
                 health_stations=1, hq_buildings=rng.choice([1, 2, 2, 3]))
        coef = KIND_COEF[kind] * CLASS_COEF[cls]
        need = (NORMS["per_capita"] * pop + NORMS["per_km2"] * area +
                sum(NORMS[k] * v for k, v in w.items())) * coef + 0.45304 * pop + 165.354 * area + 4949.63
        needs.append(need)
        last = int(need * rng.uniform(0.85, 1.0))
        last_total += last
        wealth = rng.lognormvariate(0, 0.6) * (2.2 if ward else 1.0)
        rev = [int(pop * per * wealth * rng.uniform(0.5, 1.5)) for (_, _, _, _, _, per, _) in SOURCES]
        rows.append([f"U{u + 1:05d}", kind, cls, f"P{province_of[u] + 1:02d}", pop, f"{area:.2f}",
                     w["dossiers"], staff_quota, staff, w["schools"], w["health_stations"], w["hq_buildings"],
                     0, int(rng.random() < 0.1), int(rng.random() < 0.45), last] + rev)
    generated = f"--units {n} --provinces {a.provinces} --seed {a.seed}"
    comment = (f"# A synthetic scenario at national scale: {n} commune-level units of {a.provinces} provinces\n"
               "# in one pool (the province is the unit's regime, so every province chooses its own\n"
               "# commune shares of the three open sources, in 5% steps). The norms are the Hai Phong\n"
               "# default's; populations, areas, workloads and revenues are drawn at random around\n"
               "# national averages. The envelope is 97% of the total need: the question is how evenly\n"
               "# it can be spread.")
    write_scenario(a.out, a.name, f"Toàn quốc 2026 (mô phỏng, {a.provinces} tỉnh)", rows, sum(needs), generated,
                   comment)
    if a.per_province:
        for p in range(len(sizes)):
            mine = [u for u in range(n) if province_of[u] == p]
            if not mine:
                continue
            code = f"P{p + 1:02d}"
            comment = (f"# Province {code} of the synthetic national scenario {a.name} as a budget of its own:\n"
                       f"# its {len(mine)} commune-level units, an envelope of 97% of their need.")
            write_scenario(os.path.join(a.out, "provinces"), f"{a.name}-{code}", f"Tỉnh {code} (mô phỏng)",
                           [rows[u] for u in mine], sum(needs[u] for u in mine), generated, comment)


HEADER = ["name", "kind", "class", "regime", "population", "area_km2", "dossiers", "staff_quota",
          "staff_in_post", "schools", "health_stations", "hq_buildings", "island", "coastal", "has_pmb",
          "last_year"] + [f"rev_{s[0]}" for s in SOURCES]


def sources_text():
    sources = []
    for sid, name, typ, central, in_balance, _, rule in SOURCES:
        s = f'  {{ id = "{sid}"; name = "{name}"; type = "{typ}";'
        if central:
            s += f" central = {central};"
        if not in_balance:
            s += " in_balance = false;"
        if rule and rule.startswith("choose"):
            lo, hi = rule.split()[1:]
            s += f" shares = ( {{ min = {lo}; max = {hi}; step = 0.05; }} );"
        elif rule:
            s += f" shares = ( {rule} );"
        sources.append(s + " }")
    return (","+chr(10)).join(sources)


def write_scenario(out, name, title, rows, need_total, generated, comment):
    """Writes out/name.cfg and out/data/name-units.csv for these units (envelope: 97% of need); the
    scenario's name, on its charts and tables, is title, and its upper level a province."""
    os.makedirs(os.path.join(out, "data"), exist_ok=True)
    with open(os.path.join(out, "data", f"{name}-units.csv"), "w", encoding="utf-8", newline="") as f:
        f.write(f"# GENERATED by scripts/gen_national.py {generated}: synthetic units, not published data.\n")
        f.write(",".join(HEADER) + "\n")
        for r in rows:
            f.write(",".join(str(v) for v in r) + "\n")
    envelope = int(need_total * 0.97)
    cfg = f"""# GENERATED by scripts/gen_national.py {generated}.
{comment}
name = "{title}";
year = 2026;
money_unit = "million VND";
upper_level = "province";

units = {{ table = "data/{name}-units.csv"; }};

sources = (
{sources_text()}
);

norms = (
  {{ id = "recurrent"; name = "recurrent"; coefficients = true; per_capita = 2.51644; per_km2 = 635.898;
    dossiers = 0.497728; staff_in_post = 56.6555; schools = 1292.23; health_stations = 3876.9;
    hq_buildings = 2827.37; }},
  {{ id = "investment"; name = "investment"; per_capita = 0.45304; per_km2 = 165.354; }},
  {{ id = "other"; name = "other"; fixed = 4949.63; }}
);

coefficients = {{
  kind = {{ commune = 1.0; ward = 1.1; special_zone = 1.3; }};
  class = {{ I = 1.1; II = 1.0; III = 1.2; }};
  island = 1.5;
  coastal = 1.05;
}};

policy = {{
  mode = "optimise";
  objective = [ "max_min_coverage", "min_transfers" ];
  envelope = {envelope}L;
  envelope_mode = "exact";
  hold_harmless = 0.9;
  nonneg_transfers = true;
}};
"""
    with open(os.path.join(out, f"{name}.cfg"), "w", encoding="utf-8") as f:
        f.write(cfg)


if __name__ == "__main__":
    main()
