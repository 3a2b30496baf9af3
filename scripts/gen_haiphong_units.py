#!/usr/bin/env python3
"""Generate the per-unit table of the Hai Phong 2026 default scenario.

    python3 scripts/gen_haiphong_units.py

Reads   scenarios/data/haiphong-units-source.csv   (114 units: names, kinds, former
        province and district, a few published values; a copy of the shared listing)
Writes  scenarios/data/haiphong-2026-units.csv     (one row per unit, 114 rows)
        scenarios/data/haiphong-2026-norms.txt     (the calibrated norm parameters)

Paths are relative to this script, so it runs from any working directory. Python 3
standard library only. Every random draw comes from random.Random seeded with a fixed
string (one stream per quantity, "SEED:tag"), so two runs give byte-identical files.
The script asserts every published constraint at the end and exits with status 1
(writing nothing) if any fails.

WHAT IS PUBLISHED AND WHAT IS ESTIMATED
---------------------------------------
Only a handful of per-unit figures are published (see /work/shared/FACTS.md, [002],
[000]); nearly everything per unit is an ESTIMATE, built so that the published totals,
extremes and means are reproduced exactly. The `published` column of the output names,
for each row, the fields that are published values; every other per-unit figure is an
estimate. name, kind, district come from the listing; regime and island follow from it.

Published per-unit values used as anchors:
  population: Lê Chân 156,076 (ward max), Nguyễn Trãi 16,722 (ward min),
              Mao Điền 51,163 (commune max), Thái Tân 20,236 (commune min)
  area_km2:   Đông Hải 54.42 (ward max), Gia Viên 5.02 (ward min),
              Hùng Thắng 55.70 (commune max), Kiến Minh 16.26 (commune min)
  staff:      An Phong quota 476 / in post 441; Bạch Long Vĩ quota 77 (35+42) / in post
              64 (28+36)
  class:      Cát Hải type I, Bạch Long Vĩ type III
Anchored but NOT published exactly (so not named in `published`):
  Hải An "over 102,600 people" -> 102,650; "nearly 40 km2" -> 39.90 km2;
  Bạch Long Vĩ "16 dossiers in 3 months" -> 64 dossiers a year; ~1,000 people (our
  estimate for a small offshore island); 3.07 km2.

Published totals reproduced exactly:
  population 4,664,124; area 3,194.72 km2; commune mean population 33,797 and area
  26.60; ward mean population 52,099 and area 25.63; class counts 46 I (9 communes,
  36 wards, 1 special zone) / 67 II (58 communes, 9 wards) / 1 III; 113 health
  stations; 1,320 schools; headquarters 23x1, 74x2, 13x3, 3x4, 1x5 buildings; 48
  project management boards; 2026 budget estimate recurrent 25,571,783 / investment
  2,641,294 / other 564,258 million; 2025 recurrent actual 28,365,035 million;
  land-use fee plan 36,200,000 million [report].

ESTIMATION METHOD, QUANTITY BY QUANTITY
---------------------------------------
Noise: "lognormal(s)" means a factor exp(z), z ~ N(0, s) from the quantity's own seeded
stream; for revenues z is truncated to +-2.5 s so that one draw cannot dominate a unit.

population  The kind totals are fixed by the published means: communes 67 x 33,797 =
    2,264,399; wards 45 x 52,099 = 2,344,455; special zones get the remainder 55,270
    (Bạch Long Vĩ 1,000, Cát Hải 54,270). Free units get a prior = a rough mean
    population per new unit of their former district (DISTRICT_PRIOR, our own round
    figures: old district population / number of new units, order of magnitude only)
    times lognormal(0.12 communes, 0.20 wards); An Phong has a fixed prior of 50,000
    (UNIT_PRIOR: consistent with its published staff, 441 in post, and spending, over
    120 bn in ~4 months, i.e. ~360 bn a year). The priors are scaled to the kind's
    remaining total, clamped strictly inside the published (min, max), and rounded by
    largest remainder (fit_bounded).
area_km2   Same method in integer hundredths of a km2: communes 67 x 26.60 = 1,782.20,
    wards 45 x 25.63 = 1,153.35, special zones the remainder 259.17 (Bạch Long Vĩ 3.07,
    Cát Hải 256.10). District priors of area per new unit, lognormal(0.12).
class      Score = 0.6 x percentile rank of population + 0.4 x percentile rank of area,
    within the kind. The 9 communes with the highest score are type I (others II); the
    9 wards with the lowest score are type II (others I). Cát Hải I, Bạch Long Vĩ III.
regime     HP for units of former Hai Phong, HD for former Hai Duong (the two sharing
    regimes kept by Resolution 14/2025).
dossiers   Administrative dossiers a year. City total 2,651,178 x 12 / 10.7 = 2,973,285
    (dossiers received 1/7/2025-22/5/2026, annualised). Bạch Long Vĩ 64 (16 in 3 months
    x 4). Others in proportion to population x (ward 1.2, commune 0.9, special zone 1.0)
    x lognormal(0.2). Checked: Hải An >= 8,133 x 12/4 = 24,399.
staff      staff_in_post: city total 56,669 = commune-level civil servants 5,158 + 3,185
    and public employees 48,243 + 83 on 31/5/2026 [002], treated as one pool (rough:
    it includes teachers of commune-run schools). An Phong 441 and Bạch Long Vĩ 64 are
    fixed; others in proportion to (60 + 0.011 x population) x lognormal(0.15).
    staff_quota = ceil(in_post x (1 + v)), v uniform in [0.03, 0.12] (vacancy rate);
    An Phong 476 and Bạch Long Vĩ 77 fixed.
schools    Total 1,320 [002]; Bạch Long Vĩ 2 (estimate); others in proportion to
    population x lognormal(0.12), at least 3 (kindergarten, primary, lower secondary).
health_stations  1 each (113 [002]) except Bạch Long Vĩ 0: the island is served by a
    military-civilian medical centre rather than a commune health station (assumption;
    the sources only say 113 stations for 114 units).
hq_buildings  Buildings used as headquarters, a legacy of the merged old units, so led
    by area: score = 0.7 x area percentile + 0.3 x population percentile + N(0, 0.08)
    over all 114 units; ranked from the top: 1 unit gets 5, 3 get 4, 13 get 3, 74 get 2,
    23 get 1 (the published counts).
island     1 for the two special zones.
coastal    1 for units on the open sea or a main estuary mouth, our reading of the map
    (an estimate, see COASTAL): the special zones, Hải An, Đông Hải, Đồ Sơn, Nam Đồ
    Sơn, Nam Triệu (Thủy Nguyên, Bạch Đằng estuary), Kiến Hải (Kiến Thụy), Hùng Thắng
    (Tiên Lãng).
has_pmb    48 units [002]. Score = (0.6 x population percentile + 0.4 x area
    percentile, over all units) x 1.5 if type I x lognormal(0.25); the 48 highest
    scores get a board. Bạch Long Vĩ is excluded (type III, 1,000 people).

MONEY (integers, million VND)
budget_recurrent + budget_investment + budget_other = the 2026 commune-level budget
estimate of each unit, generated from norms (the C engine computes "need" from the same
norms, see the norms file):
    recurrent_i  = (pc*population + pk*area_km2 + wd*dossiers + ws*staff_in_post
                    + wsc*schools + wh*health_stations + wq*hq_buildings)
                   * kind_coef[kind] * class_coef[class]
                   * (island ? island_coef : 1) * (coastal ? coastal_coef : 1)
                   + delegated_i
    investment_i = ipc*population + ipk*area_km2
    other_i      = other
    kind_coef = commune 1.0, ward 1.1, special_zone 1.3; class_coef = I 1.1, II 1.0,
    III 1.2; island_coef 1.5; coastal_coef 1.05 (fixed by the brief).
  delegated: earmark for tasks newly delegated to communes in 2026, an estimate:
    6% of the recurrent total = 1,534,307, split 50% by population share and 50% by
    dossier share, largest-remainder rounded. It is inside budget_recurrent.
  Calibration: each norm term gets a target share of the norm part of the recurrent
    total (25,571,783 - delegated): population 55%, area 10%, dossiers 7%, staff in post
    15%, schools 8%, health stations 2%, headquarters 3% (workload 35%). This fixes the
    relative weights; one scale factor then makes the total hit. Investment: 80% by
    population, 20% by area, total 2,641,294. other = 564,258 / 114. Each parameter is
    then rounded to 6 significant digits; the per-unit amounts are computed with the
    ROUNDED parameters and turned into integers by largest-remainder rounding to the
    exact published total (the real values are first scaled by total/sum, a factor
    within about 1e-5 of 1, so each unit differs from the norm value by a few million
    at most). Ties are broken by row order.
last_year  2025 recurrent actual of each unit, an estimate: the unit's norm part of the
    recurrent formula (without the 2026 delegated earmark, which did not exist in
    2025) x exp(N(0, 0.12)), largest-remainder rounded to the published 28,365,035.
rev_*      2026 forecast of revenue collected on the unit's territory, per source, an
    estimate. Land-use fees total 36,200,000 [report], split 70/20/10 into lu_city
    (city-run projects), lu_commune (commune-run projects and conversion of
    commune-managed land) and lu_small (small interspersed plots). land_rent is set to
    4,500,000 (city revenue, no commune share at baseline). The other sources start from
    base totals (non_ag_land_tax 250,000; registration_fee 3,200,000;
    household_business 3,000,000; pit 7,500,000; fees_charges 800,000) that are scaled
    by ONE common factor so that the commune-level own revenue at the baseline sharing
    below is 11,300,000 (report: commune level's 2026 local revenue 11.3 trillion); the
    scaled totals are rounded to the nearest billion (1,000 million).
    Baseline commune shares: lu_city 0; lu_commune 20%; lu_small 60% in communes and
    special zones, 40% in wards; land_rent 0; non_ag_land_tax 100%; fees_charges 100%;
    registration_fee 50% HP / 30% HD; household_business 100% HP / 70% HD; pit 30% HP /
    20% HD.
    Per-unit weight = population x kind factor (commune 1.0, ward 1.8, special zone 1.4)
    x class factor (I 1.3, II 1.0, III 0.2) x a richness factor for a few named wards
    (RICH) x lognormal(sigma of the source: land-use fees are lumpy, 0.5-1.0; taxes
    0.3-0.35), truncated at +-2.5 sigma. An Phong's richness factor is solved (bisection)
    so that its territory revenue from the sources the commune administers (all but
    lu_city and land_rent) is about 420,000 a year: "about 140 bn in about 4 months"
    [000] x 3.
    Check: each unit's own revenue at baseline shares stays below 1.3 x its 2026 budget,
    except at most 5 units, which must be wards.

Reproducibility caveat: results depend only on Python's random module (Mersenne Twister,
stable across Python 3 versions for string seeds) and on IEEE double arithmetic.
"""

import csv
import math
import random
import sys
import unicodedata
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE.parent / "scenarios" / "data"
SOURCE = DATA / "haiphong-units-source.csv"
OUT_UNITS = DATA / "haiphong-2026-units.csv"
OUT_NORMS = DATA / "haiphong-2026-norms.txt"

SEED = "fiscalsim-haiphong-2026"

COLUMNS = [
    "name", "kind", "class", "regime", "district", "population", "area_km2", "dossiers",
    "staff_quota", "staff_in_post", "schools", "health_stations", "hq_buildings", "island",
    "coastal", "has_pmb", "last_year", "delegated", "budget_recurrent", "budget_investment",
    "budget_other", "rev_lu_city", "rev_lu_commune", "rev_lu_small", "rev_land_rent",
    "rev_non_ag_land_tax", "rev_registration_fee", "rev_household_business", "rev_pit",
    "rev_fees_charges", "published",
]

# ---------------------------------------------------------------- published figures
TOTAL_POPULATION = 4_664_124
TOTAL_AREA_HUNDREDTHS = 319_472          # 3,194.72 km2
COMMUNE_POP = dict(max=("Xã Mao Điền", 51_163), min=("Xã Thái Tân", 20_236), mean=33_797)
WARD_POP = dict(max=("Phường Lê Chân", 156_076), min=("Phường Nguyễn Trãi", 16_722), mean=52_099)
COMMUNE_AREA = dict(max=("Xã Hùng Thắng", 5_570), min=("Xã Kiến Minh", 1_626), mean=2_660)
WARD_AREA = dict(max=("Phường Đông Hải", 5_442), min=("Phường Gia Viên", 502), mean=2_563)
N_KIND = {"commune": 67, "ward": 45, "special_zone": 2}
CLASS_COUNTS = {("commune", "I"): 9, ("commune", "II"): 58, ("ward", "I"): 36,
                ("ward", "II"): 9, ("special_zone", "I"): 1, ("special_zone", "III"): 1}
HQ_COUNTS = {5: 1, 4: 3, 3: 13, 2: 74, 1: 23}
PMB_COUNT = 48
HEALTH_STATIONS = 113
SCHOOLS = 1_320
STAFF_IN_POST_TOTAL = 5_158 + 3_185 + 48_243 + 83      # 56,669 on 31/5/2026
BUDGET_RECURRENT = 25_571_783
BUDGET_INVESTMENT = 2_641_294
BUDGET_OTHER = 564_258
LAST_YEAR_RECURRENT = 28_365_035
DOSSIERS_TOTAL = round(2_651_178 * 12 / 10.7)           # 2,973,285 a year
LAND_USE_TOTAL = 36_200_000                              # [report]
COMMUNE_OWN_REVENUE_TARGET = 11_300_000                  # [report]

# ---------------------------------------------------------------- named units
HAI_AN = "Phường Hải An"
AN_PHONG = "Phường An Phong"
CAT_HAI = "Đặc khu Cát Hải"
BACH_LONG_VI = "Đặc khu Bạch Long Vĩ"

# Anchors that are estimates derived from published statements (not named in `published`).
HAI_AN_POPULATION = 102_650           # "over 102,600"
HAI_AN_AREA = 3_990                   # "nearly 40 km2" -> 39.90
HAI_AN_MIN_DOSSIERS = 8_133 * 12 // 4  # 8,133 settled on time in ~4 months
BLV_POPULATION = 1_000
BLV_AREA = 307
BLV_DOSSIERS = 16 * 4
BLV_SCHOOLS = 2
# Published staff figures: name -> (quota, in post)
STAFF_ANCHORS = {AN_PHONG: (476, 441), BACH_LONG_VI: (35 + 42, 28 + 36)}

REGIMES = {"Hai Phong (before 2025 merger)": "HP", "Hai Duong (before 2025 merger)": "HD"}

# Rough mean population and area (km2) per new unit of each former district: our own
# round figures (old district population or area / number of new units), priors only.
DISTRICT_PRIOR = {
    "Thủy Nguyên": (52_000, 33.0), "Hồng Bàng": (90_000, 14.0), "Ngô Quyền": (95_000, 6.5),
    "Lê Chân": (80_000, 6.5), "Hải An": (50_000, 45.0), "Kiến An": (60_000, 15.0),
    "Đồ Sơn": (27_000, 22.0), "Dương Kinh": (32_000, 23.0), "An Dương": (58_000, 26.0),
    "An Lão": (31_000, 23.0), "Kiến Thụy": (30_000, 22.0), "Tiên Lãng": (27_000, 30.0),
    "Vĩnh Bảo": (28_000, 26.0), "TP Hải Dương": (58_000, 14.0), "Chí Linh": (38_000, 45.0),
    "Kinh Môn": (31_000, 24.0), "Nam Sách": (32_000, 22.0), "Thanh Hà": (34_000, 32.0),
    "Cẩm Giàng": (36_000, 22.0), "Bình Giang": (33_000, 26.0), "Gia Lộc": (37_000, 28.0),
    "Tứ Kỳ": (31_000, 28.0), "Ninh Giang": (31_000, 27.0), "Thanh Miện": (29_000, 24.0),
    "Kim Thành": (35_000, 28.0),
}

# Unit-level prior overrides (used instead of the district prior, without noise).
# An Phong: its published staff in post (441) and spending ("over 120 bn" in ~4 months,
# about 360 bn a year) point to a ward of about 50,000 people rather than the An Dương
# district prior.
UNIT_PRIOR = {AN_PHONG: (50_000, None)}

COASTAL = {CAT_HAI, BACH_LONG_VI, HAI_AN, "Phường Đông Hải", "Phường Đồ Sơn",
           "Phường Nam Đồ Sơn", "Phường Nam Triệu", "Xã Kiến Hải", "Xã Hùng Thắng"}

# ---------------------------------------------------------------- norm settings
KIND_COEF = {"commune": 1.0, "ward": 1.1, "special_zone": 1.3}
CLASS_COEF = {"I": 1.1, "II": 1.0, "III": 1.2}
ISLAND_COEF = 1.5
COASTAL_COEF = 1.05
DELEGATED_SHARE = 0.06
# norm parameter -> (column, target share of the norm part of the recurrent total)
RECURRENT_TERMS = {
    "pc": ("population", 0.55), "pk": ("area_km2", 0.10), "wd": ("dossiers", 0.07),
    "ws": ("staff_in_post", 0.15), "wsc": ("schools", 0.08), "wh": ("health_stations", 0.02),
    "wq": ("hq_buildings", 0.03),
}
INVESTMENT_TERMS = {"ipc": ("population", 0.80), "ipk": ("area_km2", 0.20)}
LAST_YEAR_SIGMA = 0.12

# ---------------------------------------------------------------- revenue settings
REV_SOURCES = ["lu_city", "lu_commune", "lu_small", "land_rent", "non_ag_land_tax",
               "registration_fee", "household_business", "pit", "fees_charges"]
LAND_USE_SPLIT = {"lu_city": 0.70, "lu_commune": 0.20, "lu_small": 0.10}
FIXED_REV_TOTALS = {"land_rent": 4_500_000}
BASE_REV_TOTALS = {"non_ag_land_tax": 250_000, "registration_fee": 3_200_000,
                   "household_business": 3_000_000, "pit": 7_500_000, "fees_charges": 800_000}
REV_SIGMA = {"lu_city": 1.0, "lu_commune": 0.7, "lu_small": 0.5, "land_rent": 0.8,
             "non_ag_land_tax": 0.3, "registration_fee": 0.3, "household_business": 0.3,
             "pit": 0.35, "fees_charges": 0.3}
REV_KIND_FACTOR = {"commune": 1.0, "ward": 1.8, "special_zone": 1.4}
REV_CLASS_FACTOR = {"I": 1.3, "II": 1.0, "III": 0.2}
RICH = {HAI_AN: 2.2, "Phường Lê Chân": 1.6, "Phường Ngô Quyền": 1.8, "Phường Đông Hải": 1.6}
AN_PHONG_TERRITORY_TARGET = 420_000     # ~140 bn in ~4 months [000], annualised
CITY_ADMINISTERED = {"lu_city", "land_rent"}
OWN_REVENUE_CAP = 1.3                  # x the unit's 2026 budget
OWN_REVENUE_CAP_EXCEPTIONS = 5


def commune_share(unit, source):
    """Baseline percentage (0..1) of a source kept by the commune level in this unit."""
    hp = unit["regime"] == "HP"
    if source == "lu_commune":
        return 0.20
    if source == "lu_small":
        return 0.40 if unit["kind"] == "ward" else 0.60
    if source in ("non_ag_land_tax", "fees_charges"):
        return 1.0
    if source == "registration_fee":
        return 0.50 if hp else 0.30
    if source == "household_business":
        return 1.0 if hp else 0.70
    if source == "pit":
        return 0.30 if hp else 0.20
    return 0.0                           # lu_city, land_rent


# ================================================================ helpers
def stream(tag):
    """An independent, reproducible random stream for one quantity."""
    return random.Random(f"{SEED}:{tag}")


def lognoise(rng, sigma, clip=None):
    z = rng.gauss(0.0, sigma)
    if clip is not None:
        z = max(-clip * sigma, min(clip * sigma, z))
    return math.exp(z)


def largest_remainder(values, total):
    """Integers summing exactly to `total`, proportional to the non-negative `values`.

    The values are scaled by total / sum(values), floored, and the shortfall is given one
    by one to the largest fractional parts (ties: earlier row first)."""
    s = math.fsum(values)
    if s <= 0:
        raise ValueError("largest_remainder: values sum to zero")
    scaled = [v * total / s for v in values]
    ints = [math.floor(x) for x in scaled]
    short = total - sum(ints)
    order = sorted(range(len(values)), key=lambda i: (-(scaled[i] - ints[i]), i))
    for i in order[:short]:
        ints[i] += 1
    return ints


def fit_bounded(weights, total, lo, hi):
    """Integers in [lo, hi] summing to `total`, proportional to `weights` where possible.

    Finds the scale s with sum(clamp(s*w, lo, hi)) == total by bisection, fixes the units
    that clamp, and shares the rest by largest remainder."""
    n = len(weights)
    if not n * lo <= total <= n * hi:
        raise ValueError("fit_bounded: infeasible total")

    def clamped_sum(s):
        return math.fsum(min(hi, max(lo, s * w)) for w in weights)

    a, b = 0.0, 1.0
    while clamped_sum(b) < total:
        b *= 2
    for _ in range(200):
        m = (a + b) / 2
        a, b = (m, b) if clamped_sum(m) < total else (a, m)
    s = (a + b) / 2
    result = [None] * n
    free = []
    for i, w in enumerate(weights):
        if s * w <= lo:
            result[i] = lo
        elif s * w >= hi:
            result[i] = hi
        else:
            free.append(i)
    rest = total - sum(r for r in result if r is not None)
    for i, v in zip(free, largest_remainder([weights[i] for i in free], rest)):
        result[i] = v
    return result


def percentile_ranks(values):
    """0 for the smallest value, 1 for the largest (ties by row order)."""
    order = sorted(range(len(values)), key=lambda i: (values[i], i))
    ranks = [0.0] * len(values)
    for r, i in enumerate(order):
        ranks[i] = r / (len(values) - 1) if len(values) > 1 else 0.0
    return ranks


def round_sig(x, digits=6):
    return float(f"{x:.{digits}g}")


def fmt_number(x):
    """A rounded parameter as plain decimal text (no exponent)."""
    text = format(Decimal(f"{x:.6g}"), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def nfc(text):
    return unicodedata.normalize("NFC", text)


def by_name(units):
    return {u["name"]: u for u in units}


# ================================================================ reading
def read_source():
    with open(SOURCE, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    units = []
    for seq, row in enumerate(rows, 1):
        units.append({
            "seq": seq, "name": nfc(row["name"]), "kind": row["kind"],
            "district": nfc(row["former_district"]), "regime": REGIMES[row["former_province"]],
            "published": [],
        })
    return units


# ================================================================ physical data
def assign_kind_quantity(units, kind, column, anchors, total, sigma, prior_index, tag):
    """Set the anchored units of `kind`; return the free units, their prior weights
    (district prior x noise, or a UNIT_PRIOR override) and the total left for them."""
    rng = stream(tag)
    members = [u for u in units if u["kind"] == kind]
    free, weights = [], []
    for u in members:
        noise = lognoise(rng, sigma)       # drawn for every member: stable streams
        override = UNIT_PRIOR.get(u["name"], (None, None))[prior_index]
        if u["name"] in anchors:
            u[column] = anchors[u["name"]]
        elif override is not None:
            free.append(u)
            weights.append(override)
        else:
            free.append(u)
            weights.append(DISTRICT_PRIOR[u["district"]][prior_index] * noise)
    return free, weights, total - sum(anchors[u["name"]] for u in members if u["name"] in anchors)


def assign_population(units):
    commune_total = N_KIND["commune"] * COMMUNE_POP["mean"]
    ward_total = N_KIND["ward"] * WARD_POP["mean"]
    for kind, spec, total, sigma, extra in (
        ("commune", COMMUNE_POP, commune_total, 0.12, {}),
        ("ward", WARD_POP, ward_total, 0.20, {HAI_AN: HAI_AN_POPULATION}),
    ):
        anchors = {spec["max"][0]: spec["max"][1], spec["min"][0]: spec["min"][1], **extra}
        free, weights, rest = assign_kind_quantity(units, kind, "population", anchors, total,
                                                   sigma, 0, f"population:{kind}")
        values = fit_bounded(weights, rest, spec["min"][1] + 1, spec["max"][1] - 1)
        for u, v in zip(free, values):
            u["population"] = v
    zone_total = TOTAL_POPULATION - commune_total - ward_total
    names = by_name(units)
    names[BACH_LONG_VI]["population"] = BLV_POPULATION
    names[CAT_HAI]["population"] = zone_total - BLV_POPULATION
    for kind, spec in (("commune", COMMUNE_POP), ("ward", WARD_POP)):
        for end in ("max", "min"):
            names[spec[end][0]]["published"].append("population")


def assign_area(units):
    """Area in integer hundredths of a km2 (column area_h); area_km2 = area_h / 100."""
    commune_total = N_KIND["commune"] * COMMUNE_AREA["mean"]
    ward_total = N_KIND["ward"] * WARD_AREA["mean"]
    for kind, spec, total, extra in (
        ("commune", COMMUNE_AREA, commune_total, {}),
        ("ward", WARD_AREA, ward_total, {HAI_AN: HAI_AN_AREA}),
    ):
        anchors = {spec["max"][0]: spec["max"][1], spec["min"][0]: spec["min"][1], **extra}
        free, weights, rest = assign_kind_quantity(units, kind, "area_h", anchors, total,
                                                   0.12, 1, f"area:{kind}")
        values = fit_bounded(weights, rest, spec["min"][1] + 1, spec["max"][1] - 1)
        for u, v in zip(free, values):
            u["area_h"] = v
    names = by_name(units)
    names[BACH_LONG_VI]["area_h"] = BLV_AREA
    names[CAT_HAI]["area_h"] = TOTAL_AREA_HUNDREDTHS - commune_total - ward_total - BLV_AREA
    for u in units:
        u["area_km2"] = u["area_h"] / 100
    for spec in (COMMUNE_AREA, WARD_AREA):
        for end in ("max", "min"):
            names[spec[end][0]]["published"].append("area_km2")


def size_score(subset):
    """0.6 x population percentile + 0.4 x area percentile, within `subset`."""
    pop = percentile_ranks([u["population"] for u in subset])
    area = percentile_ranks([u["area_h"] for u in subset])
    return {u["name"]: 0.6 * p + 0.4 * a for u, p, a in zip(subset, pop, area)}


def assign_class(units):
    for kind, n_special, special_class, default in (("commune", 9, "I", "II"),
                                                    ("ward", 9, "II", "I")):
        members = [u for u in units if u["kind"] == kind]
        score = size_score(members)
        # communes: the 9 highest scores; wards: the 9 lowest scores
        ranked = sorted(members, key=lambda u: (score[u["name"]], u["seq"]),
                        reverse=(kind == "commune"))
        for i, u in enumerate(ranked):
            u["class"] = special_class if i < n_special else default
    names = by_name(units)
    names[CAT_HAI]["class"] = "I"
    names[BACH_LONG_VI]["class"] = "III"
    names[CAT_HAI]["published"].append("class")
    names[BACH_LONG_VI]["published"].append("class")


def assign_flags(units):
    for u in units:
        u["island"] = 1 if u["kind"] == "special_zone" else 0
        u["coastal"] = 1 if u["name"] in COASTAL else 0
        u["health_stations"] = 0 if u["name"] == BACH_LONG_VI else 1


def assign_dossiers(units):
    rng = stream("dossiers")
    factor = {"commune": 0.9, "ward": 1.2, "special_zone": 1.0}
    weights = [u["population"] * factor[u["kind"]] * lognoise(rng, 0.2) for u in units]
    free = [i for i, u in enumerate(units) if u["name"] != BACH_LONG_VI]
    values = largest_remainder([weights[i] for i in free], DOSSIERS_TOTAL - BLV_DOSSIERS)
    for i, v in zip(free, values):
        units[i]["dossiers"] = v
    by_name(units)[BACH_LONG_VI]["dossiers"] = BLV_DOSSIERS


def assign_staff(units):
    rng = stream("staff")
    noise = [lognoise(rng, 0.15) for _ in units]
    vacancy = [rng.uniform(0.03, 0.12) for _ in units]
    free = [i for i, u in enumerate(units) if u["name"] not in STAFF_ANCHORS]
    rest = STAFF_IN_POST_TOTAL - sum(a[1] for a in STAFF_ANCHORS.values())
    weights = [(60 + 0.011 * units[i]["population"]) * noise[i] for i in free]
    for i, v in zip(free, largest_remainder(weights, rest)):
        units[i]["staff_in_post"] = v
        units[i]["staff_quota"] = math.ceil(v * (1 + vacancy[i]))
    for u in units:
        if u["name"] in STAFF_ANCHORS:
            u["staff_quota"], u["staff_in_post"] = STAFF_ANCHORS[u["name"]]
            u["published"] += ["staff_quota", "staff_in_post"]


def assign_schools(units):
    rng = stream("schools")
    noise = [lognoise(rng, 0.12) for _ in units]
    free = [i for i, u in enumerate(units) if u["name"] != BACH_LONG_VI]
    values = fit_bounded([units[i]["population"] * noise[i] for i in free],
                         SCHOOLS - BLV_SCHOOLS, 3, 200)
    for i, v in zip(free, values):
        units[i]["schools"] = v
    by_name(units)[BACH_LONG_VI]["schools"] = BLV_SCHOOLS


def assign_hq_buildings(units):
    rng = stream("hq")
    area = percentile_ranks([u["area_h"] for u in units])
    pop = percentile_ranks([u["population"] for u in units])
    score = [0.7 * a + 0.3 * p + rng.gauss(0.0, 0.08) for a, p in zip(area, pop)]
    order = sorted(range(len(units)), key=lambda i: (-score[i], i))
    counts = [n for n in sorted(HQ_COUNTS, reverse=True) for _ in range(HQ_COUNTS[n])]
    for i, n in zip(order, counts):
        units[i]["hq_buildings"] = n


def assign_pmb(units):
    rng = stream("pmb")
    base = size_score(units)
    score = {}
    for u in units:
        noise = lognoise(rng, 0.25)
        if u["name"] != BACH_LONG_VI:
            score[u["name"]] = base[u["name"]] * (1.5 if u["class"] == "I" else 1.0) * noise
    chosen = set(sorted(score, key=lambda n: (-score[n], n))[:PMB_COUNT])
    for u in units:
        u["has_pmb"] = 1 if u["name"] in chosen else 0


# ================================================================ budget from norms
def coefficient(u):
    c = KIND_COEF[u["kind"]] * CLASS_COEF[u["class"]]
    if u["island"]:
        c *= ISLAND_COEF
    if u["coastal"]:
        c *= COASTAL_COEF
    return c


def assign_delegated(units):
    total = round(DELEGATED_SHARE * BUDGET_RECURRENT)
    pop = sum(u["population"] for u in units)
    dos = sum(u["dossiers"] for u in units)
    weights = [0.5 * u["population"] / pop + 0.5 * u["dossiers"] / dos for u in units]
    for u, v in zip(units, largest_remainder(weights, total)):
        u["delegated"] = v
    return total


def calibrate_norms(units, delegated_total):
    """Solve the norm parameters for the published totals, then round to 6 digits."""
    norm_target = BUDGET_RECURRENT - delegated_total
    norms = {}
    for name, (column, share) in RECURRENT_TERMS.items():
        exposure = math.fsum(u[column] * coefficient(u) for u in units)
        norms[name] = round_sig(share * norm_target / exposure)
    for name, (column, share) in INVESTMENT_TERMS.items():
        exposure = math.fsum(u[column] for u in units)
        norms[name] = round_sig(share * BUDGET_INVESTMENT / exposure)
    norms["other"] = round_sig(BUDGET_OTHER / len(units))
    return norms


def norm_recurrent(u, norms):
    """The norm part of recurrent spending (without the delegated earmark), real-valued."""
    base = math.fsum(norms[name] * u[column] for name, (column, _) in RECURRENT_TERMS.items())
    return base * coefficient(u)


def assign_budget(units, norms):
    recurrent = [norm_recurrent(u, norms) + u["delegated"] for u in units]
    investment = [norms["ipc"] * u["population"] + norms["ipk"] * u["area_km2"] for u in units]
    other = [norms["other"]] * len(units)
    for col, values, total in (("budget_recurrent", recurrent, BUDGET_RECURRENT),
                               ("budget_investment", investment, BUDGET_INVESTMENT),
                               ("budget_other", other, BUDGET_OTHER)):
        for u, v in zip(units, largest_remainder(values, total)):
            u[col] = v
    rng = stream("last_year")
    last = [norm_recurrent(u, norms) * lognoise(rng, LAST_YEAR_SIGMA) for u in units]
    for u, v in zip(units, largest_remainder(last, LAST_YEAR_RECURRENT)):
        u["last_year"] = v
    return {"recurrent": math.fsum(recurrent), "investment": math.fsum(investment),
            "other": math.fsum(other)}


def realised_shares(units, norms):
    total = math.fsum(norm_recurrent(u, norms) for u in units)
    return {name: math.fsum(norms[name] * u[column] * coefficient(u) for u in units) / total
            for name, (column, _) in RECURRENT_TERMS.items()}


# ================================================================ revenue
def revenue_noise(units):
    """One truncated lognormal factor per unit and source, drawn once."""
    noise = {}
    for s in REV_SOURCES:
        rng = stream(f"rev:{s}")
        noise[s] = [lognoise(rng, REV_SIGMA[s], clip=2.5) for _ in units]
    return noise


def revenue_weights(units, noise, an_phong_factor):
    weights = {}
    for s in REV_SOURCES:
        weights[s] = []
        for u, z in zip(units, noise[s]):
            rich = an_phong_factor if u["name"] == AN_PHONG else RICH.get(u["name"], 1.0)
            weights[s].append(u["population"] * REV_KIND_FACTOR[u["kind"]]
                              * REV_CLASS_FACTOR[u["class"]] * rich * z)
    return weights


def commune_fraction(units, weights, s):
    """Share of source s's citywide total that the commune level keeps at baseline."""
    return math.fsum(commune_share(u, s) * w for u, w in zip(units, weights[s])) / math.fsum(weights[s])


def calibrate_revenue_totals(units, weights):
    """Real-valued source totals: land-use fixed, land rent fixed, the rest scaled by one
    factor so the baseline commune own revenue is COMMUNE_OWN_REVENUE_TARGET."""
    totals = {s: LAND_USE_TOTAL * f for s, f in LAND_USE_SPLIT.items()}
    totals.update(FIXED_REV_TOTALS)
    fixed_part = math.fsum(commune_fraction(units, weights, s) * t for s, t in totals.items())
    base_part = math.fsum(commune_fraction(units, weights, s) * t for s, t in BASE_REV_TOTALS.items())
    factor = (COMMUNE_OWN_REVENUE_TARGET - fixed_part) / base_part
    totals.update({s: t * factor for s, t in BASE_REV_TOTALS.items()})
    return totals, factor


def an_phong_territory(units, weights, totals):
    i = next(k for k, u in enumerate(units) if u["name"] == AN_PHONG)
    return math.fsum(totals[s] * weights[s][i] / math.fsum(weights[s])
                     for s in REV_SOURCES if s not in CITY_ADMINISTERED)


def solve_an_phong_factor(units, noise):
    lo, hi = 0.05, 50.0
    for _ in range(100):
        mid = math.sqrt(lo * hi)
        w = revenue_weights(units, noise, mid)
        totals, _ = calibrate_revenue_totals(units, w)
        if an_phong_territory(units, w, totals) < AN_PHONG_TERRITORY_TARGET:
            lo = mid
        else:
            hi = mid
    return round_sig(math.sqrt(lo * hi), 4)


def assign_revenue(units):
    noise = revenue_noise(units)
    an_phong = solve_an_phong_factor(units, noise)
    weights = revenue_weights(units, noise, an_phong)
    real_totals, factor = calibrate_revenue_totals(units, weights)
    totals = {s: (round(t) if s in LAND_USE_SPLIT or s in FIXED_REV_TOTALS
                  else round(t / 1000) * 1000) for s, t in real_totals.items()}
    for s in REV_SOURCES:
        for u, v in zip(units, largest_remainder(weights[s], totals[s])):
            u[f"rev_{s}"] = v
    for u in units:
        u["own_revenue"] = math.fsum(commune_share(u, s) * u[f"rev_{s}"] for s in REV_SOURCES)
    return {"totals": totals, "factor": factor, "an_phong_factor": an_phong}


# ================================================================ checks
class Checks:
    def __init__(self):
        self.failures = []
        self.count = 0

    def check(self, ok, message):
        self.count += 1
        if not ok:
            self.failures.append(message)


def mean_rounds_to(total, n, target):
    """round-half-up(total / n) == target, in integers."""
    return (2 * total + n) // (2 * n) == target


def check_extremes(c, units, kind, column, spec, label):
    members = [u for u in units if u["kind"] == kind]
    names = by_name(members)
    hi_name, hi = spec["max"]
    lo_name, lo = spec["min"]
    c.check(names[hi_name][column] == hi, f"{label}: {hi_name} must be {hi}")
    c.check(names[lo_name][column] == lo, f"{label}: {lo_name} must be {lo}")
    others = [u for u in members if u["name"] not in (hi_name, lo_name)]
    c.check(all(lo < u[column] < hi for u in others), f"{label}: others strictly inside ({lo}, {hi})")
    total = sum(u[column] for u in members)
    c.check(mean_rounds_to(total, len(members), spec["mean"]), f"{label}: mean rounds to {spec['mean']}")


def run_checks(units, norms):
    c = Checks()
    names = by_name(units)
    c.check(len(units) == 114, "114 units")
    for kind, n in N_KIND.items():
        c.check(sum(u["kind"] == kind for u in units) == n, f"{n} units of kind {kind}")
    c.check(sum(u["population"] for u in units) == TOTAL_POPULATION, "population total")
    c.check(sum(u["area_h"] for u in units) == TOTAL_AREA_HUNDREDTHS, "area total")
    check_extremes(c, units, "commune", "population", COMMUNE_POP, "commune population")
    check_extremes(c, units, "ward", "population", WARD_POP, "ward population")
    check_extremes(c, units, "commune", "area_h", COMMUNE_AREA, "commune area")
    check_extremes(c, units, "ward", "area_h", WARD_AREA, "ward area")
    c.check(names[HAI_AN]["population"] > 102_600, "Hải An over 102,600 people")
    c.check(3_950 <= names[HAI_AN]["area_h"] < 4_000, "Hải An nearly 40 km2")
    c.check(names[BACH_LONG_VI]["population"] < names[CAT_HAI]["population"], "BLV smaller than Cát Hải")
    for (kind, cls), n in CLASS_COUNTS.items():
        c.check(sum(u["kind"] == kind and u["class"] == cls for u in units) == n,
                f"{n} {kind} units of class {cls}")
    c.check(names[CAT_HAI]["class"] == "I" and names[BACH_LONG_VI]["class"] == "III", "special zone classes")
    for n, count in HQ_COUNTS.items():
        c.check(sum(u["hq_buildings"] == n for u in units) == count, f"{count} units use {n} HQ buildings")
    c.check(sum(u["has_pmb"] for u in units) == PMB_COUNT, f"{PMB_COUNT} units with a PMB")
    c.check(sum(u["health_stations"] for u in units) == HEALTH_STATIONS, "113 health stations")
    c.check(all(u["health_stations"] in (0, 1) for u in units), "health stations 0 or 1")
    c.check(sum(u["schools"] for u in units) == SCHOOLS, "1,320 schools")
    c.check(sum(u["dossiers"] for u in units) == DOSSIERS_TOTAL, "dossier total")
    c.check(names[HAI_AN]["dossiers"] >= HAI_AN_MIN_DOSSIERS, "Hải An dossiers >= 24,399")
    c.check(names[BACH_LONG_VI]["dossiers"] == BLV_DOSSIERS, "BLV dossiers")
    for name, (quota, post) in STAFF_ANCHORS.items():
        c.check(names[name]["staff_quota"] == quota and names[name]["staff_in_post"] == post,
                f"{name} staff {quota}/{post}")
    c.check(all(u["staff_in_post"] <= u["staff_quota"] for u in units), "in post <= quota")
    c.check(sum(u["staff_in_post"] for u in units) == STAFF_IN_POST_TOTAL, "staff in post total")
    c.check(sum(u["island"] for u in units) == 2, "two island units")
    c.check(sum(u["budget_recurrent"] for u in units) == BUDGET_RECURRENT, "recurrent total")
    c.check(sum(u["budget_investment"] for u in units) == BUDGET_INVESTMENT, "investment total")
    c.check(sum(u["budget_other"] for u in units) == BUDGET_OTHER, "other total")
    c.check(sum(u["last_year"] for u in units) == LAST_YEAR_RECURRENT, "last_year total")
    c.check(all(u["budget_recurrent"] > u["delegated"] > 0 for u in units), "delegated inside recurrent")
    max_gap = max(abs(u["budget_recurrent"] - norm_recurrent(u, norms) - u["delegated"]) for u in units)
    c.check(max_gap < 5, f"recurrent within 5 million of the norm formula (gap {max_gap:.2f})")
    land = sum(u[f"rev_{s}"] for u in units for s in LAND_USE_SPLIT)
    c.check(land == LAND_USE_TOTAL, "land-use fee total 36,200,000")
    own = math.fsum(u["own_revenue"] for u in units)
    c.check(abs(own - COMMUNE_OWN_REVENUE_TARGET) <= 0.005 * COMMUNE_OWN_REVENUE_TARGET,
            f"commune own revenue {own:,.0f} within 0.5% of 11,300,000")
    over = [u for u in units if u["own_revenue"] > OWN_REVENUE_CAP * budget(u)]
    c.check(len(over) <= OWN_REVENUE_CAP_EXCEPTIONS and all(u["kind"] == "ward" for u in over),
            f"own revenue > 1.3x budget only in <= 5 wards (got {[u['name'] for u in over]})")
    c.check(all(u[f"rev_{s}"] >= 0 for u in units for s in REV_SOURCES), "revenues non-negative")
    return c


def budget(u):
    return u["budget_recurrent"] + u["budget_investment"] + u["budget_other"]


# ================================================================ writing
def header_comments(rev, delegated_total):
    t = rev["totals"]
    return [
        "# Hai Phong 2026 default scenario: one row per commune-level unit (114 units). Money in million VND.",
        "# GENERATED by scripts/gen_haiphong_units.py from scenarios/data/haiphong-units-source.csv; "
        "do not edit by hand: change the script and run it again.",
        "# REAL FIGURES go in a table of your own, named by your scenario's units.table: "
        "fiscalsim template writes one to fill in (docs/huong-dan.md section 3, docs/guide.md section 3).",
        "# ESTIMATES: class, population, area_km2, dossiers, staff_quota, staff_in_post, schools, "
        "health_stations, hq_buildings, coastal, has_pmb, last_year, delegated, budget_recurrent, "
        "budget_investment, budget_other and all rev_* columns are estimates, EXCEPT the fields that "
        "the row's `published` column names. name, kind, district, regime, island come from the listing.",
        "# Published totals reproduced exactly: population 4,664,124; area 3,194.72 km2; communes "
        "population max 51,163 (Mao Điền) min 20,236 (Thái Tân) mean 33,797, area max 55.70 (Hùng Thắng) "
        "min 16.26 (Kiến Minh) mean 26.60; wards population max 156,076 (Lê Chân) min 16,722 (Nguyễn Trãi) "
        "mean 52,099, area max 54.42 (Đông Hải) min 5.02 (Gia Viên) mean 25.63.",
        "# Also exact: classes 46 I / 67 II / 1 III; 113 health stations; 1,320 schools; HQ buildings "
        "23x1 74x2 13x3 3x4 1x5; 48 project management boards; staff in post 56,669 (all commune-level "
        "civil servants and public employees, 31/5/2026); 2026 budget recurrent 25,571,783 investment "
        "2,641,294 other 564,258; last_year (2025 recurrent actual) 28,365,035; land-use fees 36,200,000 [report].",
        f"# budget_* come from the norms in haiphong-2026-norms.txt; delegated (new 2026 tasks, included in "
        f"budget_recurrent) totals {delegated_total:,}; revenue totals: "
        + "; ".join(f"{s} {t[s]:,}" for s in REV_SOURCES) + ".",
    ]


def row_values(u):
    values = []
    for col in COLUMNS:
        if col == "area_km2":
            values.append(f"{u['area_h'] // 100}.{u['area_h'] % 100:02d}")
        elif col == "published":
            values.append(";".join(c for c in COLUMNS if c in u["published"]))
        else:
            values.append(str(u[col]))
    return values


def write_units(units, rev, delegated_total):
    with open(OUT_UNITS, "w", encoding="utf-8", newline="") as f:
        for line in header_comments(rev, delegated_total):
            f.write(line + "\n")
        writer = csv.writer(f, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        writer.writerow(COLUMNS)
        for u in units:
            writer.writerow(row_values(u))


def write_norms(norms, shares, delegated_total):
    lines = [
        "# Norm parameters of the Hai Phong 2026 default scenario: ESTIMATES, calibrated by",
        "# scripts/gen_haiphong_units.py so that the per-unit amounts in haiphong-2026-units.csv",
        "# add up to the published 2026 commune-level budget (million VND). Do not edit by hand.",
        "#   recurrent_i  = (pc*population + pk*area_km2 + wd*dossiers + ws*staff_in_post",
        "#                   + wsc*schools + wh*health_stations + wq*hq_buildings)",
        "#                  * kind_coef[kind] * class_coef[class] * (island ? island_coef : 1)",
        "#                  * (coastal ? coastal_coef : 1) + delegated_i",
        "#   investment_i = ipc*population + ipk*area_km2",
        "#   other_i      = other",
        "# Parameters are rounded to 6 significant digits after solving; the integers in the table",
        "# are the formula values with these parameters, largest-remainder rounded to the totals",
        f"# recurrent {BUDGET_RECURRENT:,} (delegated {delegated_total:,} inside), investment "
        f"{BUDGET_INVESTMENT:,}, other {BUDGET_OTHER:,}.",
        "# Shares of the norm part of recurrent: "
        + ", ".join(f"{k} {100 * v:.1f}%" for k, v in shares.items()) + ".",
    ]
    for name in list(RECURRENT_TERMS) + list(INVESTMENT_TERMS) + ["other"]:
        lines.append(f"{name} = {fmt_number(norms[name])}")
    for kind, v in KIND_COEF.items():
        lines.append(f"kind_coef.{kind} = {fmt_number(v)}")
    for cls, v in CLASS_COEF.items():
        lines.append(f"class_coef.{cls} = {fmt_number(v)}")
    lines.append(f"island_coef = {fmt_number(ISLAND_COEF)}")
    lines.append(f"coastal_coef = {fmt_number(COASTAL_COEF)}")
    with open(OUT_NORMS, "w", encoding="utf-8", newline="") as f:
        f.write("\n".join(lines) + "\n")


def reread_units():
    """Parse the written table back: 114 rows of len(COLUMNS) fields after the comments."""
    with open(OUT_UNITS, encoding="utf-8", newline="") as f:
        lines = [line for line in f if not line.startswith("#")]
    rows = list(csv.reader(lines))
    return rows[0] == COLUMNS and len(rows) == 115 and all(len(r) == len(COLUMNS) for r in rows)


# ================================================================ summary
def at_fit_bounds(units):
    """Names of units whose estimate was clamped by fit_bounded (one step inside a
    published extreme, or the minimum of 3 schools)."""
    hits = []
    for kind, pop, area in (("commune", COMMUNE_POP, COMMUNE_AREA), ("ward", WARD_POP, WARD_AREA)):
        for u in units:
            if u["kind"] != kind:
                continue
            if u["population"] in (pop["min"][1] + 1, pop["max"][1] - 1) or \
                    u["area_h"] in (area["min"][1] + 1, area["max"][1] - 1):
                hits.append(u["name"])
    hits += [u["name"] for u in units if u["schools"] == 3]
    return hits or "none"


def print_summary(units, norms, shares, rev, delegated_total):
    print("Norm parameters (6 significant digits):")
    for name in list(RECURRENT_TERMS) + list(INVESTMENT_TERMS) + ["other"]:
        share = f"  ({100 * shares[name]:.1f}% of norm recurrent)" if name in shares else ""
        print(f"  {name:6} = {fmt_number(norms[name])}{share}")
    print(f"Delegated earmark total: {delegated_total:,}")
    print(f"Units pushed to a fit bound (population/area next to the published extreme, schools at 3): "
          f"{at_fit_bounds(units)}")
    print("By kind:            units  population   area_km2    budget_2026   last_year   own_rev(base)")
    for kind in N_KIND:
        m = [u for u in units if u["kind"] == kind]
        print(f"  {kind:16} {len(m):5} {sum(u['population'] for u in m):11,} "
              f"{sum(u['area_h'] for u in m) / 100:10,.2f} {sum(budget(u) for u in m):14,} "
              f"{sum(u['last_year'] for u in m):11,} {math.fsum(u['own_revenue'] for u in m):15,.0f}")
    print(f"Revenue source totals (non-land factor {rev['factor']:.4f}):")
    for s in REV_SOURCES:
        kept = math.fsum(commune_share(u, s) * u[f'rev_{s}'] for u in units)
        print(f"  {s:20} {rev['totals'][s]:12,}   commune level keeps {kept:12,.0f}")
    own = math.fsum(u["own_revenue"] for u in units)
    print(f"Commune-level own revenue at baseline shares: {own:,.0f} (target {COMMUNE_OWN_REVENUE_TARGET:,})")
    names = by_name(units)
    ap = names[AN_PHONG]
    ap_terr = sum(ap[f"rev_{s}"] for s in REV_SOURCES if s not in CITY_ADMINISTERED)
    print(f"An Phong: richness factor {rev['an_phong_factor']}, territory revenue (commune-administered "
          f"sources) {ap_terr:,}, all sources {sum(ap[f'rev_{s}'] for s in REV_SOURCES):,}, "
          f"budget {budget(ap):,}, population {ap['population']:,}")
    ratios = sorted(units, key=lambda u: -u["own_revenue"] / budget(u))[:6]
    print("Highest own revenue / budget: " + ", ".join(
        f"{u['name']} {u['own_revenue'] / budget(u):.2f}" for u in ratios))


# ================================================================ main
def main():
    units = read_source()
    assign_population(units)
    assign_area(units)
    assign_class(units)
    assign_flags(units)
    assign_dossiers(units)
    assign_staff(units)
    assign_schools(units)
    assign_hq_buildings(units)
    assign_pmb(units)
    delegated_total = assign_delegated(units)
    norms = calibrate_norms(units, delegated_total)
    assign_budget(units, norms)
    shares = realised_shares(units, norms)
    rev = assign_revenue(units)

    checks = run_checks(units, norms)
    print_summary(units, norms, shares, rev, delegated_total)
    if checks.failures:
        print(f"\nFAILED {len(checks.failures)} of {checks.count} checks (nothing written):", file=sys.stderr)
        for message in checks.failures:
            print(f"  - {message}", file=sys.stderr)
        return 1
    write_units(units, rev, delegated_total)
    write_norms(norms, shares, delegated_total)
    if not reread_units():
        print("FAILED: the written table does not parse back to 114 rows", file=sys.stderr)
        return 1
    print(f"\nAll {checks.count} checks passed. Wrote {OUT_UNITS.relative_to(HERE.parent)} "
          f"and {OUT_NORMS.relative_to(HERE.parent)}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
