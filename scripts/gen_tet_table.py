#!/usr/bin/env python3
"""Writes src/base/calendar_tet.c: the first day of Tết (Vietnamese lunar new year) for
every year from 1970 to 2100 (Vietnam has kept its calendar at UTC+7 since 1968).

The dates are computed with the astronomical algorithm of the Vietnamese lunar
calendar as published by Hồ Ngọc Đức ("Thuật toán tính âm lịch"): new moons by
Meeus's series, the sun's longitude, month 11 holding the winter solstice, a leap
month where a lunar year has 13 months, all at UTC+7 (the Vietnamese calendar's
meridian since 1968, which is why some years differ from the Chinese calendar's:
2007 is 17 February in Vietnam and 18 February in China). The script checks itself
against dates known from published calendars before writing anything.

    python3 scripts/gen_tet_table.py > src/base/calendar_tet.c
"""
import math
import sys

TIME_ZONE = 7.0
FIRST, LAST = 1970, 2100


def jd_from_date(dd, mm, yy):
    a = (14 - mm) // 12
    y = yy + 4800 - a
    m = mm + 12 * a - 3
    return dd + (153 * m + 2) // 5 + 365 * y + y // 4 - y // 100 + y // 400 - 32045


def jd_to_date(jd):
    a = jd + 32044
    b = (4 * a + 3) // 146097
    c = a - (b * 146097) // 4
    d = (4 * c + 3) // 1461
    e = c - (1461 * d) // 4
    m = (5 * e + 2) // 153
    day = e - (153 * m + 2) // 5 + 1
    month = m + 3 - 12 * (m // 10)
    year = b * 100 + d - 4800 + m // 10
    return year, month, day


def new_moon(k):
    """Julian day of the k-th new moon after 1900-01-01 (Meeus, Astronomical Algorithms)."""
    t = k / 1236.85
    t2, t3 = t * t, t * t * t
    dr = math.pi / 180
    jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3
    jd1 += 0.00033 * math.sin((166.56 + 132.87 * t - 0.009173 * t2) * dr)
    m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3
    mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3
    f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3
    c1 = (0.1734 - 0.000393 * t) * math.sin(m * dr) + 0.0021 * math.sin(2 * dr * m)
    c1 = c1 - 0.4068 * math.sin(mpr * dr) + 0.0161 * math.sin(dr * 2 * mpr)
    c1 = c1 - 0.0004 * math.sin(dr * 3 * mpr)
    c1 = c1 + 0.0104 * math.sin(dr * 2 * f) - 0.0051 * math.sin(dr * (m + mpr))
    c1 = c1 - 0.0074 * math.sin(dr * (m - mpr)) + 0.0004 * math.sin(dr * (2 * f + m))
    c1 = c1 - 0.0004 * math.sin(dr * (2 * f - m)) - 0.0006 * math.sin(dr * (2 * f + mpr))
    c1 = c1 + 0.0010 * math.sin(dr * (2 * f - mpr)) + 0.0005 * math.sin(dr * (2 * mpr + m))
    if t < -11:
        deltat = 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
    else:
        deltat = -0.000278 + 0.000265 * t + 0.000262 * t2
    return jd1 + c1 - deltat


def new_moon_day(k):
    return int(math.floor(new_moon(k) + 0.5 + TIME_ZONE / 24))


def sun_longitude_sector(day_number):
    """The sun's longitude at the start of the local day, in sectors of 30 degrees (0..11)."""
    t = (day_number - 0.5 - TIME_ZONE / 24 - 2451545.0) / 36525
    t2 = t * t
    dr = math.pi / 180
    m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2
    l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2
    dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * math.sin(dr * m)
    dl += (0.019993 - 0.000101 * t) * math.sin(dr * 2 * m) + 0.000290 * math.sin(dr * 3 * m)
    lon = (l0 + dl) * dr
    lon -= 2 * math.pi * math.floor(lon / (2 * math.pi))
    return int(math.floor(lon / math.pi * 6))


def lunar_month_11(yy):
    """Julian day of the first day of lunar month 11 (the month of the winter solstice) of year yy."""
    off = jd_from_date(31, 12, yy) - 2415021
    k = int(math.floor(off / 29.530588853))
    nm = new_moon_day(k)
    if sun_longitude_sector(nm) >= 9:
        nm = new_moon_day(k - 1)
    return nm


def leap_month_offset(a11):
    k = int(math.floor((a11 - 2415021.076998695) / 29.530588853 + 0.5))
    i = 1
    arc = sun_longitude_sector(new_moon_day(k + i))
    while True:
        last = arc
        i += 1
        arc = sun_longitude_sector(new_moon_day(k + i))
        if not (arc != last and i < 14):
            break
    return i - 1


def tet(year):
    """(month, day) of the first day of lunar month 1 of lunar year `year`."""
    a11 = lunar_month_11(year - 1)
    b11 = lunar_month_11(year)
    k = int(math.floor(0.5 + (a11 - 2415021.076998695) / 29.530588853))
    off = 1 - 11 + 12  # month 1 is two months after month 11
    if b11 - a11 > 365 and off >= leap_month_offset(a11):
        off += 1  # a leap month 11 or 12 comes first
    y, m, d = jd_to_date(new_moon_day(k + off))
    assert y == year, (year, y, m, d)
    return m, d


# Published first days of Tết (Vietnamese calendars), to check the computation.
KNOWN = {1985: (1, 21), 2000: (2, 5), 2001: (1, 24), 2002: (2, 12), 2003: (2, 1), 2004: (1, 22), 2005: (2, 9),
         2006: (1, 29), 2007: (2, 17), 2008: (2, 7), 2009: (1, 26), 2010: (2, 14), 2011: (2, 3),
         2012: (1, 23), 2013: (2, 10), 2014: (1, 31), 2015: (2, 19), 2016: (2, 8), 2017: (1, 28),
         2018: (2, 16), 2019: (2, 5), 2020: (1, 25), 2021: (2, 12), 2022: (2, 1), 2023: (1, 22),
         2024: (2, 10), 2025: (1, 29), 2026: (2, 17), 2027: (2, 6)}


def main():
    dates = {y: tet(y) for y in range(FIRST, LAST + 1)}
    for y, md in KNOWN.items():
        if dates[y] != md:
            sys.exit(f"gen_tet_table: {y}: computed {dates[y]}, published {md}")
    for y, (m, d) in dates.items():
        if not ((m == 1 and d >= 21) or (m == 2 and d <= 20)):
            sys.exit(f"gen_tet_table: {y}: {m}-{d} is outside 21 January to 20 February")
    out = sys.stdout
    out.write(f"/*\n * calendar_tet.c: the first day of Tết (Vietnamese lunar new year), {FIRST} to {LAST} (see\n"
              " * calendar.h). Written by scripts/gen_tet_table.py, which computes the dates with the\n"
              " * Vietnamese lunar calendar's astronomical rules at UTC+7 and checks them against\n"
              " * published calendars; do not edit by hand.\n */\n")
    out.write('#include "calendar.h"\n\n')
    out.write("/* Month * 100 + day of each year's first day of Tết, from FS_TET_FIRST_YEAR. */\n")
    out.write("static const short tet_month_day[FS_TET_LAST_YEAR - FS_TET_FIRST_YEAR + 1] = {\n")
    years = list(dates)
    for i in range(0, len(years), 10):
        row = ", ".join(f"{dates[y][0] * 100 + dates[y][1]}" for y in years[i:i + 10])
        out.write(f"    {row},{'' if i + 10 < len(years) else ''} /* {years[i]}..{years[min(i + 9, len(years) - 1)]} */\n")
    out.write("};\n\n")
    out.write("int32_t fs_tet_date(int year)\n{\n"
              "    if (year < FS_TET_FIRST_YEAR || year > FS_TET_LAST_YEAR) return -1;\n"
              "    int md = tet_month_day[year - FS_TET_FIRST_YEAR];\n"
              "    return fs_days_from_civil(year, md / 100, md % 100);\n}\n")


if __name__ == "__main__":
    main()
